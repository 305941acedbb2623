// A relative clause on the subject ("A man who was accused of fraud was arrested"): the main clause's
// act is the sentence's event, and the relative clause takes no agent from the main clause.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventsOf } from './helpers.ts';

test('the act of a main clause interrupted by a relative clause with no commas is coded', () => {
  const [arrest, ...rest] = eventsOf(
    'A Kenyan pastor who was accused of fraud two years ago was arrested by police in Nairobi on Monday.',
  );
  assert.equal(arrest?.plover, 'COERCE');
  assert.equal(arrest?.cameo, '173');
  assert.equal(arrest?.source.sector, 'COP');
  // the accusation inside the relative clause has no doer of its own: police did not accuse him
  assert.ok(!rest.some((e) => e.plover === 'ACCUSE' && e.source.sector === 'COP'));
});

test('a reporting word after a preposition is no reporting frame ("by state police")', () => {
  const [arrest] = eventsOf('A Kenyan pastor was arrested by state police in Nairobi on Monday.');
  assert.equal(arrest?.plover, 'COERCE');
  assert.equal(arrest?.source.name, 'police', 'the agent of the passive is the doer');
});
