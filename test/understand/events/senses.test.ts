// Verb senses by their arguments: violence needs a violent doer and something that can be hit;
// visits, aid and releases need an actor as object; a capitalised word inside a sentence is a name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventsOf } from './helpers.ts';

const types = (text: string) => eventsOf(text).map((e) => e.plover);

test('a thing as doer of a killing is violence only when it is a weapon or an attack', () => {
  assert.ok(!types('The storm killed twelve people in Kenya on Sunday.').includes('ASSAULT'));
  assert.ok(!types('The virus has killed three hundred people in Uganda.').includes('ASSAULT'));
  assert.ok(types('A car bomb killed twelve people in Kenya on Sunday.').includes('ASSAULT'));
});

test('a bare noun as doer (no determiner, after an opening phrase) is read from the clause subject', () => {
  assert.ok(!types('In Kenya, seasonal influenza has killed six people this year.').includes('ASSAULT'));
  assert.ok(!types('Heavy flooding killed twelve people in Uganda.').includes('ASSAULT'));
  assert.ok(types('In Kenya, gunfire killed six people on Sunday.').includes('ASSAULT'));
  assert.ok(types('War has killed thousands of people in Uganda.').includes('ASSAULT'));
});

test('an attack on a thing that cannot be hit is another sense', () => {
  assert.ok(!types('Kenyan hackers attacked the website of the Ugandan parliament.').includes('ASSAULT'));
  assert.ok(types('Kenyan troops attacked the border post on Tuesday.').includes('ASSAULT'));
  assert.ok(types('Kenyan troops attacked the village of Kasese in Uganda.').includes('ASSAULT'));
});

test('a visit to a thing is no meeting; a visit to a country is', () => {
  assert.ok(!types('The Kenyan minister visited the new museum in Uganda.').includes('CONSULT'));
  assert.ok(types('The Kenyan minister visited Uganda on Tuesday.').includes('CONSULT'));
});

test('a month name inside a sentence is no protest march', () => {
  assert.ok(!types('Kenya and Uganda resumed border talks in March.').includes('PROTEST'));
  assert.ok(types('Thousands of Kenyan teachers march on parliament every year.').includes('PROTEST'));
});

test('a verb that needs an object before its preposition is another sense without one', () => {
  assert.ok(!types('The Kenyan delegation returned to Washington on Monday.').includes('RETREAT'));
  assert.ok(types('Kenya returned the seized fishing boats to Uganda on Monday.').includes('RETREAT'));
  assert.ok(!types('Kenya wants to expand its railway network.').includes('REQUEST'));
  assert.ok(types('Kenya wants Uganda to reopen the border crossing.').includes('REQUEST'));
  // The passive keeps it, and so does a participle that may be a reduced relative.
  assert.ok(types('Uganda was accused of shelling Kenyan border villages.').includes('ACCUSE'));
  assert.ok(
    types('He spoke at the trial of two Kenyans accused of smuggling arms into Uganda.').includes('ACCUSE'),
  );
});

test('a warning is a threat only when the warned act is the speaker’s own', () => {
  assert.ok(!types('Kenya warned that food prices would rise sharply next year.').includes('THREATEN'));
  assert.ok(!types('The Kenyan government warned of a rise in cholera cases.').includes('THREATEN'));
  assert.ok(types('Kenya warned that it would retaliate.').includes('THREATEN'));
  assert.ok(types('Kenya warned Uganda to withdraw its troops from the border.').includes('REQUEST'));
});

test('help with a verb as complement is no aid', () => {
  assert.ok(!types('Kenyan subsidies helped lower food prices in Uganda.').includes('AID'));
  assert.ok(!types('The Kenyan loan will help to rebuild roads in Uganda.').includes('AID'));
  assert.ok(types('Kenya helped Uganda with food and medicine after the floods.').includes('AID'));
});

test('backing out supports nobody; agreeing with a person is an opinion', () => {
  assert.ok(!types('Under pressure from its unions, Kenya backed out.').includes('SUPPORT'));
  assert.ok(types('Kenya backed Uganda in the dispute.').includes('SUPPORT'));
  assert.ok(!types('Laura Mendes agreed with Laura Mendes and left.').includes('AGREE'));
});

test('a threat as a predicate noun names no act', () => {
  assert.ok(!types('The militia in Uganda is a threat to Kenya.').includes('THREATEN'));
  assert.ok(types('Uganda threatened Kenya with sanctions.').includes('THREATEN'));
});

test('declining a cooperative act is its rejection; an act that did not happen stays negated', () => {
  assert.deepEqual(types('Kenya will not accept any more refugees from Uganda.'), ['REJECT']);
  assert.deepEqual(types('Kenya said it would not release the Ugandan sailors.'), ['REJECT']);
  const met = eventsOf('Kenya did not meet Uganda on Tuesday.');
  assert.equal(met[0]?.plover, 'CONSULT');
  assert.equal(met[0]?.modality, 'negated');
});
