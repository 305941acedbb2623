// Wire datelines: the agency that filed a story acts in nothing the sentence reports.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { datelineEnd } from '../../../src/understand/events/dateline.ts';
import { readText } from '../../../src/understand/text/index.ts';
import { eventsOf } from './helpers.ts';

const opening = (text: string) => {
  const doc = readText(text);
  const tokens = doc.tokens.slice(0, doc.plainSentences[0]?.last ?? 0);
  const end = datelineEnd(tokens);
  return end ? text.slice(0, tokens[end - 1]?.end ?? 0) : '';
};

test('datelines of wire stories end at their dash or colon', () => {
  assert.equal(opening('QUITO, Ecuador (Reuters) - Gunmen attacked a bus.'), 'QUITO, Ecuador (Reuters) -');
  assert.equal(
    opening('LIMA, Peru, March 3 (AP) -- Police arrested two men.'),
    'LIMA, Peru, March 3 (AP) --',
  );
  assert.equal(opening('NAIROBI: The ministry said on Monday that talks resumed.'), 'NAIROBI:');
});

test('a speaker before a colon or a dash inside a sentence is no dateline', () => {
  assert.equal(opening('Mendes: Chile must withdraw its troops.'), '');
  assert.equal(opening('Kenya - which hosts the talks - praised Uganda.'), '');
  assert.equal(opening('The UN said: talks will resume.'), '');
});

test('the place and agency of a dateline are not the source of the event', () => {
  const events = eventsOf(
    'QUITO, Ecuador (Reuters) - A suicide bomber killed five people in an attack on a bus.',
  );
  const killing = events.find((e) => e.plover === 'ASSAULT');
  assert.ok(killing, 'the killing is coded');
  assert.ok(!['Ecuador', 'Reuters'].includes(killing.source.name), killing.source.name);
  // The dateline's place still tells whose unidentified attackers they are.
  assert.equal(killing.source.country, 'ECU');
});
