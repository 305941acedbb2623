import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Entity } from '../../../src/model/index.ts';
import { Entity as EntitySchema } from '../../../src/model/index.ts';
import { findEntities } from '../../../src/understand/entities/index.ts';

const byName = (entities: Entity[], name: string) => entities.find((e) => e.name === name);
const mentionTexts = (e: Entity | undefined) => (e?.mentions ?? []).map((m) => `${m.text}/${m.form}`);

function read(text: string, published = '2022-04-27') {
  const entities = findEntities(text, { published });
  for (const e of entities) {
    EntitySchema.parse(e);
    for (const m of e.mentions)
      assert.equal(text.slice(m.start, m.end), m.text, 'offsets point at the mention');
  }
  return entities;
}

const titles: { text: string; name: string; country: string; role: string | null }[] = [
  {
    text: 'Iranian President Ebrahim Raisi hailed the agreement on Tuesday.',
    name: 'Ebrahim Raisi',
    country: 'IRN',
    role: 'President',
  },
  {
    text: "The talks were attended by China's Minister of National Defense Wei Fenghe and his aides.",
    name: 'Wei Fenghe',
    country: 'CHN',
    role: 'Defence Minister',
  },
  {
    text: 'South African President Cyril Ramaphosa refused to take sides.',
    name: 'Cyril Ramaphosa',
    country: 'ZAF',
    role: 'President',
  },
  {
    text: 'The deal will put pressure on [President Joe] Biden to act.',
    name: 'Joe Biden',
    country: 'USA',
    role: 'President',
  },
  {
    text: 'Kenyan Interior Minister Amina Wekesa said the curfew would stay.',
    name: 'Amina Wekesa',
    country: 'KEN',
    role: 'Interior Minister',
  },
  // No country in the title: words of the name that nearly always belong to one country's officials.
  {
    text: 'Deputy Minister Nguyen Van Duc told reporters the bridge would reopen.',
    name: 'Nguyen Van Duc',
    country: 'VNM',
    role: 'Deputy Minister',
  },
];

test('titles and appositions: the name without the title, the role with its country', () => {
  for (const c of titles) {
    const person = byName(read(c.text), c.name);
    assert.ok(person, `${c.text}: ${c.name} not found`);
    assert.equal(person.type, 'PERSON');
    assert.equal(person.country, c.country, c.text);
    assert.equal(person.role, c.role, c.text);
    assert.ok(
      !person.mentions.some((m) => /President|Minister/.test(m.text) && m.form === 'name'),
      'title kept out of the name',
    );
  }
});

test('capitals: governments in subject position, places after "in"', () => {
  const entities = read(
    'Tehran sees its ties with Beijing as strategic. The ministers met in Tehran on Sunday.',
  );
  const iran = byName(entities, 'Iran');
  assert.deepEqual(mentionTexts(iran), ['Tehran/alias']);
  const city = entities.find((e) => e.name === 'Tehran');
  assert.equal(city?.country, 'IRN');
  assert.equal(city?.mentions.length, 1);
  assert.equal(byName(entities, 'China')?.mentions[0]?.form, 'alias');
});

test('buildings stand for governments; a capital before a noun is the place', () => {
  const entities = read('In Moscow, the Kremlin backed the Vienna talks, a spokesman for the Elysee said.');
  assert.deepEqual(mentionTexts(byName(entities, 'Russia')), ['Kremlin/alias']);
  assert.deepEqual(mentionTexts(byName(entities, 'France')), ['Elysee/alias']);
  assert.equal(byName(entities, 'Vienna')?.country, 'AUT');
  assert.equal(byName(entities, 'Moscow')?.country, 'RUS');
});

test('demonyms and alternative names belong to the country', () => {
  const entities = read('Iranian officials said the Islamic Republic would not yield to U.S. pressure.');
  assert.deepEqual(mentionTexts(byName(entities, 'Iran')), ['Iranian/demonym', 'Islamic Republic/name']);
  assert.equal(byName(entities, 'United States')?.country, 'USA');
});

test('misspellings resolve to the known actor only with support', () => {
  const supported = read(
    "The criticism came from Iran's defense chief, Gen. Mohammad Reza Ashtinai, on Wednesday.",
  );
  const ashtiani = byName(supported, 'Mohammad Reza Ashtiani');
  assert.equal(ashtiani?.country, 'IRN');
  assert.ok(mentionTexts(ashtiani).includes('Mohammad Reza Ashtinai/name'));
  const unsupported = read('Mohammad Reza Ashtinai, a carpet seller, opened a shop in Leeds.');
  assert.equal(byName(unsupported, 'Mohammad Reza Ashtiani'), undefined);
});

