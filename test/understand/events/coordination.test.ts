// Coordination and pronouns in the actor reading: an "and" that opens a new clause joins no actors,
// and a sentence-initial pronoun is never read as a name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveActor } from '../../../src/understand/actors/index.ts';
import { findEvents } from '../../../src/understand/events/index.ts';
import type { Event } from '../../../src/model/index.ts';
import { entitiesFor, eventsOf } from './helpers.ts';

const pairs = (events: Event[]) =>
  events.map((e) => `${e.plover} ${e.source?.code ?? '-'}>${e.target?.code ?? '-'}`).sort();

test('a noun followed by a finite verb after "and" opens a clause, not a coordinated target', () => {
  const events = eventsOf('Chile attacked Peru and Bolivia condemned the attack.');
  assert.deepEqual(
    events.filter((e) => e.plover === 'ASSAULT').map((e) => e.target?.code),
    ['PER'],
    'Bolivia is the subject of "condemned", not a second target of "attacked"',
  );
  const criticism = events.filter((e) => e.plover === 'ACCUSE');
  assert.deepEqual(
    criticism.map((e) => e.source?.code),
    ['BOL'],
  );
  assert.ok(
    criticism.every((e) => e.target?.code !== 'PER'),
    'Peru does not condemn or get condemned',
  );
});

test('the coordinated subject of the new clause stays one group', () => {
  const events = eventsOf('Chile attacked Peru, and Bolivia and Ecuador condemned the strikes.');
  assert.deepEqual(
    events.filter((e) => e.plover === 'ASSAULT').map((e) => e.target?.code),
    ['PER'],
  );
  const sources = events.filter((e) => e.plover === 'ACCUSE').map((e) => e.source?.code);
  assert.deepEqual([...new Set(sources)].sort(), ['BOL', 'ECU']);
});

test('coordinated objects with no verb after them stay coordinated', () => {
  assert.deepEqual(pairs(eventsOf('Chile attacked Peru and Bolivia on Monday.')), [
    'ASSAULT CHL>BOL',
    'ASSAULT CHL>PER',
  ]);
});

/** The built-in knowledge base as resolver: it codes a bare "He" as an unidentified agent (UNK). */
const withKb = (text: string) =>
  findEvents(text, entitiesFor(text), { published: '2022-04-27', resolve: resolveActor });

test('a sentence-initial pronoun stands for the last person named, never for a group of its own', () => {
  const [event] = withKb('Laura Mendes flew to Kenya on Monday. She criticised Uganda for the raids.').filter(
    (e) => e.plover === 'ACCUSE',
  );
  assert.equal(event?.source?.entityId, 'person:laura-mendes');
  assert.equal(event?.target?.code, 'UGA');
});

test('a sentence-initial pronoun with no one named before it is no actor', () => {
  for (const e of withKb('He criticised Uganda for the raids.')) {
    assert.notEqual(e.source?.name, 'He');
    assert.ok(!e.source?.entityId?.startsWith('group:'), `no group actor: ${JSON.stringify(e.source)}`);
  }
});
