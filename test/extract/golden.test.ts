import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Article } from '../../src/model/index.ts';
import { compareOutcome, goldenCases, runExtraction } from './golden.ts';

const cases = goldenCases();

test('there are golden pages for the main CMS shapes', () => {
  assert.ok(cases.length >= 8, `only ${cases.length} golden pages`);
});

for (const c of cases) {
  test(`golden page: ${c.slug}`, () => {
    const outcome = runExtraction(c.sourcePath, c.expected.input);
    const diffs = compareOutcome(c.expected, outcome);
    assert.deepEqual(diffs, [], `${c.slug} differs:\n  ${diffs.join('\n  ')}`);
    if ('article' in outcome) Article.parse(outcome.article);
  });
}
