// Public statements (CAMEO 01): speeches, admissions, denials, symbolic acts, condolences and confidence
// by a public actor are CAMEO events with no PLOVER type; the same words by a company, a private person
// or in a participle are none.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { confidentEvents } from '../../../src/understand/events/index.ts';
import { eventsOf } from './helpers.ts';

const STATEMENTS: [reading: string, sentence: string, cameo: string, source: string][] = [
  ['speech', 'Laura Mendes delivered a speech to parliament in Quito on Tuesday.', '010', 'BRA'],
  ['speaking at an occasion', 'Laura Mendes spoke at a memorial service in Quito on Sunday.', '010', 'BRA'],
  ['admission', 'Peru admitted that its soldiers had crossed into Ecuador by mistake.', '015', 'PER'],
  ['denial', 'Bolivia denied the accusations of arming rebel groups in Peru.', '016', 'BOL'],
  ['symbolic act', 'Laura Mendes laid a wreath at the war memorial in Quito.', '017', 'BRA'],
  ['condolences', 'Norway expressed condolences to Sweden after the ferry sank.', '018', 'NOR'],
  [
    'confidence, said of oneself',
    'Laura Mendes said on Monday that she was confident that Peru would sign the accord.',
    '013',
    'BRA',
  ],
];

for (const [reading, sentence, cameo, source] of STATEMENTS) {
  test(`statements: ${reading} is CAMEO ${cameo} with no PLOVER type`, () => {
    const found = eventsOf(sentence).find((e) => e.cameo?.startsWith('01'));
    assert.ok(found, JSON.stringify(eventsOf(sentence)));
    assert.equal(found.cameo, cameo);
    assert.equal(found.plover, null);
    assert.equal(found.mode, null);
    assert.equal(found.quadClass, 1);
    assert.equal(found.source.country, source);
  });
}

test('statements: a speech by a public actor is listed by default', () => {
  const events = confidentEvents(
    eventsOf('Laura Mendes delivered a speech to parliament in Quito on Tuesday.'),
  );
  assert.deepEqual(
    events.map((e) => e.cameo),
    ['010'],
  );
});

const NOT_STATEMENTS: [reading: string, sentence: string][] = [
  ['a private speaker', 'The winning chef delivered a speech at the awards dinner in Quito.'],
  ['a company admitting', 'The bakery admitted that its prices had risen sharply this year.'],
  [
    'a participle, not the act of a clause',
    'The floods left officials in Peru admitting that the dams had failed.',
  ],
];

for (const [reading, sentence] of NOT_STATEMENTS) {
  test(`statements: no event for ${reading}`, () => {
    const events = eventsOf(sentence).filter((e) => e.cameo?.startsWith('01'));
    assert.deepEqual(events, []);
  });
}
