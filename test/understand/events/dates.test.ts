// One row per date rule, resolved against an article published on Wednesday 2022-04-27.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findDates, publicationDate } from '../../../src/understand/events/dates.ts';
import { eventsOf } from './helpers.ts';

const PUB = publicationDate('2022-04-27T19:45:00');

const CASES: [rule: string, phrase: string, expected: string, forward?: boolean][] = [
  ['weekday of publication is that day', 'met on Wednesday', '2022-04-27'],
  ['earlier weekday is the past one', 'met on Sunday', '2022-04-24'],
  ['"last" weekday skips a week when it is today', 'met last Wednesday', '2022-04-20'],
  ['planned weekday looks forward', 'will meet on Friday', '2022-04-29', true],
  ['year alone', 'signed in 2021', '2021'],
  ['month and year', 'signed in March 2019', '2019-03'],
  ['full date', 'on March 3, 2021', '2021-03-03'],
  ['day month without year is the latest past one', 'on 15 October', '2021-10-15'],
  ['bare month is the latest past one', 'in June', '2021-06'],
  ['yesterday', 'said yesterday', '2022-04-26'],
  ['today', 'said today', '2022-04-27'],
  ['last month', 'last month', '2022-03'],
  ['earlier this month', 'earlier this month', '2022-04'],
  ['last year', 'last year', '2021'],
  ['years ago', 'two years ago', '2020'],
];

for (const [rule, phrase, expected, forward] of CASES) {
  test(`date: ${rule}`, () => {
    assert.equal(findDates(phrase, PUB, forward ?? false)[0]?.value, expected);
  });
}

test('date: no publication date leaves relative dates unresolved', () => {
  assert.deepEqual(findDates('met on Sunday', null), []);
});

test('date: a background event keeps its own date', () => {
  const [event] = eventsOf('In 2021, Iran signed a strategic agreement with China.');
  assert.equal(event?.date, '2021');
});

test('date: an event without a date takes the publication date', () => {
  const [event] = eventsOf('Iran signed a strategic agreement with China.');
  assert.equal(event?.date, '2022-04-27');
});

test("date: the attribution's date is not the reported event's", () => {
  const [event] = eventsOf('Kenya will expel Ugandan diplomats, a spokesman said on Sunday.');
  assert.equal(event?.date, '2022-04-27');
});
