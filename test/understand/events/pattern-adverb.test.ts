// A manner adverb may stand between two words of an event pattern ("withdraw indefinitely from"); a
// word in -ly that is no adverb ("ally", "supply") does not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Lexicon } from '../../../src/understand/events/lexicon.ts';
import { tokenize } from '../../../src/understand/text/index.ts';

const lexicon = new Lexicon({ '0874': ['withdraw from'], '040': ['talk with'] });
const codes = (sentence: string) => lexicon.matchAll(tokenize(sentence)).map((m) => m.pattern.code);

test('a manner adverb inside a pattern is skipped', () => {
  assert.deepEqual(codes('Chile will withdraw indefinitely from the treaty.'), ['0874']);
  assert.deepEqual(codes('Peru agreed to talk directly with Bolivia.'), ['040']);
  assert.deepEqual(codes('Peru agreed to talk with Bolivia.'), ['040']);
});

test('a word in -ly that is no manner adverb, or a longer run of words, breaks the pattern', () => {
  assert.deepEqual(codes('Chile will withdraw supply from the region.'), []);
  assert.deepEqual(codes('Peru agreed to talk early with Bolivia.'), []);
  assert.deepEqual(codes('Chile will withdraw its troops from the region.'), []);
});