test('coreference: surnames, role descriptions and pronouns join the named person', () => {
  const text =
    'Iranian President Ebrahim Raisi met the visiting minister. Raisi said the talks went well. ' +
    'Closer ties would confront what the Iranian president described as unilateralism, he added.';
  const raisi = byName(read(text), 'Ebrahim Raisi');
  assert.deepEqual(mentionTexts(raisi), [
    'Ebrahim Raisi/name',
    'Raisi/name',
    'president/description',
    'he/pronoun',
  ]);
});

test('the short form of a name the text gives in full is that person, whatever the tagger guessed', () => {
  // Names the knowledge base does not know: the short forms must join the full mention.
  const text =
    'Opposition leader Daw Khin Mya Thida addressed supporters in Yangon on Sunday. ' +
    'Mya Thida said the vote had been rigged, and later Mya Thida met diplomats.';
  const people = read(text).filter((e) => e.type === 'PERSON');
  const holder = people.find((e) => e.mentions.some((m) => m.text === 'Mya Thida'));
  assert.ok(holder, JSON.stringify(read(text)));
  assert.ok(holder.mentions.length >= 3, JSON.stringify(holder));
  assert.ok(!read(text).some((e) => e.type !== 'PERSON' && e.name === 'Mya Thida'));
});

test('roles are those held on the article date', () => {
  const text = 'The Iranian president, Ebrahim Raisi, spoke first.';
  assert.equal(byName(read(text, '2022-04-27'), 'Ebrahim Raisi')?.role, 'President');
  assert.equal(byName(read(text, '2025-03-01'), 'Ebrahim Raisi')?.sector, 'ELI');
});

test('no false entities from boilerplate, days or sentence-initial capitals', () => {
  const text =
    'Leave a Reply\n\nRequired fields are marked.\n\nFailure to reach a deal is a result of domestic troubles. ' +
    'Multiple of the largest economies met on Wednesday.';
  const names = read(text).map((e) => e.name);
  for (const bad of ['Leave a Reply', 'Leave', 'Reply', 'Required', 'Failure', 'Multiple', 'Wednesday']) {
    assert.ok(!names.includes(bad), `${bad} is not an entity (got ${names.join(', ')})`);
  }
});

test('organisations and agencies are linked with their codes', () => {
  const entities = read('NATO and the IAEA were briefed, The Associated Press and Xinhua reported.');
  assert.equal(byName(entities, 'NATO')?.type, 'ORG');
  assert.equal(byName(entities, 'The Associated Press')?.sector, 'JRN');
  assert.equal(byName(entities, 'Xinhua')?.country, 'CHN');
  assert.equal(byName(entities, 'International Atomic Energy Agency')?.type, 'ORG');
});

test('an organisation romanised otherwise than the knowledge base is linked, whatever the tagger guessed', () => {
  const entities = read('Hayaat Tahrir Al-Shaam fighters shelled a village near Idlib on Sunday.');
  const group = byName(entities, 'Hayat Tahrir al-Sham');
  assert.equal(group?.type, 'ORG');
  assert.equal(group?.country, 'SYR');
  assert.equal(group?.sector, 'REB');
});

test('unknown names are still found by the tagger', () => {
  const entities = read('Maria Kowalczyk, a spokeswoman for Orlen, said the refinery in Plock was shut.');
  assert.equal(byName(entities, 'Maria Kowalczyk')?.type, 'PERSON');
  assert.ok(entities.some((e) => e.name === 'Plock' && (e.type === 'LOC' || e.type === 'GPE')));
});

test('a short form defined in brackets after a name names that body in the rest of the text', () => {
  const party = read(
    'The Highland Farmers Union (HFU) rejected the budget. An HFU spokesman said the union would march.',
  );
  const union = byName(party, 'Highland Farmers Union');
  assert.ok(union, 'the named body is an entity');
  assert.deepEqual(mentionTexts(union), ['Highland Farmers Union/name', 'HFU/alias', 'HFU/alias']);
  assert.equal(union.sector, 'LAB');
  // Defined in the text, a short form the knowledge base gives to another body names the defined one.
  const press = read(
    'The Press Association (PA) said the trial had ended. According to PA, the jury was out for an hour.',
  );
  assert.equal(press.find((e) => e.mentions.some((m) => m.text === 'PA'))?.name, 'Press Association');
  assert.ok(!press.some((e) => e.country === 'PSE'), 'no Palestinian Authority');
  // A person's initials make no body of the person.
  const person = read(
    'Opposition leader John Mbeki Otieno (JMO) said on Friday that JMO supporters would march.',
  );
  assert.equal(byName(person, 'John Mbeki Otieno')?.type, 'PERSON');
  // Letters that are not the name's initials define nothing.
  const shares = read('Shares of Acme Corp (NYSE) rose four percent on Monday.');
  assert.ok(!byName(shares, 'Acme Corp')?.mentions.some((m) => m.text === 'NYSE'));
});
