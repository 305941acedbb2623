// Case tables for findQuotes: each pattern the quote stage must handle, and what must not be a quote.
// Sentences are written for these tests; entities are left empty so the stage's own speaker finding is tested.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findQuotes } from '../../../src/understand/quotes/index.ts';
import type { Entity, Quote } from '../../../src/model/index.ts';

interface Expected {
  kind: Quote['kind'];
  /** The quote's text, exactly. */
  text: string;
  /** The speaker's name, or null for none. */
  speaker: string | null;
  /** The text at the speaker's offsets, when the attribution rests on a mention. */
  mention?: string;
  addressee?: string;
  medium?: string;
}

interface Case {
  name: string;
  text: string;
  expect: Expected[];
}

function check(c: Case): void {
  const quotes = findQuotes(c.text, []);
  for (const e of c.expect) {
    const q = quotes.find((x) => x.text === e.text);
    assert.ok(
      q,
      `${c.name}: no quote ${JSON.stringify(e.text)}; got ${JSON.stringify(quotes.map((x) => x.text))}`,
    );
    assert.equal(c.text.slice(q.start, q.end), q.text, `${c.name}: offsets`);
    assert.equal(q.kind, e.kind, `${c.name}: kind of ${e.text}`);
    assert.equal(q.speaker?.name ?? null, e.speaker, `${c.name}: speaker of ${e.text}`);
    if (e.mention !== undefined) {
      const s = q.speaker!;
      assert.equal(c.text.slice(s.start!, s.end!), e.mention, `${c.name}: speaker mention`);
    }
    if (e.addressee !== undefined) assert.equal(q.addressee, e.addressee, `${c.name}: addressee`);
    if (e.medium !== undefined) assert.equal(q.medium, e.medium, `${c.name}: medium`);
    assert.ok(
      typeof q.confidence === 'number' && q.confidence > 0 && q.confidence <= 1,
      `${c.name}: confidence`,
    );
  }
  assert.equal(quotes.length, c.expect.length, `${c.name}: got ${JSON.stringify(quotes.map((x) => x.text))}`);
}

const direct: Case[] = [
  {
    name: 'attribution after, straight marks',
    text: '"We will rebuild the bridge before winter," Mayor Ellen Park said.',
    expect: [
      {
        kind: 'direct',
        text: '"We will rebuild the bridge before winter,"',
        speaker: 'Ellen Park',
        mention: 'Ellen Park',
      },
    ],
  },
  {
    name: 'attribution before, colon',
    text: 'Ellen Park visited the site on Friday. Park said: "The money is already in the budget."',
    expect: [
      {
        kind: 'direct',
        text: '"The money is already in the budget."',
        speaker: 'Ellen Park',
        mention: 'Park',
      },
    ],
  },
  {
    name: 'attribution inside a split quote',
    text: 'Ellen Park toured the flooded streets. "The river rose fast," she said, "and nobody was ready for it."',
    expect: [
      { kind: 'direct', text: '"The river rose fast,"', speaker: 'Ellen Park', mention: 'she' },
      { kind: 'direct', text: '"and nobody was ready for it."', speaker: 'Ellen Park', mention: 'she' },
    ],
  },
  {
    name: 'curly marks, appositive speaker',
    text: '“Prices will fall next year,” the bank’s governor, Tiago Mendes, said on Tuesday.',
    expect: [{ kind: 'direct', text: '“Prices will fall next year,”', speaker: 'Tiago Mendes' }],
  },
  {
    name: 'guillemets, inverted verb',
    text: '«We will not leave the coalition», said Foreign Minister Anne Dubois.',
    expect: [{ kind: 'direct', text: '«We will not leave the coalition»', speaker: 'Anne Dubois' }],
  },
  {
    name: 'square-bracket insertion inside the quote',
    text: '"The agreement with [Prime Minister Ravi] Rao is final," said Leila Ortiz.',
    expect: [
      {
        kind: 'direct',
        text: '"The agreement with [Prime Minister Ravi] Rao is final,"',
        speaker: 'Leila Ortiz',
      },
    ],
  },
  {
    name: 'quote over several paragraphs (no closing mark until the last)',
    text: 'Dr. Omar Farouk told the inquiry: "We had no beds left on the ward.\n\n"Patients waited in corridors for days."',
    expect: [
      {
        kind: 'direct',
        text: '"We had no beds left on the ward.',
        speaker: 'Omar Farouk',
        addressee: 'the inquiry',
      },
      { kind: 'direct', text: '"Patients waited in corridors for days."', speaker: 'Omar Farouk' },
    ],
  },
  {
    name: 'two apostrophes as quotation marks, title before the name',
    text: "''We need the money now,'' Mr. Harlan Voss, 71, told me.",
    expect: [{ kind: 'direct', text: "''We need the money now,''", speaker: 'Harlan Voss', addressee: 'me' }],
  },
  {
    name: '"was quoted as saying"',
    text: 'Mayor Ines Ruiz spoke on Monday. "The debt is simply untenable," she was quoted as saying.',
    expect: [{ kind: 'direct', text: '"The debt is simply untenable,"', speaker: 'Ines Ruiz' }],
  },
  {
    name: 'floating quote keeps the running speaker',
    text: '"Nobody expected this," said coach Dan Riley.\n\n"We played our worst game of the season."',
    expect: [
      { kind: 'direct', text: '"Nobody expected this,"', speaker: 'Dan Riley' },
      { kind: 'direct', text: '"We played our worst game of the season."', speaker: 'Dan Riley' },
    ],
  },
  {
    name: 'unnamed source with a medium',
    text: '“Talks will resume,” a spokesman for the ministry said to the news agency Reuters on Sunday.',
    expect: [
      {
        kind: 'direct',
        text: '“Talks will resume,”',
        speaker: 'a spokesman for the ministry',
        medium: 'the news agency Reuters',
      },
    ],
  },
];

