// Reported statements that are acts: a demand made of an actor is REQUEST, a judgement of an actor's
// conduct ACCUSE, with the speaker as source and the actor spoken of as target.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventsOf } from './helpers.ts';

const brief = (text: string) =>
  eventsOf(text).map((e) => `${e.plover} ${e.source?.code ?? '-'}→${e.target?.code ?? '-'} ${e.modality}`);

test('speech acts: a reported "must", "should" or "needs to" of another actor is the speaker\'s demand', () => {
  for (const text of [
    'Kenya said Uganda must pay its share of the pipeline costs.',
    'Kenya said on Monday that Uganda should reopen the border crossing.',
    'Uganda needs to reopen the border crossing, Kenya said.',
    // "you" is the one the statement is told to
    '"You must reopen the border crossing," Kenya told Uganda.',
  ])
    assert.deepEqual(
      brief(text).filter((b) => b.startsWith('REQUEST')),
      ['REQUEST KEN→UGA happened'],
      text,
    );
});

test("speech acts: a reported judgement of an actor or its doing is the speaker's criticism", () => {
  for (const text of [
    "Kenya said Uganda's new tariff was illegal and unfair.",
    'Iran said the Kenyan government was incompetent.',
    'Kenya said Uganda betrayed its partners in the pipeline deal.',
  ])
    assert.deepEqual(
      brief(text).map((b) => b.split(' ').slice(0, 2).join(' ').replace(/GOV/g, '')),
      [text.startsWith('Iran') ? 'ACCUSE IRN→KEN' : 'ACCUSE KEN→UGA'],
      text,
    );
});

test('speech acts: no act without a judged or addressed actor, nor one the speaker makes of itself', () => {
  for (const text of [
    // the content's subject is no actor
    'Kenya said the economy must grow faster next year.',
    'Kenya said the storm was dangerous.',
    // a passive "should be" says something of its subject, asks nothing of it
    'Kenya said Uganda should be allowed to join the bloc.',
    // the speaker's own duty
    'Kenya said Kenya must reopen the border crossing.',
    // a conditional content clause reports no demand that was made
    'Kenya said that if Uganda must pay, talks would fail.',
  ])
    assert.deepEqual(
      brief(text).filter((b) => /^(?:REQUEST|ACCUSE).* happened$/.test(b)),
      [],
      text,
    );
});

test('speech acts: "told/encouraged X to …" asks X for the act, which is not done', () => {
  for (const text of [
    'Kenya told Uganda to withdraw its troops from the border.',
    'Kenya encouraged Uganda to reopen the border crossing.',
  ])
    assert.deepEqual(brief(text), ['REQUEST KEN→UGA happened'], text);
  // the words before "to" are no addressee: the act is Kenya's own, announced
  assert.deepEqual(
    brief('Kenya told reporters it was going to withdraw its troops from the border.').filter((b) =>
      b.startsWith('REQUEST'),
    ),
    [],
  );
});

test("verbs of criticism of the CAMEO dictionary's denounce and denigrate blocks are ACCUSE", () => {
  for (const text of [
    'Kenya mocked Uganda over its election.',
    'Kenya lambasted Uganda for closing the border.',
    'Kenya belittled Uganda at the summit.',
    // questioning an actor's qualities is criticism of it
    "Kenya questioned the legitimacy of Uganda's election.",
    "Kenya questioned Uganda's credibility as a mediator.",
  ])
    assert.deepEqual(brief(text), ['ACCUSE KEN→UGA happened'], text);
  // questioning a person (an interview or interrogation) is not
  assert.deepEqual(brief('Kenyan police questioned the driver about his health.'), []);
});

test('speech acts: a person named by a lone surname speaks and acts; a headline speaker before a colon', () => {
  const named = (text: string) =>
    eventsOf(text)
      .filter((e) => e.plover === 'REQUEST' || e.plover === 'ACCUSE')
      .map((e) => `${e.plover} ${e.source?.name ?? '-'}→${e.target?.code ?? e.target?.name ?? '-'}`);
  // an unknown surname as the subject of the reporting or the acting clause
  assert.deepEqual(named('Okafor said Uganda lied about the pipeline costs.'), ['ACCUSE Okafor→UGA']);
  assert.deepEqual(named('Okafor mocked Uganda over its election.'), ['ACCUSE Okafor→UGA']);
  // …as the possessor or the first of two coordinated names
  assert.deepEqual(named("Okafor's lawyers accused Uganda of fraud."), ['ACCUSE Okafor→UGA']);
  assert.deepEqual(named('Okafor and Laura Mendes accused Uganda of fraud.'), [
    'ACCUSE Okafor→UGA',
    'ACCUSE Laura Mendes→UGA',
  ]);
  // a pronoun speaks for the last person named, else for an unknown actor
  assert.deepEqual(named('"Uganda must reopen the border crossing," he said.'), ['REQUEST he→UGA']);
  assert.deepEqual(named('Okafor arrived in Kampala. "Uganda must reopen the border crossing," he said.'), [
    'REQUEST Okafor→UGA',
  ]);
  // a capitalised common word is no name
  assert.deepEqual(named('Critics mocked Uganda over its election.'), ['ACCUSE unknown→UGA']);
  // "Name: words" in a headline reports the name's words
  assert.deepEqual(named('Laura Mendes: Uganda must reopen the border crossing'), [
    'REQUEST Laura Mendes→UGA',
  ]);
  // …with a judgement over degree words and a plural possessive
  assert.deepEqual(named("Kenya said the rebels' new tax was a complete sham."), ['ACCUSE Kenya→KENREB']);
  assert.deepEqual(named("Kenya said Uganda's new tax was a complete sham."), ['ACCUSE Kenya→UGA']);
});
