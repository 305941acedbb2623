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
