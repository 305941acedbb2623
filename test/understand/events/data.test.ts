// The event data files agree with the ontology, and odd input never throws.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { codeEvent, cameo } from '../../../src/understand/events/ontology.ts';
import { findEvents } from '../../../src/understand/events/index.ts';
import { compilePattern, eventLexicon } from '../../../src/understand/events/lexicon.ts';
import { tokenize } from '../../../src/understand/text/index.ts';
import { eventsOf } from './helpers.ts';

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

test('the imported CAMEO dictionary patterns carry the MIT notice, known codes and a verb first', () => {
  const dict = read('events/cameo-verbs.json') as {
    _meta: { license: string };
    codes: Record<string, string[]>;
  };
  assert.match(dict._meta.license, /MIT License/);
  const entries = Object.entries(dict.codes);
  assert.ok(entries.reduce((n, [, list]) => n + list.length, 0) > 2000);
  for (const [code, list] of entries) {
    assert.ok(codeEvent(code) ?? code.startsWith('01'), `code ${code}`);
    assert.notEqual(code, '010', 'general statements are no events');
    for (const pattern of list) {
      const items = compilePattern(code, pattern).items;
      // A verb, then words the dictionary names after it: no lone verb, no leading gap.
      assert.equal(items[0]?.gap, false, pattern);
      assert.ok(items.length >= 3 && items[1]?.gap, pattern);
    }
  }
});

test('a CAMEO dictionary phrase codes a verb the project list does not read', () => {
  const tokens = tokenize('The army clamped a curfew on the northern city.');
  const matches = eventLexicon().matchAll(tokens);
  assert.ok(!matches.some((m) => m.pattern.rank === 0 && m.first === 2), 'no own pattern at "clamped"');
  const [event] = eventsOf('The army clamped a curfew on the northern city.');
  assert.equal(event?.cameo, '1723');
  assert.equal(event?.source.sector, 'MIL');
});

test('where the project list reads the same verb, its coding stands over the dictionary phrase', () => {
  // The dictionary codes "sign … trade pact" as intent to cooperate (0311); the project, as PLOVER, a signing.
  const events = eventsOf('Brazil and Argentina signed a trade pact.');
  assert.ok(events.length > 0);
  for (const e of events) assert.equal(e.cameo, '057');
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
