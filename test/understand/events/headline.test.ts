// Headlines in title case: a capitalised run that the entity finder reads as a name runs on into the
// verb ("Opposition Calls For Strike"); the actor ends before the word that names the act.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findEntities } from '../../../src/understand/entities/index.ts';
import { findEvents } from '../../../src/understand/events/index.ts';

const eventsOf = (text: string) =>
  findEvents(text, findEntities(text, { published: '2024-03-14' }), { published: '2024-03-14' });

test('a headline verb swallowed into a name ("Protesters Clash") still codes its event', () => {
  const events = eventsOf('Protesters Clash With Police In Nairobi As Opposition Calls For Strike');
  assert.ok(
    events.some((e) => e.source.code === 'KENCVL' && e.target?.code === 'KENCOP'),
    events.map((e) => `${e.plover} ${e.source.name}`).join('; '),
  );
});

test('a sentence rich in names is no headline: its names stay whole', () => {
  const events = eventsOf(
    'The United States continued to send arms to Pakistan last year, a State Department spokesman said.',
  );
  const aid = events.find((e) => e.plover === 'AID');
  assert.equal(aid?.source.country, 'USA');
});
