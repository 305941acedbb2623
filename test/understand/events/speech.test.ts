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

test('speech acts: misconduct charged by a verb or an adverb, and a quality denied, are criticism', () => {
  for (const text of [
    'Kenya said Uganda had undermined the pipeline talks.',
    'Kenya said Uganda illegally closed the border crossing.',
    '"Uganda is lying about the pipeline costs," Kenya said.',
    'Kenya said Uganda was not fit to chair the bloc.',
    "Kenya said Uganda's claims were baseless.",
  ])
    assert.deepEqual(
      brief(text).filter((b) => b.startsWith('ACCUSE')),
      ['ACCUSE KEN→UGA happened'],
      text,
    );
  // a quality affirmed, or a passive subject acted on by someone unnamed, is no criticism of it
  for (const text of [
    'Kenya said Uganda was fit to chair the bloc.',
    'Kenya said Uganda was illegally blockaded by smugglers.',
    "Kenya said Uganda's new tariff was not illegal.",
  ])
    assert.deepEqual(
      brief(text).filter((b) => b.startsWith('ACCUSE')),
      [],
      text,
    );
});

test("speech acts: a statement or a naming that commends an actor's doing is the speaker's praise", () => {
  for (const text of [
    "Kenya said Uganda's ruling was a victory for both countries.",
    "Kenya called Uganda's decision a historic breakthrough.",
    'Kenya called Uganda a hero of the region.',
  ])
    assert.deepEqual(
      brief(text).filter((b) => b.startsWith('SUPPORT')),
      ['SUPPORT KEN→UGA happened'],
      text,
    );
  assert.deepEqual(
    brief("Kenya said Uganda's ruling was no victory for anyone.").filter((b) => b.startsWith('SUPPORT')),
    [],
  );
});

test('speech acts: "it is time for Y to", "it was wrong of Y to" demand of or judge Y', () => {
  const first = (text: string) => brief(text).filter((b) => /^(?:REQUEST|ACCUSE|SUPPORT)/.test(b));
  assert.deepEqual(first('"Now is the time for Uganda to reopen the border," Kenya said.'), [
    'REQUEST KEN→UGA happened',
  ]);
  assert.deepEqual(first('Kenya said it was vital for Uganda to pay its share.'), [
    'REQUEST KEN→UGA happened',
  ]);
  assert.deepEqual(first('Kenya said it was wrong of Uganda to close the border.'), [
    'ACCUSE KEN→UGA happened',
  ]);
  assert.deepEqual(first('Kenya said it was wise of Uganda to reopen the border.'), [
    'SUPPORT KEN→UGA happened',
  ]);
  // time said of no actor, or denied, asks nothing
  assert.deepEqual(first('Kenya said it was time for talks to resume.'), []);
  assert.deepEqual(first('Kenya said it was not time for Uganda to pay.'), []);
});

test('quoted first person: "we" and "us" are the speaker the frame names', () => {
  assert.deepEqual(brief('"We call on Uganda to withdraw its troops," Kenya said.'), [
    'REQUEST KEN→UGA happened',
  ]);
  assert.deepEqual(
    brief('"Uganda attacked us without warning," the Kenyan army said.').filter((b) =>
      b.startsWith('ASSAULT'),
    ),
    ['ASSAULT UGA→KENMIL happened'],
  );
  // with no speaker named, "we" stays unknown
  assert.deepEqual(
    eventsOf('We call on Uganda to withdraw its troops.').map((e) => e.source?.code ?? null),
    [null],
  );
});

test('criticism idioms and raised doubts are ACCUSE; a shot at a goal is not', () => {
  for (const text of [
    'Kenya took a swipe at Uganda over the pipeline.',
    'Kenya took aim at Uganda over the pipeline.',
    "Kenya raised serious questions about Uganda's handling of the pipeline.",
  ])
    assert.deepEqual(brief(text), ['ACCUSE KEN→UGA happened'], text);
  assert.deepEqual(brief('The Kenyan striker took a shot at the goal.'), []);
});

test('criticism, pleas, backing and votes against in everyday political verbs', () => {
  for (const [text, want] of [
    ['Kenya hit out at Uganda over the pipeline.', 'ACCUSE KEN→UGA happened'],
    ['Kenya railed against Uganda over the pipeline.', 'ACCUSE KEN→UGA happened'],
    ['Kenya took Uganda to task over the pipeline.', 'ACCUSE KEN→UGA happened'],
    // "pushed back": no backing
    ['Kenya pushed back against Uganda over the pipeline.', 'ACCUSE KEN→UGA happened'],
    ['Kenya begged Uganda to reopen the border.', 'REQUEST KEN→UGA happened'],
    ['Kenya rallied behind Uganda.', 'SUPPORT KEN→UGA happened'],
    ["Kenya voted against Uganda's proposal.", 'REJECT KEN→UGA happened'],
  ] as const)
    assert.deepEqual(brief(text), [want], text);
});

test('reporting frames in the present tense, "added" and "tweeted" give the demand to the speaker', () => {
  for (const text of [
    'Kenya says Uganda must reopen the border.',
    '"Uganda must reopen the border," Kenya added.',
    '"Uganda must reopen the border," Kenya tweeted.',
  ])
    assert.deepEqual(brief(text), ['REQUEST KEN→UGA happened'], text);
});

test('speech acts: "he"/"it" in the statement stands for another actor named before, never the speaker', () => {
  assert.deepEqual(
    brief('Asked about Uganda, Kenya said it was lying.').filter((b) => b.startsWith('ACCUSE')),
    ['ACCUSE KEN→UGA happened'],
  );
  // only the speaker agrees: the speaker's own words of itself
  assert.deepEqual(
    brief('Kenya said it was lying.').filter((b) => b.startsWith('ACCUSE')),
    [],
  );
});

test('criticism undergone: "faced criticism from Y", "came under fire from Y" are acts of Y on the subject', () => {
  for (const text of [
    'Kenya faced criticism from Uganda over the pipeline.',
    "Kenya's move drew condemnation from Uganda.",
    'Kenya came under fire from Uganda over the pipeline.',
  ])
    assert.deepEqual(brief(text), ['ACCUSE UGA→KEN happened'], text);
  // with nobody named as critic, "drew criticism" is background
  assert.deepEqual(brief("Kenya's decision drew criticism."), []);
});

test('words of criticism with an everyday sense code nothing there', () => {
  assert.deepEqual(brief('The Kenyan president threw a birthday bash for his wife.'), []);
  assert.deepEqual(
    brief('Kenyan police tore into the crowd with batons.').filter((b) => b.startsWith('ACCUSE')),
    [],
  );
});

test('speech acts: statements after "claimed" or "complained" (speech verbs of the text layer) are read too', () => {
  assert.deepEqual(brief("Kenya claimed Uganda's election was a sham."), ['ACCUSE KEN→UGA happened']);
  assert.deepEqual(
    brief('Kenya claimed Uganda should reopen the border.').filter((b) => b.startsWith('REQUEST')),
    ['REQUEST KEN→UGA happened'],
  );
});
