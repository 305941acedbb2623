// Sentence splitting and the stemmer shared by patterns and text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitSentences, stem, tokenize } from '../../../src/understand/events/text.ts';

test('sentences: abbreviations and initials do not end a sentence', () => {
  const text = 'Gen. Smith met U.S. envoys. George W. Bush spoke later.\n\nA new paragraph';
  const spans = splitSentences(text).map((s) => text.slice(s.start, s.end));
  assert.deepEqual(spans, ['Gen. Smith met U.S. envoys.', 'George W. Bush spoke later.', 'A new paragraph']);
});

test('stems: inflections of one verb share a stem', () => {
  const table: string[][] = [
    ['agree', 'agreed', 'agrees', 'agreeing'],
    ['accuse', 'accused', 'accusing'],
    ['meet', 'met', 'meeting', 'meets'],
    ['deny', 'denied', 'denies'],
    ['tie', 'ties'],
    ['stop', 'stopped', 'stopping'],
    ['withdraw', 'withdrew', 'withdrawn'],
  ];
  for (const forms of table) assert.equal(new Set(forms.map(stem)).size, 1, forms.join(','));
});

test('tokens carry absolute offsets', () => {
  const [t] = tokenize('xx Iran', 3);
  assert.deepEqual([t?.text, t?.start, t?.end], ['Iran', 3, 7]);
});
