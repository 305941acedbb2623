// Events read the text layer's clauses: the clause of a pattern's verb gives its subject, modality
// (negation, modal, condition, question) and voice; a coordinated clause shares its subject.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codeArticle } from '../../../src/understand/events/index.ts';
import { clauseAt, sentenceClauses } from '../../../src/understand/events/clauses.ts';
import { readText } from '../../../src/understand/text/index.ts';
import { entitiesFor, eventsOf } from './helpers.ts';

const brief = (text: string) =>
  eventsOf(text).map((e) => `${e.plover} ${e.source?.code ?? '-'}→${e.target?.code ?? '-'} ${e.modality}`);

test('clauses: each plain sentence gets its clauses in its own token indexes', () => {
  const doc = readText('Kenya met Uganda on Monday. Later that week Iran did not meet China.');
  assert.equal(doc.plainSentences.length, 2);
  const second = sentenceClauses(doc, 1);
  const tokens = doc.tokens.slice(doc.plainSentences[1]!.first, doc.plainSentences[1]!.last);
  const meet = tokens.findIndex((t) => t.lower === 'meet');
  const clause = clauseAt(second, meet);
  assert.ok(clause, 'the verb of the second sentence has a clause');
  assert.equal(clause.negated, true);
  assert.equal(tokens[clause.subject!.head]?.text, 'Iran');
});

const MODALITY: [rule: string, sentence: string, expected: string][] = [
  [
    'a question reports nothing that happened',
    'Did Kenya attack Uganda last week?',
    'ASSAULT KEN→UGA hypothetical',
  ],
  ['"should not have" negates the act', 'Kenya should not have attacked Uganda.', 'ASSAULT KEN→UGA negated'],
  [
    '"would" outside reported speech is hypothetical',
    'Kenya would attack Uganda only as a last resort.',
    'ASSAULT KEN→UGA hypothetical',
  ],
  [
    'negation in a reported clause',
    'Iran has not sanctioned China, the ministry said.',
    'SANCTION IRN→CHN negated',
  ],
];

for (const [rule, sentence, expected] of MODALITY) {
  test(`clauses: ${rule}`, () => {
    assert.deepEqual(brief(sentence), [expected]);
  });
}

test('clauses: a coordinated clause shares the subject of the clause before', () => {
  assert.deepEqual(brief("Laura Mendes met Argentina's president and praised Chile."), [
    'CONSULT BRAGOV→ARGGOV happened',
    'SUPPORT BRAGOV→CHL happened',
  ]);
});

test('clauses: the subject is the actor before a long aside, not the object after an inverted-looking verb', () => {
  assert.deepEqual(
    brief(
      'The president of Iran, speaking after weeks of talks in Quito with his advisers, accused Colombia of bad faith.',
    ),
    ['ACCUSE IRNGOV→COL happened'],
  );
});

test('clauses: the "by" agent of a passive clause is the source', () => {
  assert.deepEqual(brief('Uganda was attacked by Kenya on Monday.'), ['ASSAULT KEN→UGA happened']);
});

test('clauses: an act named as the object of a reporting verb is the speaker’s', () => {
  assert.deepEqual(brief('Iran announced a suspension of flights to Colombia.'), [
    'SANCTION IRN→COL happened',
  ]);
});

test('clauses: an actor as subject is more credible than a thing doing the same act', () => {
  const confidence = (text: string) =>
    codeArticle(text, entitiesFor(text), { resolve: () => null }).map((e) => [
      e.signals.subject,
      e.confidence,
    ]);
  const [[actorKind, byActor]] = confidence('Kenya criticised Uganda on Monday.') as [[string, number]];
  const [[thingKind, byThing]] = confidence('The report criticised Uganda on Monday.') as [[string, number]];
  assert.equal(actorKind, 'actor');
  assert.equal(thingKind, 'thing');
  assert.ok(byActor > byThing, `${byActor} > ${byThing}`);
});

test('clauses: a plain sentence’s clauses index their own list (TextDoc.plainClauses)', () => {
  const doc = readText('Brazil met Argentina. Kenya attacked Uganda on Monday, the ministry said.');
  const clauses = doc.plainClauses(1);
  const said = clauses.findIndex((c) => doc.tokens[c.verb.head]?.lower === 'said');
  const attacked = clauses.find((c) => doc.tokens[c.verb.head]?.lower === 'attacked');
  assert.ok(said >= 0 && attacked, 'both verbs have a clause');
  assert.equal(attacked.reportedBy, said);
  assert.ok(clauses.every((c) => c.sentence === 1 && c.first >= doc.plainSentences[1]!.first));
});
