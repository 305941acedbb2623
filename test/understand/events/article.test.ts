// Article-level behaviour: reported speech, compound and reciprocal actors, passive voice,
// relative clauses, locations and merging repeated mentions of one event.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findEvents, mainCountry } from '../../../src/understand/events/index.ts';
import { entitiesFor, eventsOf } from './helpers.ts';

test('reported speech codes the reported act, attributed to the speaker', () => {
  const events = eventsOf('Chile said Colombian troops attacked Venezuela on Sunday.');
  const attack = events.find((e) => e.plover === 'ASSAULT');
  assert.equal(attack?.source.country, 'COL');
  assert.equal(attack?.target?.country, 'VEN');
  assert.equal((attack?.attributedTo as { country: string } | null)?.country, 'CHL');
  assert.equal(attack?.date, '2022-04-24');
});

test('a trailing attribution is neither source nor target', () => {
  const [event] = eventsOf('Peru sent food aid to Bolivia, the United States said.');
  assert.equal(event?.source.country, 'PER');
  assert.equal(event?.target?.country, 'BOL');
});

test('a plain statement is no event', () => {
  assert.deepEqual(eventsOf('Kenya said the economy grew by four percent.'), []);
});

test('a compound subject acts on its partner both ways', () => {
  const events = eventsOf('Iran and China signed a defence agreement.');
  const pairs = events.map((e) => `${e.source.country}>${e.target?.country}`).sort();
  assert.deepEqual(pairs, ['CHN>IRN', 'IRN>CHN']);
});

test('"the two countries" are the last two countries mentioned', () => {
  const events = eventsOf('Brazil praised Argentina. Later the two countries signed a trade pact.');
  const signed = events
    .filter((e) => e.cameo === '057')
    .map((e) => `${e.source.country}>${e.target?.country}`);
  assert.deepEqual(signed.sort(), ['ARG>BRA', 'BRA>ARG']);
});

test('passive voice: the agent after "by" is the source', () => {
  const [event] = eventsOf('Uganda was attacked by Kenya on Monday.');
  assert.equal(event?.source.country, 'KEN');
  assert.equal(event?.target?.country, 'UGA');
});

test('a relative clause takes its antecedent as subject', () => {
  const events = eventsOf(
    'The sharpest words came from Laura Mendes, who condemned Venezuela for the raids.',
  );
  const accuse = events.find((e) => e.plover === 'ACCUSE' && e.target?.country === 'VEN');
  assert.equal(accuse?.source.country, 'BRA');
});

test('location from "in <place>"', () => {
  const [event] = eventsOf('Brazil met Argentina in Quito on Monday.');
  assert.equal(event?.location, 'Quito');
});

test('one event mentioned twice is one event with both evidence spans', () => {
  const text =
    'Norway signed a fisheries agreement with Sweden on Monday.\n\nThe agreement was signed by Norway and Sweden after long talks.';
  const signed = eventsOf(text).filter((e) => e.cameo === '057' && e.source.country === 'NOR');
  assert.equal(signed.length, 1);
  assert.equal((signed[0]?.evidenceSpans as unknown[]).length, 2);
  assert.equal(signed[0]?.date, '2022-04-25');
});

test('evidence offsets point at the sentence in the text', () => {
  const text = 'Quiet day. Kenya accused Uganda of arming rebels.';
  const [event] = eventsOf(text);
  assert.ok(event);
  assert.equal(
    text.slice(event.evidence.start, event.evidence.end),
    'Kenya accused Uganda of arming rebels.',
  );
  assert.ok(event.confidence > 0 && event.confidence <= 1);
});

test('one meeting told as "met" and "held talks" is one event', () => {
  const text =
    'Brazil met Argentina in Quito on Monday.\n\nBrazil held talks with Argentina for three hours.';
  const consult = eventsOf(text).filter((e) => e.plover === 'CONSULT' && e.source.country === 'BRA');
  assert.equal(consult.length, 1);
  assert.equal((consult[0]?.evidenceSpans as unknown[]).length, 2);
});

