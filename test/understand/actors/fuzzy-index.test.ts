// The misspelling indexes find exactly what a scan with the edit distance would find.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DeletionIndex, NameWordIndex, deletionsOf } from '../../../src/understand/actors/fuzzy-index.ts';
import { allowedEdits, editDistance } from '../../../src/understand/actors/fuzzy.ts';

const WORDS = [
  'tehran',
  'teheran',
  'iran',
  'iraq',
  'ashtiani',
  'ashtiyani',
  'kyiv',
  'kiev',
  'washington',
  'washingtn',
  'moscow',
  'moskva',
  'pyongyang',
  'pyeongyang',
  'abdullah',
  'abdallah',
  'guterres',
  'stoltenberg',
  'stoltenburg',
  'jerusalem',
  'kabul',
  'kandahar',
  'qandahar',
  'mogadishu',
  'islamabad',
];

test('deletion forms: the word itself and every form with up to n letters removed', () => {
  assert.deepEqual([...deletionsOf('abc', 1)].sort(), ['ab', 'abc', 'ac', 'bc']);
  assert.ok(deletionsOf('abcd', 2).has('ad'));
  assert.equal(deletionsOf('abcd', 0).size, 1);
});

test('near() returns the same words as comparing with every word, nearest first', () => {
  const index = new DeletionIndex();
  for (const w of WORDS) index.add(w);
  const queries = [
    'terhan',
    'ashtinai',
    'washingtom',
    'moscw',
    'pyongyng',
    'stoltenbreg',
    'kabul',
    'iram',
    'qandahr',
    'islamabadd',
    'jerusalm',
    'x',
  ];
  for (const q of queries) {
    const expected = WORDS.filter((w) => {
      const limit = allowedEdits(Math.max(w.length, q.length));
      return editDistance(q, w, limit) <= limit;
    });
    const found = index.near(q);
    assert.deepEqual(found.map((n) => n.word).sort(), [...expected].sort(), q);
    const distances = found.map((n) => n.distance);
    assert.deepEqual(
      distances,
      [...distances].sort((a, b) => a - b),
      `${q}: nearest first`,
    );
  }
});

test('near() with a limit keeps only words within it', () => {
  const index = new DeletionIndex();
  for (const w of WORDS) index.add(w);
  assert.deepEqual(
    index.near('tehrn', 1).map((n) => n.word),
    ['tehran'],
  );
  assert.deepEqual(
    index.near('tehran', 0).map((n) => n.word),
    ['tehran'],
  );
  assert.deepEqual(index.near('iram', 1), [], 'four letters allow no edit');
});

test('words added after the first look-up are found too', () => {
  const index = new DeletionIndex();
  index.add('tehran');
  assert.equal(index.near('terhan').length, 1);
  index.add('teheran');
  assert.deepEqual(
    index.near('teheran').map((n) => n.word),
    ['teheran', 'tehran'],
  );
});

test('names are found by a word spelt exactly or nearly', () => {
  const names = new NameWordIndex<string>();
  names.add('person:a', 'Mohammad Reza Ashtiani');
  names.add('person:b', 'Ashraf Ghani');
  assert.deepEqual(
    names.withWord('reza').map((n) => n.entry),
    ['person:a'],
  );
  assert.deepEqual(
    names.withNearWord('ashtinai').map((n) => n.words),
    [['mohammad', 'reza', 'ashtiani']],
  );
  assert.deepEqual(
    names.withNearWord('gahni').map((n) => n.entry),
    ['person:b'],
    'a swap is one edit',
  );
  assert.deepEqual(
    names.withNearWord('gxyni').map((n) => n.entry),
    [],
    'five letters allow one edit',
  );
});
