// A surname alone links to a known person only when the article supports it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findEntities } from '../../../src/understand/entities/index.ts';
import { resolveActor } from '../../../src/understand/actors/index.ts';

interface ArticleCase {
  why: string;
  text: string;
  surname: string;
  /** The entity id the surname's mention must belong to, or null: an unresolved person. */
  person: string | null;
}

const articles: ArticleCase[] = [
  {
    why: 'a US story: the Australian prime minister of the same name is not meant',
    text: 'Lawmakers in Washington said Morrison testified before the House Intelligence Committee on Thursday.',
    surname: 'Morrison',
    person: null,
  },
  {
    why: 'a story about Australia: its prime minister is meant',
    text: 'Australia will send more troops to the region, Morrison told reporters on Thursday.',
    surname: 'Morrison',
    person: 'person:scott-morrison',
  },
  {
    why: 'a title that fits the person decides',
    text: 'Prime Minister Morrison met farmers hit by the drought on Tuesday.',
    surname: 'Morrison',
    person: 'person:scott-morrison',
  },
  {
    why: "a title naming another country than the person's decides against",
    text: 'The American senator Morrison met farmers hit by the drought on Tuesday.',
    surname: 'Morrison',
    person: null,
  },
  {
    why: 'an earlier full mention decides',
    text: 'Ebrahim Raisi spoke in Tehran on Monday. Later, Raisi visited a factory.',
    surname: 'Raisi',
    person: 'person:ebrahim-raisi',
  },
  {
    why: 'a surname the knowledge base also lists as a short name still needs support',
    text: 'Ohio farmers held their county fair on Saturday. The pumpkin prize went to Putin, who said he was happy.',
    surname: 'Putin',
    person: null,
  },
  {
    why: 'an earlier full mention of someone the knowledge base does not know decides',
    text: 'Jim Putin, a farmer from Ohio, won the pumpkin prize at the county fair. Putin said he was happy.',
    surname: 'Putin',
    person: 'person:jim-putin',
  },
  {
    why: 'a surname the knowledge base lists as a short name, in a story about its country',
    text: 'The Kremlin said on Monday that Putin would travel to the summit.',
    surname: 'Putin',
    person: 'person:vladimir-putin',
  },
  {
    why: 'of several known bearers of a surname, the one named in full earlier',
    text: 'Boris Johnson met European leaders in Brussels on Monday. Johnson said the talks went well.',
    surname: 'Johnson',
    person: 'person:boris-johnson',
  },
];

for (const c of articles) {
  test(`lone surname: ${c.why}`, () => {
    const entities = findEntities(c.text, { published: '2020-01-15' });
    const holder = entities.find((e) => e.mentions.some((m) => m.text === c.surname));
    assert.ok(holder, `an entity holds "${c.surname}"`);
    if (c.person) assert.equal(holder.id, c.person);
    else {
      assert.equal(holder.type, 'PERSON');
      assert.ok(!holder.id.startsWith('person:scott') && !holder.id.startsWith('person:vladimir'), holder.id);
      assert.ok(holder.country !== 'AUS' && holder.country !== 'RUS', String(holder.country));
    }
  });
}

test('actors resolve: a lone surname with a context of another country is a person of that country', () => {
  const actor = resolveActor('Morrison', { context: 'lawmakers in Washington', date: '2019-10-01' });
  assert.equal(actor?.type, 'PERSON');
  assert.equal(actor?.country, 'USA');
  assert.notEqual(actor?.entityId, 'person:scott-morrison');
});

test('actors resolve: a lone surname with a fitting context, or on its own, is the known person', () => {
  const fitting = resolveActor('Morrison', { context: "Australia's leader said", date: '2019-10-01' });
  assert.equal(fitting?.entityId, 'person:scott-morrison');
  const alone = resolveActor('Morrison', { date: '2019-10-01' });
  assert.equal(alone?.entityId, 'person:scott-morrison');
});

test('actors resolve: a short name of a known person needs the context to fit', () => {
  const other = resolveActor('Putin', { context: 'A farmer from Ohio won the prize.', date: '2019-10-01' });
  assert.equal(other?.type, 'PERSON');
  assert.notEqual(other?.entityId, 'person:vladimir-putin');
  assert.equal(other?.country, 'USA');
  const fitting = resolveActor('Putin', { context: 'The Kremlin said he would attend.', date: '2019-10-01' });
  assert.equal(fitting?.entityId, 'person:vladimir-putin');
  assert.equal(resolveActor('Putin', { date: '2019-10-01' })?.entityId, 'person:vladimir-putin');
});

test('actors resolve: an earlier full mention in the context picks one of several bearers', () => {
  const context = 'Boris Johnson met European leaders in Brussels. Johnson said the talks went well.';
  assert.equal(resolveActor('Johnson', { context, date: '2020-01-15' })?.entityId, 'person:boris-johnson');
});