const indirect: Case[] = [
  {
    name: 'X said that …',
    text: 'Union leader Maria Costa said that workers would strike on Monday.',
    expect: [{ kind: 'indirect', text: 'workers would strike on Monday', speaker: 'Maria Costa' }],
  },
  {
    name: 'X said … without that',
    text: 'Maria Costa said the plant would reopen in March.',
    expect: [{ kind: 'indirect', text: 'the plant would reopen in March', speaker: 'Maria Costa' }],
  },
  {
    name: 'X told Y that …',
    text: 'Ahmed Karimi told reporters that the talks had stalled.',
    expect: [
      { kind: 'indirect', text: 'the talks had stalled', speaker: 'Ahmed Karimi', addressee: 'reporters' },
    ],
  },
  {
    name: 'a news agency spoken to is addressee and medium',
    text: 'Omar Haddad told Reuters that the border would reopen on Friday.',
    expect: [
      {
        kind: 'indirect',
        text: 'the border would reopen on Friday',
        speaker: 'Omar Haddad',
        addressee: 'Reuters',
        medium: 'Reuters',
      },
    ],
  },
  {
    name: 'according to X, …',
    text: 'According to the fire department, the blaze started in the kitchen.',
    expect: [{ kind: 'indirect', text: 'the blaze started in the kitchen', speaker: 'the fire department' }],
  },
  {
    name: '…, X said',
    text: 'The vote will be held next week, officials said.',
    expect: [{ kind: 'indirect', text: 'The vote will be held next week', speaker: 'officials' }],
  },
  {
    name: 'X warned that …',
    text: 'Hannah Lee warned that rents would keep rising.',
    expect: [{ kind: 'indirect', text: 'rents would keep rising', speaker: 'Hannah Lee' }],
  },
  {
    name: 'reported view',
    text: 'Officials in Lagos have this week voiced their view that the port must be expanded.',
    expect: [
      {
        kind: 'indirect',
        text: 'the port must be expanded',
        speaker: 'Officials in Lagos',
        mention: 'Officials in Lagos',
      },
    ],
  },
  {
    name: 'attribution in the middle of the statement',
    text: 'Acts of protest, Senator Ruth Alder said, are acts of patriotism.',
    expect: [
      {
        kind: 'indirect',
        text: 'Acts of protest, Senator Ruth Alder said, are acts of patriotism',
        speaker: 'Ruth Alder',
      },
    ],
  },
  {
    name: 'party label in parentheses between speaker and verb',
    text: 'Rep. Dana Whitfield (D-Ore.) said the bill would not pass this year.',
    expect: [{ kind: 'indirect', text: 'the bill would not pass this year', speaker: 'Dana Whitfield' }],
  },
  {
    name: '"that," followed by a subordinate clause',
    text: 'Jonas Berg said that, if elected, he would close the airport.',
    expect: [{ kind: 'indirect', text: 'if elected, he would close the airport', speaker: 'Jonas Berg' }],
  },
  {
    name: 'coordinated verb keeps the speaker',
    text: 'Jonas Berg said the airport was too loud and added that the runway would close.',
    expect: [
      { kind: 'indirect', text: 'the airport was too loud', speaker: 'Jonas Berg' },
      { kind: 'indirect', text: 'the runway would close', speaker: 'Jonas Berg' },
    ],
  },
  {
    name: 'a relative clause whose gap is the reported subject',
    text: 'He was treated for two wounds that police said did not appear self-inflicted.',
    expect: [{ kind: 'indirect', text: 'did not appear self-inflicted', speaker: 'police' }],
  },
  {
    name: 'a quantifier as speaker ("Some suggested that")',
    text: 'Practices vary from site to site. Some suggested that the season could be extended.',
    expect: [{ kind: 'indirect', text: 'the season could be extended', speaker: 'Some' }],
  },
  {
    name: 'the subject of a coordinated verb',
    text: 'In an interview on Monday, U.S. Secretary of State Mike Pompeo praised the deal and said he expected more talks.',
    expect: [{ kind: 'indirect', text: 'he expected more talks', speaker: 'Mike Pompeo' }],
  },
  {
    name: 'a pronoun refers to the subject of the sentence before, not the last speaker',
    text: '"The plan is sound," said Tom Reyes.\n\nAnna Ortiz voiced doubts on Monday.\n\n"We cannot pay for this," she said.',
    expect: [
      { kind: 'direct', text: '"The plan is sound,"', speaker: 'Tom Reyes' },
      { kind: 'direct', text: '"We cannot pay for this,"', speaker: 'Anna Ortiz', mention: 'she' },
    ],
  },
  {
    name: 'a country as speaker',
    text: 'Earlier this month Canada said it would send more engineers.',
    expect: [{ kind: 'indirect', text: 'it would send more engineers', speaker: 'Canada' }],
  },
  {
    name: 'pronoun resolved to the only person before it',
    text: 'Sara Nilsen runs the shelter on King Street. She said the beds fill up by nine every night.',
    expect: [
      {
        kind: 'indirect',
        text: 'the beds fill up by nine every night',
        speaker: 'Sara Nilsen',
        mention: 'She',
      },
    ],
  },
  {
    name: 'pronoun resolved by gender',
    text: 'Anna Weiss has run the depot since her return. Her deputy, Tom Becker, joined him in 2019 when his unit closed. He said the trains were too old.',
    expect: [{ kind: 'indirect', text: 'the trains were too old', speaker: 'Tom Becker', mention: 'He' }],
  },
];

