// One row per event family: the sentence, the PLOVER type, the CAMEO root, source and target.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventsOf } from './helpers.ts';

const CASES: [
  family: string,
  sentence: string,
  plover: string,
  root: string,
  source: string,
  target: string | null,
][] = [
  ['meeting', 'Brazil met Argentina in Quito on Monday.', 'CONSULT', '04', 'BRA', 'ARG'],
  ['visit', 'Chinese officials visited Kenya last week.', 'CONSULT', '04', 'CHN', 'KEN'],
  ['talks', 'Peru held talks with Bolivia on the border dispute.', 'CONSULT', '04', 'PER', 'BOL'],
  ['agreement signed', 'Norway signed a fisheries agreement with Sweden.', 'SUPPORT', '05', 'NOR', 'SWE'],
  [
    'intent to cooperate',
    'Iran agreed to expand military cooperation with China.',
    'AGREE',
    '03',
    'IRN',
    'CHN',
  ],
  ['praise', 'Chile praised Peru for its handling of the floods.', 'SUPPORT', '05', 'CHL', 'PER'],
  [
    'criticism',
    'Venezuela sharply criticised Colombia over the border closure.',
    'ACCUSE',
    '11',
    'VEN',
    'COL',
  ],
  ['accusation', 'Kenya accused Uganda of arming rebel groups.', 'ACCUSE', '11', 'KEN', 'UGA'],
  ['threat', 'Colombia threatened to impose sanctions on Venezuela.', 'THREATEN', '13', 'COL', 'VEN'],
  ['sanctions', 'The United States imposed sanctions on Iran on Friday.', 'SANCTION', '16', 'USA', 'IRN'],
  ['attack', 'Colombian troops attacked Venezuela across the river.', 'ASSAULT', '18', 'COL', 'VEN'],
  ['shelling', 'Colombian artillery shelled positions held by Venezuela.', 'ASSAULT', '19', 'COL', 'VEN'],
  ['protest', 'Thousands of students protested against Chile in the capital.', 'PROTEST', '14', 'CHL', 'CHL'],
  ['aid', 'Norway provided humanitarian aid to Kenya after the floods.', 'AID', '07', 'NOR', 'KEN'],
  ['request', 'Ecuador urged Peru to reopen the border crossing.', 'REQUEST', '02', 'ECU', 'PER'],
  ['demand', 'Bolivia demanded that Chile return the seized trucks.', 'REQUEST', '10', 'BOL', 'CHL'],
  ['rejection', 'Uganda rejected a proposal from Kenya for joint patrols.', 'REJECT', '12', 'UGA', 'KEN'],
  ['release', 'Iran released two Swedish sailors held since March.', 'RETREAT', '08', 'IRN', null],
  ['arrest', 'Venezuela arrested three Colombian journalists near the border.', 'COERCE', '17', 'VEN', 'COL'],
  ['mobilisation', 'Colombia deployed troops to the border with Venezuela.', 'MOBILIZE', '15', 'COL', 'VEN'],
];

const countryOf = (a: { country: string | null; name: string } | null) => (a ? (a.country ?? '-') : null);

for (const [family, sentence, plover, root, source, target] of CASES) {
  test(`event family: ${family}`, () => {
    const events = eventsOf(sentence);
    const hit = events.find((e) => e.plover === plover);
    assert.ok(hit, `${sentence} → ${JSON.stringify(events.map((e) => [e.plover, e.cameo]))}`);
    assert.equal(hit.cameo?.slice(0, 2), root);
    assert.equal(countryOf(hit.source), source);
    if (target) assert.equal(countryOf(hit.target), target);
    assert.equal(hit.evidence.text, sentence);
  });
}

test('a sentence with no political act gives no event', () => {
  assert.deepEqual(eventsOf('The weather in Quito was mild on Monday.'), []);
});
