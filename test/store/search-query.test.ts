import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSearchQuery, toFts5Match, toTsQuerySql } from '../../src/store/shared/search-query.ts';

const cases: [string, string][] = [
  ['ruto protest', '("ruto" AND "protest")'],
  ['"finance bill" kenya', '("finance bill" AND "kenya")'],
  ['protest*', '("protest"*)'],
  ['kenya -ruto', '("kenya" NOT ("ruto"))'],
  ['kenya NOT ruto', '("kenya" NOT ("ruto"))'],
  ['lula OR milei', '("lula") OR ("milei")'],
  ['"unbalanced phrase', '("unbalanced phrase")'],
  ['AND OR (', ''],
  ['-ruto', ''],
  ['say "hi"there', '("say" AND "hi" AND "there")'],
  ['he said ""quoted""', '("he" AND "said" AND "quoted")'],
  ["o'brien", `("o'brien")`],
  ['NEAR(a b)', '("NEAR" AND "a" AND "b")'],
  ['x* *', '("x"*)'],
  ['c++ "a""b"', '("c++" AND "a" AND "b")'],
];

for (const [query, fts5] of cases) {
  test(`the query ${JSON.stringify(query)} is ${fts5 ? fts5 : 'empty'} in FTS5`, () => {
    assert.equal(toFts5Match(parseSearchQuery(query)), fts5);
  });
}

test('double quotes inside a term are doubled for FTS5', () => {
  // A quote can only reach a term through the bare-word path, where it ends the word; check the
  // renderer directly too.
  assert.equal(toFts5Match([{ include: [{ kind: 'word', text: 'a"b' }], exclude: [] }]), '("a""b")');
});

test('PostgreSQL gets every term as a bound parameter', () => {
  const params: string[] = [];
  const sql = toTsQuerySql(
    parseSearchQuery(`"finance bill" protest* -ruto OR x'); DROP TABLE d; --`),
    'english',
    (v) => {
      params.push(v);
      return `$${params.length}`;
    },
  );
  assert.equal(
    sql,
    "(phraseto_tsquery('english', $1) && to_tsquery('english', $2) && !!plainto_tsquery('english', $3)) || " +
      "(plainto_tsquery('english', $4) && plainto_tsquery('english', $5) && plainto_tsquery('english', $6) && plainto_tsquery('english', $7))",
  );
  assert.deepEqual(params, ['finance bill', 'protest:*', 'ruto', "x'", 'DROP', 'TABLE', 'd;']);
});

test('a prefix with punctuation is searched as a plain word, so to_tsquery never sees operators', () => {
  assert.deepEqual(parseSearchQuery('a&b*'), [{ include: [{ kind: 'word', text: 'a&b' }], exclude: [] }]);
});

test('at most 32 terms are kept', () => {
  const query = Array.from({ length: 50 }, (_, i) => `w${i}`).join(' ');
  assert.equal(parseSearchQuery(query)[0]!.include.length, 32);
});
