// One row per modality rule: the sentence, the modality, and the type after PLOVER's recoding.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventsOf } from './helpers.ts';

const CASES: [rule: string, sentence: string, modality: string, plover: string][] = [
  ['past tense happened', 'Brazil met Argentina on Monday.', 'happened', 'CONSULT'],
  ['"will" is an intention; a planned visit is AGREE', 'Iran will visit China in June.', 'intended', 'AGREE'],
  ['"plans to" is an intention', 'Peru plans to send aid to Bolivia.', 'intended', 'AGREE'],
  ['"is expected to" is expected', 'Iran is expected to visit China next month.', 'expected', 'CONSULT'],
  ['"could" is hypothetical', 'Kenya could attack Uganda within days.', 'hypothetical', 'ASSAULT'],
  ['"did not" is negated', 'Chile did not meet Peru during the summit.', 'negated', 'CONSULT'],
  ['"never" is negated', 'Norway has never sanctioned Sweden.', 'negated', 'SANCTION'],
  [
    'an announced attack is a threat',
    'Kenya will attack Uganda unless the raids stop.',
    'intended',
    'THREATEN',
  ],
  ['"would" in reported speech is an intention', 'Bolivia said it would meet Chile.', 'intended', 'AGREE'],
  [
    'a threat to act is itself an act that happened',
    'Kenya threatened to attack Uganda.',
    'happened',
    'THREATEN',
  ],
  ['an agreement to act happened', 'Chile agreed to hold talks with Peru.', 'happened', 'AGREE'],
];

for (const [rule, sentence, modality, plover] of CASES) {
  test(`modality: ${rule}`, () => {
    const events = eventsOf(sentence);
    assert.ok(events.length, `no event in ${sentence}`);
    assert.equal(events[0]?.modality, modality, JSON.stringify(events[0]));
    assert.equal(events[0]?.plover, plover);
  });
}
