import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenize } from '../../../src/understand/text/index.ts';
import { toIsoDay } from '../../../src/understand/actors/dates.ts';
import { findEntities } from '../../../src/understand/entities/index.ts';

test('tokens keep abbreviations and split possessives and full stops', () => {
  const text = "Iran's Gen. Ashtinai met U.S. officials. Then he left…";
  assert.deepEqual(
    tokenize(text).map((t) => t.text),
    ['Iran', "'s", 'Gen.', 'Ashtinai', 'met', 'U.S.', 'officials', '.', 'Then', 'he', 'left', '…'],
  );
  for (const t of tokenize(text)) assert.equal(text.slice(t.start, t.end), t.text);
});

test('dates: ISO, date-times, written dates and "today"', () => {
  const today = new Date('2026-03-04T10:00:00Z');
  const cases: [string | null, string | null][] = [
    ['2022-04-27', '2022-04-27'],
    ['2022-04-27T19:45:00', '2022-04-27'],
    ['10 May 2015', '2015-05-10'],
    ['October 1, 2021', '2021-10-01'],
    ['Today', '2026-03-04'],
    [null, null],
    ['not a date', null],
  ];
  for (const [input, want] of cases) assert.equal(toIsoDay(input, today), want, String(input));
});

// Sentences that once broke something.
const regressions: { text: string; names: string[]; absent: string[] }[] = [
  {
    // An ellipsis and a paragraph break glued the next paragraph's first word to a name.
    text: 'as was the case with South African President Cyril Ramaphosa…\n\nOfficials in Tehran disagreed.',
    names: ['Cyril Ramaphosa', 'South Africa'],
    absent: ['Ramaphosa…', 'Officials'],
  },
  {
    // The tagger split a known full name into two people.
    text: 'Iranian President Ebrahim Raisi hailed deepening cooperation.',
    names: ['Ebrahim Raisi'],
    absent: ['Ebrahim', 'Raisi'],
  },
  {
    // A capitalised word inside a title became an organisation.
    text: "Raisi told China's Minister of National Defense Wei Fenghe that ties were strategic.",
    names: ['Wei Fenghe'],
    absent: ['National', 'Fenghe'],
  },
  {
    // A lower-case word next to a minister's surname became a person.
    text: 'Car-borne youths threw stones at the police.',
    names: [],
    absent: ['Élisabeth Borne'],
  },
];

test('sentences that once broke something', () => {
  for (const r of regressions) {
    const names = findEntities(r.text, { published: '2022-04-27' }).map((e) => e.name);
    for (const n of r.names)
      assert.ok(names.includes(n), `${n} in ${JSON.stringify(r.text)} (got ${names.join(', ')})`);
    for (const n of r.absent) assert.ok(!names.includes(n), `${n} not in ${JSON.stringify(r.text)}`);
  }
});
