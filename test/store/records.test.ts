import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sortKey } from '../../src/store/shared/records.ts';
import { nameKey, wholeWordsPattern, wordPrefixPatterns } from '../../src/store/shared/name-key.ts';

test('publication times with a zone sort in UTC; dates and local times are kept', () => {
  assert.equal(sortKey('2024-03-05T23:30:00-03:00'), '2024-03-06T02:30:00.000Z');
  assert.equal(sortKey('2024-03-05T23:30+0530'), '2024-03-05T18:00:00.000Z');
  assert.equal(sortKey('2024-03-05T23:30:00Z'), '2024-03-05T23:30:00.000Z');
  assert.equal(sortKey('2024-03-05'), '2024-03-05');
  assert.equal(sortKey('2022-04-27T19:45'), '2022-04-27T19:45');
  assert.equal(sortKey(null), null);
});

test('name keys ignore case, accents and punctuation, and match whole words', () => {
  assert.equal(nameKey('Luiz Inácio LULA da Silva'), ' luiz inacio lula da silva ');
  assert.equal(nameKey("O'Brien-Smith"), ' o brien smith ');
  assert.equal(wholeWordsPattern('  Lula  da '), '% lula da %');
  assert.equal(wholeWordsPattern('%_'), null, 'wildcards cannot reach LIKE');
  assert.deepEqual(wordPrefixPatterns('Tear GAS!'), ['% tear%', '% gas%']);
});
