// What a pattern's gap and a relative clause's subject may reach: not into a clause of its own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventsOf } from './helpers.ts';

test('a relative clause on a thing has no actor as its doer', () => {
  const events = eventsOf(
    'Kenya and Uganda came to terms on a trade agreement that approves imports of maize.',
  );
  assert.ok(!events.some((e) => e.plover === 'SUPPORT' && e.source.country), JSON.stringify(events));
  // An actor before the relative pronoun is its subject still.
  const relative = eventsOf('Kenya, which condemned Uganda on Monday, recalled its envoy.');
  assert.ok(
    relative.some((e) => e.source.country === 'KEN'),
    JSON.stringify(relative),
  );
});

test('a pattern’s gap does not cross into a coordinated clause with its own auxiliary', () => {
  const events = eventsOf('He has held jobs in Kenya and is talking about going back to school.');
  assert.ok(!events.some((e) => e.plover === 'CONSULT'), JSON.stringify(events));
  const talks = eventsOf('Kenya held three rounds of talks with Uganda.');
  assert.ok(
    talks.some((e) => e.plover === 'CONSULT'),
    JSON.stringify(talks),
  );
});