const mixed: Case[] = [
  {
    name: 'indirect speech with a quoted fragment',
    text: 'Istvan Kovacs said the plan was "dead on arrival" in the senate.',
    expect: [
      { kind: 'mixed', text: 'the plan was "dead on arrival" in the senate', speaker: 'Istvan Kovacs' },
    ],
  },
  {
    name: 'a label quoted as someone’s words ("called X …")',
    text: 'The senator called the budget "a gift to lobbyists" during the debate.',
    expect: [
      { kind: 'mixed', text: 'the budget "a gift to lobbyists" during the debate', speaker: 'The senator' },
    ],
  },
  {
    name: 'fragment before the attribution',
    text: 'Her first year has been "exhausting and wonderful," Nora Quinn said.',
    expect: [
      { kind: 'mixed', text: 'Her first year has been "exhausting and wonderful,"', speaker: 'Nora Quinn' },
    ],
  },
];

const nested: Case[] = [
  {
    name: 'a wire report quoted whole, with reported speech inside',
    text: 'According to Reuters, “Minister Lena Fischer told her Polish counterpart that Berlin sees the pipeline as vital. Talks will resume in May.”',
    expect: [
      {
        kind: 'direct',
        text: '“Minister Lena Fischer told her Polish counterpart that Berlin sees the pipeline as vital. Talks will resume in May.”',
        speaker: 'Reuters',
      },
      {
        kind: 'indirect',
        text: 'Berlin sees the pipeline as vital',
        speaker: 'Lena Fischer',
        addressee: 'her Polish counterpart',
      },
    ],
  },
];

