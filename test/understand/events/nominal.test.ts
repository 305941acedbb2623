// Nouns naming acts, nominalisations after an actor word, and acts asserted in relative clauses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codeArticle } from '../../../src/understand/events/index.ts';
import { entitiesFor, eventsOf } from './helpers.ts';

test('nominal acts: an act named in a background phrase is no event', () => {
  const despite = eventsOf("Despite Iran's threats against Peru, Chile met Bolivia on Monday.");
  assert.ok(!despite.some((e) => e.plover === 'THREATEN'), JSON.stringify(despite));
  assert.ok(despite.some((e) => e.source.country === 'CHL' && e.target?.country === 'BOL'));
  const undergone = eventsOf('The new tax drew criticism in Kenya.');
  assert.ok(!undergone.some((e) => e.plover === 'ACCUSE'), JSON.stringify(undergone));
});

test('nominal acts: a name modifying the act in a background phrase is no event either', () => {
  const pressure = (text: string) =>
    eventsOf(text).filter((e) => e.cameo?.startsWith('10') || e.plover === 'COERCE');
  assert.deepEqual(pressure('Several leaders stayed quiet regarding Kenyan pressure on Uganda.'), []);
  const asserted = pressure('Kenyan pressure on Uganda grew on Monday.');
  assert.ok(
    asserted.some((e) => e.source.country === 'KEN'),
    JSON.stringify(asserted),
  );
});

test('nominal acts: a possessor that is an argument of the clause keeps the act', () => {
  const events = eventsOf("Iran's threats against Peru were rejected on Monday.");
  assert.ok(
    events.some((e) => e.plover === 'THREATEN' && e.source.country === 'IRN' && e.target?.country === 'PER'),
    JSON.stringify(events),
  );
});

test('an actor word before a nominalisation modifies it: "military cooperation" is no target', () => {
  const events = eventsOf('Iran and China agreed on Monday to expand military cooperation.');
  const agree = events.filter((e) => e.plover === 'AGREE');
  assert.deepEqual(agree.map((e) => `${e.source.country}>${e.target?.country ?? e.target?.code}`).sort(), [
    'CHN>IRN',
    'IRN>CHN',
  ]);
});

test('confidence: an act in a relative clause on its actor counts as asserted', () => {
  const relative = 'The sharpest words came from Laura Mendes, who condemned Venezuela for the raids.';
  const main = 'Laura Mendes condemned Venezuela for the raids.';
  const conf = (text: string) =>
    codeArticle(text, entitiesFor(text), { resolve: () => null }).find((e) => e.target?.country === 'VEN')
      ?.confidence;
  const [a, b] = [conf(relative), conf(main)];
  assert.ok(a !== undefined && b !== undefined);
  assert.ok(Math.abs(a - b) < 0.1, `${a} vs ${b}`);
});
