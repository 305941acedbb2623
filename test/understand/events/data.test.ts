// The event data files agree with the ontology, and odd input never throws.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { codeEvent, cameo } from '../../../src/understand/events/ontology.ts';
import { findEvents } from '../../../src/understand/events/index.ts';

const read = (path: string) =>
  JSON.parse(readFileSync(new URL(`../../../data/${path}`, import.meta.url), 'utf8'));

test('every pattern code is a CAMEO code', () => {
  const codes = Object.keys(read('events/verbs.json').codes as Record<string, string[]>);
  for (const code of codes) assert.ok(cameo(code), `unknown CAMEO code ${code} in data/events/verbs.json`);
});

test('every pattern code outside statements (01) codes to a PLOVER type', () => {
  const codes = Object.keys(read('events/verbs.json').codes as Record<string, string[]>);
  for (const code of codes.filter((c) => !c.startsWith('01'))) assert.ok(codeEvent(code), code);
});

test('intent and threat recodings point at AGREE and THREATEN codes', () => {
  const frames = read('events/frames.json') as {
    intentCodes: Record<string, string>;
    threatCodes: Record<string, string>;
  };
  for (const code of Object.values(frames.intentCodes)) assert.equal(codeEvent(code)?.plover, 'AGREE', code);
  for (const code of Object.values(frames.threatCodes))
    assert.equal(codeEvent(code)?.plover, 'THREATEN', code);
});

test('the ontology files carry a source note and the PLOVER licence', () => {
  assert.match(read('ontology/plover.json')._meta.licence, /CC BY-SA 4\.0/);
  assert.ok(read('ontology/cameo.json')._meta.source);
});

test('odd input gives no events and no error', () => {
  const none = () => null;
  for (const text of ['', '   ', '\n\n', '...', '“”', 'a'.repeat(5000), 'Iran. '.repeat(200)]) {
    assert.deepEqual(findEvents(text, [], { resolve: none }), []);
  }
});

test('without a publication date, relative dates stay unresolved', () => {
  const text = 'Kenya accused Uganda on Sunday of arming rebels.';
  const entities = [
    {
      id: 'KEN',
      type: 'GPE' as const,
      name: 'Kenya',
      country: 'KEN',
      role: null,
      mentions: [{ start: 0, end: 5, text: 'Kenya', form: 'name' as const }],
    },
  ];
  const [event] = findEvents(text, entities, { resolve: () => null });
  assert.equal(event?.plover, 'ACCUSE');
  assert.equal(event?.date, null);
});

test('events satisfy the reading contract', async () => {
  const { Event } = await import('../../../src/model/reading.ts');
  const { eventsOf } = await import('./helpers.ts');
  const text =
    'Brazil and Argentina signed a trade pact in Quito on Tuesday. Chile said Kenya attacked Uganda.';
  const events = eventsOf(text);
  assert.ok(events.length >= 3);
  for (const e of events) Event.parse(e);
});
