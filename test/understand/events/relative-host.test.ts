// A relative clause on the subject ("A man who was accused of fraud was arrested"): the main clause's
// act is the sentence's event, and the relative clause takes no agent from the main clause. A passive
// that names its doer ("was arrested by police") is as specific as the active voice.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codeArticle } from '../../../src/understand/events/index.ts';
import { eventConfidence } from '../../../src/understand/events/confidence.ts';
import { entitiesFor, eventsOf } from './helpers.ts';

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

test('a passive that names its doer ("by police") is more credible than one that hides it', () => {
  const signals = (text: string) =>
    codeArticle(text, entitiesFor(text), { resolve: () => null }).map((e) => e.signals)[0];
  const named = signals('Three Kenyan activists were detained by police in Nairobi on Monday.');
  const hidden = signals('Three Kenyan activists were detained in Nairobi on Monday.');
  assert.deepEqual([named?.passive, named?.agent], [true, true]);
  assert.deepEqual([hidden?.passive, hidden?.agent], [true, false]);
  // The same evidence but for the agent: naming the doer raises the confidence.
  assert.ok(named && hidden);
  const same = { ...named, sentenceRelevance: 0, articleRelevance: 0 };
  assert.ok(eventConfidence(same) > eventConfidence({ ...same, agent: false }));
});

test('the relative clause on the main act’s subject keeps its own act, and its actors are not that subject', () => {
  const both = eventsOf(
    'The Kenyan minister who met Ugandan officials last week criticised the new tariffs.',
  );
  assert.deepEqual(both.map((e) => e.plover).sort(), ['ACCUSE', 'CONSULT']);
  const events = eventsOf('The man who killed two Kenyan soldiers was arrested by police on Sunday.');
  const arrest = events.find((e) => e.plover === 'COERCE');
  assert.equal(arrest?.source.sector, 'COP');
  assert.notEqual(arrest?.target?.code, 'KENMIL', 'the soldiers were killed, not arrested');
  assert.ok(events.some((e) => e.plover === 'ASSAULT' && e.target?.code === 'KENMIL'));
});
