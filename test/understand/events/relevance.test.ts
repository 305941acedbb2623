// Relevance, argument senses, cancelling patterns and calibrated confidence: what keeps sport,
// markets and idioms out of the events of an ordinary news feed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codeArticle, eventThreshold } from '../../../src/understand/events/index.ts';
import { discardLevel, sentenceRelevance } from '../../../src/understand/events/relevance.ts';
import { tokenize } from '../../../src/understand/text/index.ts';
import { readText } from '../../../src/pipeline/index.ts';
import { entitiesFor, eventsOf } from './helpers.ts';

const relevance = (text: string) => sentenceRelevance(tokenize(text));

test('relevance: sport and market reports score below public affairs', () => {
  const sport = relevance(
    'The striker scored twice in the second half as the home side won the league match 3-1.',
  );
  const market = relevance(
    'Shares closed higher and bond yields fell as traders priced in lower interest rates.',
  );
  const politics = relevance(
    'The parliament voted to impose sanctions after the government accused the rebels of attacks.',
  );
  assert.ok(sport < 0, `sport ${sport}`);
  assert.ok(market < 0, `market ${market}`);
  assert.ok(politics > 0, `politics ${politics}`);
});

test('relevance: names do not decide the topic', () => {
  const a = relevance('Kenya imposed sanctions on Uganda.');
  const b = relevance('Norway imposed sanctions on Sweden.');
  assert.equal(a, b);
});

test('discard phrases from the Phoenix dictionary mark sentences and whole stories', () => {
  assert.equal(discardLevel(tokenize('He won the bronze medal in the relay.')), 'sentence');
  assert.equal(discardLevel(tokenize('It was his first title at the Australian Open.')), 'story');
  assert.equal(discardLevel(tokenize('The minister met the ambassador.')), null);
});

test('a team beating a team in a sports report is no assault', () => {
  const text =
    'Norway beat Sweden 3-1 in the final of the tournament. The striker scored twice and the goalkeeper saved a penalty in the second half.';
  assert.deepEqual(
    eventsOf(text).filter((e) => e.plover === 'ASSAULT'),
    [],
  );
});

test('a public actor acting in a sports story is still an event', () => {
  const text =
    'Kenyan police arrested forty fans after the league match. The striker scored twice in the second half.';
  const events = eventsOf(text);
  assert.ok(
    events.some((e) => e.plover === 'COERCE' && e.source.code === 'KENCOP'),
    JSON.stringify(events),
  );
});

test('cancelling CAMEO patterns: beating a rival in an election is no assault', () => {
  assert.deepEqual(
    eventsOf('Brazil beat Argentina in the election.').filter((e) => e.plover === 'ASSAULT'),
    [],
  );
  assert.ok(eventsOf('Peru attacked Chile.').some((e) => e.plover === 'ASSAULT'));
});

test('violence needs actors that can commit it: a company does not assault', () => {
  const events = eventsOf('The company attacked the Kenyan government over the new tax.');
  assert.ok(!events.some((e) => e.plover === 'ASSAULT' && e.source.sector === 'BUS'));
});

test('every event carries a confidence; an unknown source lowers it', () => {
  const text = 'Chile accused Peru of spying. Somebody accused Peru of spying.';
  const events = codeArticle(text, entitiesFor(text), { resolve: () => null });
  const placed = events.find((e) => e.source.country === 'CHL');
  const unknown = events.find((e) => e.source.name === 'unknown');
  assert.ok(placed && unknown, JSON.stringify(events));
  for (const e of events) assert.ok(e.confidence > 0 && e.confidence < 1);
  assert.ok(placed.confidence > unknown.confidence);
});

test('readings leave out events below the threshold unless asked for all', () => {
  const text =
    'Chile accused Peru of spying. Somebody may have asked about the weather. The league match was delayed by rain.';
  const shown = readText({ text }).events;
  const all = readText({ text }, { minEventConfidence: 0 }).events;
  assert.ok(shown.every((e) => e.confidence >= eventThreshold()));
  assert.ok(all.length >= shown.length);
  assert.ok(
    all.some((e) => e.confidence < eventThreshold()),
    JSON.stringify(all.map((e) => e.confidence)),
  );
});
