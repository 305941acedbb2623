// The tagger's cached scoring must give exactly the scores of the plain feature-by-feature lookup.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { CachedScorer } from '../../../src/understand/entities/tagger/cached-scorer.ts';
import { FeatureRow, tokenFeatures, viewTokens } from '../../../src/understand/entities/tagger/features.ts';
import { isAllCaps, predictTags, shippedModel } from '../../../src/understand/entities/tagger/tag.ts';

const ARTICLE = readFileSync(new URL('fixtures/article.txt', import.meta.url), 'utf8');
const GAZETTEER = ['', '', 'B-country', '', 'I-org', 'B-demonym', ''];
const sentences = ARTICLE.split(/(?<=[.!?])\s+/)
  .map((s) => s.match(/\p{L}+|\p{N}+|[^\s\p{L}\p{N}]/gu) ?? [])
  .filter((words) => words.length > 0);
// Headlines in capitals take the caps-only features.
sentences.push(['OFFICIALS', 'IN', 'NAIROBI', 'REJECT', 'TALKS']);

test('cached scores equal the plain lookup for every token, whatever the tags before it', () => {
  const model = shippedModel();
  const cached = new CachedScorer(model);
  const plain = new Float64Array(model.classes.length);
  const fast = new Float64Array(model.classes.length);
  const row = new FeatureRow();
  let tokens = 0;
  for (const words of sentences) {
    const views = viewTokens(
      words,
      words.map((_, i) => GAZETTEER[i % GAZETTEER.length]!),
    );
    const allCaps = isAllCaps(words);
    for (let i = 0; i < views.length; i++) {
      for (const [prev, prev2] of [
        ['<s>', '<s>'],
        ['B-PER', 'O'],
        ['I-ORG', 'B-ORG'],
      ] as const) {
        model.scores(tokenFeatures(views, i, prev, prev2, allCaps, row), plain);
        cached.scores(views, i, prev, prev2, allCaps, fast);
        assert.deepEqual(fast, plain, `token ${i} "${words[i]}" after ${prev}`);
      }
      tokens++;
    }
  }
  assert.ok(tokens > 200);
});

test('tagging with the cached scorer gives the same tags as the plain model', () => {
  const model = shippedModel();
  const cached = new CachedScorer(model);
  let named = 0;
  for (const words of sentences) {
    const gazetteer = words.map(() => '');
    const tags = predictTags(cached, words, gazetteer);
    assert.deepEqual(tags, predictTags(model, words, gazetteer));
    named += tags.filter((t) => t !== 'O').length;
  }
  assert.ok(named > 5, 'the article should hold names');
});
