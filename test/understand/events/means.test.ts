// CAMEO codes violence by its means: aircraft and drones are aerial weapons (195), bombs and
// gunmen unconventional violence (18).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventsOf } from './helpers.ts';

const codesOf = (text: string) =>
  eventsOf(text)
    .filter((e) => e.plover === 'ASSAULT')
    .map((e) => e.cameo);

test('a killing by aircraft or drones employs aerial weapons', () => {
  assert.deepEqual(codesOf('Kenyan aircraft killed ten rebels near the border on Monday.'), ['195']);
  assert.deepEqual(codesOf('A Kenyan drone killed three militants in Uganda.'), ['195']);
});

test('a killing by a suicide bomber or gunmen stays unconventional violence', () => {
  assert.ok(
    codesOf('A suicide bomber killed ten people in Kenya on Monday.').every((c) => c?.startsWith('18')),
  );
  assert.ok(
    codesOf('Gunmen killed three soldiers near the Kenyan border.').every((c) => c?.startsWith('18')),
  );
});