test('events on different dates stay apart', () => {
  const text = 'Brazil met Argentina on Monday.\n\nIn 2019, Brazil met Argentina in Quito.';
  const consult = eventsOf(text).filter((e) => e.plover === 'CONSULT' && e.source.country === 'BRA');
  assert.deepEqual(consult.map((e) => e.date).sort(), ['2019', '2022-04-25']);
});

test('a participle after a determiner is no event ("the occupied territory")', () => {
  assert.deepEqual(
    eventsOf('Peru sent food aid to the occupied territory.').map((e) => e.cameo?.slice(0, 2)),
    ['07'],
  );
});

test('"the two countries" prefers the last pair named together', () => {
  const text =
    'Brazil and Argentina met in Quito. Chile praised Peru. In 2019, the two countries signed a border treaty.';
  const signed = eventsOf(text).filter((e) => e.cameo === '057');
  assert.deepEqual(signed.map((e) => `${e.source.country}>${e.target?.country}`).sort(), [
    'ARG>BRA',
    'BRA>ARG',
  ]);
});

test('the speaker is the subject before "said", not a place inside its phrase', () => {
  const events = eventsOf('The Kenya office operating in Uganda said Colombian troops attacked Venezuela.');
  const attack = events.find((e) => e.plover === 'ASSAULT');
  assert.equal((attack?.attributedTo as { country: string } | null)?.country, 'KEN');
});

test('everyday words outside politics make no event without a placed actor', () => {
  const text = [
    'Stocks rallied on Monday as investors cheered strong earnings.',
    'The storm is expected to hit the coast late on Sunday.',
    'Shares tanked after the company missed its delivery targets.',
    'A fire destroyed three homes overnight.',
  ].join(' ');
  assert.deepEqual(eventsOf(text), []);
});

test('the same words with a placed actor are events', () => {
  const [event] = eventsOf('Colombia attacked rebel camps on Monday.');
  assert.equal(event?.plover, 'ASSAULT');
});

test('a bare role noun in a sentence naming no country is of the article’s main country', () => {
  const text =
    'Kenya and Uganda held talks on Monday. Kenya wants the border reopened.\n\n' +
    'Later, the defense minister accused the rebels of attacking a village.';
  const accuse = findEvents(text, entitiesFor(text), { published: '2022-04-27' }).find(
    (e) => e.plover === 'ACCUSE',
  );
  assert.equal(accuse?.source.country, 'KEN', JSON.stringify(accuse));
  // armed forces are often a foreign party's: they stay unplaced
  assert.equal(accuse?.target?.name, 'rebels');
  assert.equal(accuse?.target?.country, null);
  // No country dominates (one mention each): the minister stays unplaced.
  const even =
    'Kenya and Uganda held talks on Monday.\n\nLater, the defense minister accused the rebels of attacking a village.';
  const unplaced = findEvents(even, entitiesFor(even), { published: '2022-04-27' }).find(
    (e) => e.plover === 'ACCUSE',
  );
  assert.ok(unplaced && !unplaced.source.country, JSON.stringify(unplaced));
});

test('the main country is the one mentioned most, twice at least', () => {
  assert.equal(mainCountry(entitiesFor('Kenya met Uganda. Kenya said so. Tehran listened.')), 'Kenya');
  assert.equal(mainCountry(entitiesFor('Kenya met Uganda.')), null);
  assert.equal(mainCountry(entitiesFor('Kenya met Uganda. Uganda and Kenya agreed.')), null);
});

test('"talks between X and Y" with nobody named as doer: the parties act on each other', () => {
  const events = eventsOf('Talks between Kenya and Uganda resumed in Nairobi on Monday.');
  const pairs = events
    .filter((e) => e.plover === 'CONSULT')
    .map((e) => `${e.source.country}>${e.target?.country}`)
    .sort();
  assert.deepEqual(pairs, ['KEN>UGA', 'UGA>KEN']);
});

test("reported speech: what a trailing frame says of its speaker after the name is read, the frame's verb is not", () => {
  const events = eventsOf(
    '"The talks will resume next week," said Laura Mendes, who criticized Uganda over the border closure.',
  );
  assert.deepEqual(
    events.map((e) => `${e.plover} ${e.target?.code ?? '-'}`),
    ['ACCUSE UGA'],
  );
});
