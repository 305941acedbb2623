// Reporting phrases after a reporting verb: "said in a statement that …" reports what follows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventsOf } from './helpers.ts';

test('"said in a statement that …": the act reported after the phrase is coded', () => {
  for (const text of [
    'Kenya said in a statement that it had recalled its ambassador to Uganda.',
    'Kenya said on Monday in a statement that it had recalled its ambassador to Uganda.',
  ]) {
    const events = eventsOf(text);
    assert.ok(
      events.some((e) => e.source.country === 'KEN' && e.target?.country === 'UGA'),
      `${text} ${JSON.stringify(events)}`,
    );
  }
});

test('a statement named at the end still attributes the content before it', () => {
  const events = eventsOf('Kenya recalled its ambassador to Uganda, the ministry said in a statement.');
  assert.ok(
    events.some((e) => e.source.country === 'KEN' && e.target?.country === 'UGA'),
    JSON.stringify(events),
  );
});
