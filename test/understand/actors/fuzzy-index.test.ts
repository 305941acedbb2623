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

test('one-edit look-ups find what a scan finds, before and after a wider look-up', () => {
  // Every one-letter deletion, insertion, substitution and swap of the words, and the words themselves.
  const queries = new Set<string>();
  for (const w of WORDS)
    for (let i = 0; i <= w.length; i++) {
      queries.add(w.slice(0, i) + w.slice(i + 1));
      queries.add(w.slice(0, i) + 'e' + w.slice(i));
      queries.add(w.slice(0, i) + 'x' + w.slice(i + 1));
      queries.add(w.slice(0, i) + w.slice(i + 1, i + 2) + w.slice(i, i + 1) + w.slice(i + 2));
    }
  const scan = (q: string) =>
    WORDS.filter((w) => {
      const limit = Math.min(1, allowedEdits(Math.max(w.length, q.length)));
      return editDistance(q, w, limit) <= limit;
    }).sort();
  const index = new DeletionIndex();
  for (const w of WORDS) index.add(w);
  const narrow = [...queries].map((q) => index.near(q, 1));
  for (const [i, q] of [...queries].entries())
    assert.deepEqual(narrow[i]!.map((n) => n.word).sort(), scan(q), q);
  index.near('terhan'); // the index now holds two-letter deletions too
  assert.deepEqual(
    [...queries].map((q) => index.near(q, 1)),
    narrow,
  );
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
