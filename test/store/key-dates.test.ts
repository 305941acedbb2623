// The upper bound a window's `until` puts on event_actors dates: the first date after every date
// the until takes in at its precision, never one that would leave a matching date out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dateAfter } from '../../src/store/shared/queries/relations.ts';

test('dateAfter: the next year, month or day, across year and month ends and leap days', () => {
  assert.equal(dateAfter('2024'), '2025');
  assert.equal(dateAfter('2024-06'), '2024-07');
  assert.equal(dateAfter('2024-12'), '2025-01');
  assert.equal(dateAfter('2024-06-30'), '2024-07-01');
  assert.equal(dateAfter('2024-02-28'), '2024-02-29');
  assert.equal(dateAfter('2023-02-28'), '2023-03-01');
  assert.equal(dateAfter('2024-12-31'), '2025-01-01');
});

test('dateAfter: every date the until takes in sorts before the bound', () => {
  for (const until of ['2024', '2024-06', '2024-12', '2024-06-30', '2024-02-29']) {
    const bound = dateAfter(until)!;
    for (const date of [until, `${until}-28`, `${until}T23:59:59Z`, `${until}-12-31T23:59`])
      assert.ok(date < bound, `${date} < ${bound}`);
  }
});

test('dateAfter: no bound for forms it cannot bound safely', () => {
  assert.equal(dateAfter('2024-06-30T12:00'), null);
  // Month 00 would step back a year.
  assert.equal(dateAfter('2024-00-10'), null);
});