const notQuotes: Case[] = [
  {
    name: 'scare quotes',
    text: 'The "temporary" closure of the bridge has now lasted three years.',
    expect: [],
  },
  {
    name: 'a word in quotes after "so-called"',
    text: 'Residents of the so-called "quiet zone" heard trains all night.',
    expect: [],
  },
  {
    name: 'a quoted label without a speaker',
    text: 'Washington is seen as giving a ‘with us or against us’ ultimatum.',
    expect: [],
  },
  {
    name: 'a headline label',
    text: 'Iran and Chile Pledge Joint Stand Against ‘Trade Bullying’',
    expect: [],
  },
  { name: 'title of a film', text: 'She starred in "The Long Road Home" last year.', expect: [] },
  {
    name: 'title of a book after its cue word',
    text: 'His book "Why Small Towns Vanish" sold well in Ohio.',
    expect: [],
  },
  {
    name: 'title of a book after a comma, in two-apostrophe marks',
    text: "In his 2002 book, ''Make Your Kid a Millionaire,'' Kevin McKinley suggested saving early.",
    expect: [],
  },
  {
    name: 'title of a television show',
    text: 'Flynn said on Fox News\u2019s \u201cFox and Friends.\u201d',
    expect: [],
  },
  { name: 'passive report verb', text: 'The driver was told to leave the vehicle.', expect: [] },
  {
    name: 'a report verb used as a noun',
    text: 'The company’s claims were rejected by the court.',
    expect: [],
  },
  {
    name: 'a speech verb without content',
    text: 'Ahmed Karimi told reporters outside the court.',
    expect: [],
  },
  { name: 'the writer’s own words', text: '"It could be the dad," I said.', expect: [] },
  {
    name: 'a related-story headline',
    text: 'READ MORE: Mayor says the bridge will reopen\n\nThe bridge closed in May.',
    expect: [],
  },
  { name: 'a demonstrative "that"', text: 'He now realizes that is not how the public saw it.', expect: [] },
];

for (const [group, cases] of Object.entries({ direct, indirect, mixed, nested, notQuotes })) {
  for (const c of cases) test(`${group}: ${c.name}`, () => check(c));
}

function entity(id: string, type: Entity['type'], name: string, text: string, mentions: string[]): Entity {
  const found = mentions.map((m) => {
    const start = text.indexOf(m);
    return { start, end: start + m.length, text: m, form: 'name' as const };
  });
  return { id, type, name, country: null, role: null, mentions: found };
}

test('entities: a pronoun resolved in the text links to the person entity', () => {
  const text = 'Mayor Ellen Park opened the bridge on Friday. "It is finally done," she said.';
  const [q] = findQuotes(text, [entity('person:ellen-park', 'PERSON', 'Ellen Park', text, ['Ellen Park'])]);
  assert.equal(q?.speaker?.entityId, 'person:ellen-park');
  assert.equal(q?.speaker?.name, 'Ellen Park');
  assert.equal(text.slice(q!.speaker!.start!, q!.speaker!.end!), 'she');
});

test('entities: a country speaker takes the entity id and canonical name', () => {
  const text = 'Tehran said it would respond to the sanctions within days.';
  const [q] = findQuotes(text, [entity('IRN', 'GPE', 'Iran', text, ['Tehran'])]);
  assert.deepEqual([q?.speaker?.name, q?.speaker?.entityId], ['Iran', 'IRN']);
});

test('entities: a description holding a place name is not that place', () => {
  const text = 'Officials in Lagos said the port would close for a week.';
  const [q] = findQuotes(text, [entity('place:lagos', 'GPE', 'Lagos', text, ['Lagos'])]);
  assert.deepEqual([q?.speaker?.name, q?.speaker?.entityId], ['Officials in Lagos', null]);
});

test('property: on jumbled input every quote and speaker offset points into the text', () => {
  const pieces = [
    '"',
    '“',
    '”',
    '«',
    '»',
    "''",
    '‘',
    '’',
    ',',
    '.',
    ':',
    '—',
    '(',
    ')',
    '\n\n',
    'said',
    'Said',
  ];
  pieces.push(
    'he',
    'She',
    'Mr.',
    'Ellen Park',
    'told',
    'reporters',
    'that',
    'according to',
    'the',
    'who',
    'I',
  );
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let i = 0; i < 2000; i++) {
    let text = '';
    for (let j = Math.floor(next() * 30); j > 0; j--)
      text += pieces[Math.floor(next() * pieces.length)] + ' ';
    for (const q of findQuotes(text, [])) {
      assert.equal(text.slice(q.start, q.end), q.text, JSON.stringify(text));
      assert.ok(q.end > q.start);
      const s = q.speaker;
      if (s && s.start !== null && s.end !== null) assert.ok(s.start < s.end && s.end <= text.length);
    }
  }
});
