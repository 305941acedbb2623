// Actor rules: titles, organisations as PLOVER blocs, unidentified attackers, asides, intent frames.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor } from '../../../src/understand/actors/index.ts';
import { findEvents } from '../../../src/understand/events/index.ts';
import { entitiesFor, eventsOf } from './helpers.ts';

/** A knowledge base of three organisations, standing in for the real one. */
function resolve(text: string): Actor | null {
  const orgs: Record<string, Actor> = {
    NATO: {
      entityId: 'org:nato',
      name: 'NATO',
      type: 'ORG',
      country: null,
      sector: 'MIL',
      code: 'IGONAT',
      role: null,
    },
    'Red Cross': {
      entityId: 'org:icrc',
      name: 'Red Cross',
      type: 'ORG',
      country: null,
      sector: 'MED',
      code: 'NGOMED',
      role: null,
    },
    'United Nations': {
      entityId: 'org:un',
      name: 'United Nations',
      type: 'ORG',
      country: null,
      sector: null,
      code: 'UNO',
      role: null,
    },
  };
  return orgs[text] ?? null;
}
const withKb = (text: string) => findEvents(text, entitiesFor(text), { published: '2022-04-27', resolve });

test('a demonym and a title give a person country and sector', () => {
  const [event] = eventsOf('Kenyan President Laura Mendes accused Uganda of arming rebels.');
  assert.equal(event?.source.country, 'BRA', 'the knowledge base country of the person wins');
  const [other] = eventsOf('Kenyan Foreign Minister Joseph Otieno accused Uganda of arming rebels.');
  assert.equal(other?.source.code, 'KENGOV');
});

test('organisations without a country take their PLOVER bloc as country', () => {
  const [nato] = withKb('NATO condemned Kenya for the raids.');
  assert.equal(nato?.source.country, 'IGO');
  assert.equal(nato?.source.code, 'IGOMIL');
  const [un] = withKb('The United Nations sent food aid to Uganda.');
  assert.equal(un?.source.country, 'IGO');
  const [ngo] = withKb('The Red Cross delivered medicine to Kenya.');
  assert.equal(ngo?.source.code, 'NGOMED');
});

test('violence without a named perpetrator is coded as unidentified armed forces', () => {
  const [event] = eventsOf('A roadside bomb killed three Kenyan soldiers near the Uganda border.');
  assert.equal(event?.plover, 'ASSAULT');
  assert.equal(event?.source.sector, 'UAF');
  assert.equal(event?.source.country, 'UGA');
  assert.equal(event?.target?.code, 'KENMIL');
});

test('an aside between commas is not the subject', () => {
  const [event] = eventsOf('Peru, a close ally of the United States, has refused to send troops to Bolivia.');
  assert.equal(event?.source.country, 'PER');
});

test('an intent frame takes its code from the act it introduces', () => {
  const [coop] = eventsOf('Chile agreed to hold joint naval exercises with Peru.');
  assert.equal(coop?.plover, 'AGREE');
  assert.equal(coop?.cameo, '0312');
  const [threat] = eventsOf('Venezuela is prepared to impose sanctions on Colombia.');
  assert.equal(threat?.plover, 'THREATEN');
});

test('own forces are the means, not the target', () => {
  const [event] = eventsOf('Venezuela is willing to withdraw its troops from Colombia.');
  assert.equal(event?.target?.country, 'COL');
});

test('a civil group after a national actor belongs to its country', () => {
  const [event] = eventsOf('Colombian police arrested dozens of students in the capital.');
  assert.equal(event?.target?.code, 'COLEDU');
});

test('a background clause does not add a second event', () => {
  const events = eventsOf('Kenya praised Uganda after rebels attacked the border town.');
  assert.deepEqual(
    events.map((e) => e.plover),
    ['SUPPORT'],
  );
});

test('a refusal frame takes the rejection of the act it introduces', () => {
  const [event] = eventsOf('Uganda refused to release the Kenyan fishermen.');
  assert.equal(event?.plover, 'REJECT');
  assert.equal(event?.cameo, '1243');
});

test('a reporting verb that anchors an event pattern is the event ("declared a ceasefire")', () => {
  const [event] = eventsOf('Colombia declared a unilateral ceasefire on Friday.');
  assert.equal(event?.plover, 'RETREAT');
  assert.equal(event?.cameo, '0871');
});

test('a conditional coercive act is a threat', () => {
  const [event] = eventsOf('Kenya may expel Ugandan diplomats if the raids continue.');
  assert.equal(event?.plover, 'THREATEN');
  assert.equal(event?.modality, 'hypothetical');
});

test('a sentence-initial aside does not push the main act into a subordinate clause', () => {
  const [event] = eventsOf('Despite warnings from Peru, Bolivia refused to lift the border closure.');
  assert.equal(event?.plover, 'REJECT');
  assert.equal(event?.source.country, 'BOL');
});

test('a sector head with a noun of its members is one actor ("opposition groups", "police officers")', () => {
  const [demand] = eventsOf('Opposition groups in Kenya demanded the release of the detained journalists.');
  assert.equal(demand?.source.code, 'KENOPP');
  const [arrest] = eventsOf('Kenyan police officers arrested two students near the border.');
  assert.equal(arrest?.source.code, 'KENCOP');
});
