import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findCitedSources, withoutOwnSite } from '../../src/extract/meta/cited-sources.ts';

const CITED: [string, string[]][] = [
  ['According to state media cited in The Associated Press, the talks stalled.', ['The Associated Press']],
  ['And more, per the AP: the visit was a success.', ['The Associated Press']],
  ['a spokesman said to official news agency IRNA on Sunday.', ['IRNA']],
  ['The minister told IRNA that the talks would resume.', ['IRNA']],
  ['Reuters reported that the deal was close.', ['Reuters']],
  ['according to Xinhua, the plant reopened.', ['Xinhua']],
  ['PARIS (AFP) — Farmers blocked roads on Monday.', ['Agence France-Presse']],
  ['WASHINGTON (Reuters) - The Senate voted.', ['Reuters']],
  ['the state-run TASS news agency said.', ['TASS']],
  [
    'Bloomberg, citing people familiar with the matter, said the bid was raised. The New York Times first reported the talks.',
    ['Bloomberg', 'The New York Times'],
  ],
  ['The mayor said in an interview with the BBC that she would stay.', ['BBC']],
];

for (const [text, expected] of CITED) {
  test(`cites ${expected.join(', ')}: ${text.slice(0, 50)}`, () =>
    assert.deepEqual(findCitedSources(text), expected));
}

const NOT_CITED = [
  'He once worked at Reuters and later at a bank.',
  'The AP Stylebook changed its rules on hyphens.',
  'Tickets for the CNN debate sold out quickly.',
  'The map app used a Reuters logo in its ads.',
];

for (const text of NOT_CITED) {
  test(`mention without a citing cue is not a cited source: ${text.slice(0, 50)}`, () =>
    assert.deepEqual(findCitedSources(text), []));
}

test('an alias counts only as a whole word: no letter or digit (any script) right before or after', () => {
  assert.deepEqual(findCitedSources('according to ÉReuters, the plant reopened.'), []);
  assert.deepEqual(findCitedSources('according to Reutersé, the plant reopened.'), []);
  assert.deepEqual(findCitedSources('according to 𝐀Reuters, the plant reopened.'), []);
  assert.deepEqual(findCitedSources('according to 2Reuters, the plant reopened.'), []);
  // A first occurrence inside a longer word does not hide a later whole one.
  assert.deepEqual(findCitedSources('XReuters staff said. According to Reuters, it rained.'), ['Reuters']);
  assert.deepEqual(findCitedSources('The plant reopened, according to Reuters.'), ['Reuters']);
});

test('the publisher itself is not a cited source', () => {
  assert.deepEqual(withoutOwnSite(['The Hill', 'Reuters'], 'TheHill', 'https://thehill.com/a'), ['Reuters']);
  assert.deepEqual(withoutOwnSite(['CNN', 'The Washington Post'], null, 'https://edition.cnn.com/x'), [
    'The Washington Post',
  ]);
  assert.deepEqual(withoutOwnSite(['Reuters'], null, null), ['Reuters']);
});
