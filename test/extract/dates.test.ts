import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDate } from '../../src/extract/meta/dates.ts';

// Date strings as pages print them → what sitrep stores. A zone is kept only when given.
const CASES: [string, string | null][] = [
  ['Wed, 04/27/2022 – 19:45', '2022-04-27T19:45:00'],
  ['04/27/2022', '2022-04-27'],
  ['27/04/2022 19:45', '2022-04-27T19:45:00'],
  ['Posted: 09/21/2021 06:10', '2021-09-21T06:10:00'],
  ['2019-11-18T14:05:00+00:00', '2019-11-18T14:05:00+00:00'],
  ['2019-11-18T14:05:00Z', '2019-11-18T14:05:00Z'],
  ['2019-11-18T14:05:00.000-0500', '2019-11-18T14:05:00-05:00'],
  ['2019-11-18 14:05', '2019-11-18T14:05:00'],
  ['2022-09-02', '2022-09-02'],
  ['Mon, 18 Nov 2019 14:05:00 GMT', '2019-11-18T14:05:00Z'],
  ['November 18, 2019 2:05 PM', '2019-11-18T14:05:00'],
  ['Nov. 18, 2019 at 10:30 a.m. ET', '2019-11-18T10:30:00-05:00'],
  ['18 July 2023, 14:05', '2023-07-18T14:05:00'],
  ['Published 3 May 2021', '2021-05-03'],
  ['sexta-feira, 22 de outubro de 2010 às 20:13', '2010-10-22T20:13:00'],
  ['mardi 3 mai 2022 à 10h15', '2022-05-03T10:15:00'],
  ['3. Mai 2022, 10:15 Uhr', '2022-05-03T10:15:00'],
  ['3 de mayo de 2022', '2022-05-03'],
  ['3 hours ago', null],
  ['Tuesday', null],
  ['13/13/2020', null],
  ['', null],
  ['The council met on Tuesday to discuss a long list of agenda items including the 2020 budget.', null],
];

for (const [input, expected] of CASES) {
  test(`date ${JSON.stringify(input)} → ${expected}`, () => assert.equal(parseDate(input), expected));
}
