// The Phoenix dictionaries: the converter's reading of the TABARI format, and the second layer of the
// knowledge base (older office holders, more bodies, places, agent nouns) under the curated entries.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveActor } from '../../../src/understand/actors/index.ts';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

test('the converter reads names, aliases, dated codes, bodies, places and agent nouns', () => {
  const out = mkdtempSync(join(tmpdir(), 'sitrep-phoenix-'));
  try {
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'scripts/import-phoenix.ts', 'test/fixtures/phoenix', out],
      { cwd: ROOT, encoding: 'utf8' },
    );
    assert.equal(run.status, 0, run.stderr);
    const read = (name: string) =>
      JSON.parse(readFileSync(join(out, name), 'utf8')) as Record<string, unknown>;
    // A title before a name makes a phrase, not a name: "President Firefly" is dropped.
    const people = read('people.json').people as unknown[][];
    assert.deepEqual(people[0], [
      'Rufus T Firefly',
      ['R. T. Firefly'],
      'FRD',
      'ELI',
      [['GOV', '1933-01-01', '1933-12-31']],
    ]);
    assert.deepEqual(
      people.map((p) => p[0]),
      [
        'Rufus T Firefly',
        'Harpo Marxovich',
        'Chico Marxovich',
        'Zeppo Marxovich',
        'Gummo Marxovich',
        'Margaret Dumontova',
        'Otis Driftwoodsky',
      ],
    );
    // "> 19340101" (a space after the sign) and a lone date both begin a role held since; neither is
    // a standing code that would make the person a body.
    assert.deepEqual(people[5]!.slice(3), [null, [['GOV', '1934-01-01', null]]]);
    assert.deepEqual(people[6]!.slice(3), [null, [['GOV', '1930-01-01', null]]]);
    // A name word that four people of one country bear speaks for that country; one bearer is no evidence.
    assert.deepEqual(read('name-words.json').words, { marxovich: 'FRD' });
    // Companies are no political actors; a dated IGO entry is a person; a leader's name is no alias of his army.
    assert.deepEqual(read('orgs.json').orgs, [
      ['Freedonian National Army', ['FNA'], 'FRD', null, 'MIL'],
      ['League of Small Nations', ['LSN'], null, 'IGO', null],
      ['Sylvanian Liberation Front', ['SLF', 'Liberation Front of Sylvania'], 'SYL', null, 'REB'],
      // A region's code (MEA, the Middle East) is no country.
      ['Wandering Liberation Front', [], null, null, 'REB'],
    ]);
    // A country whose code changed over time (once part of another) is the one its open code names.
    assert.deepEqual(read('places.json').places, {
      FRD: ['Freedonia', 'Freedonian', 'Freedonia City'],
      MRX: ['Marxonia', 'Marxonian', 'Grouchograd'],
    });
    const agents = read('agents.json').sectors as Record<string, string[]>;
    assert.deepEqual(
      agents.JRN,
      ['newsman', 'newsmen', 'newsperson', 'newswoman', 'newswomen'],
      'media is JRN',
    );
    assert.match(readFileSync(join(out, 'LICENSE'), 'utf8'), /MIT/);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

interface Case {
  text: string;
  date?: string;
  country: string | null;
  sector: string | null;
  id?: string;
}

const layer: Case[] = [
  // An Afghan defence minister of the 2000s, known only to the dictionaries.
  { text: 'Abdul Rahim Wardak', date: '2008-01-01', country: 'AFG', sector: 'GOV' },
  // An armed group of the 1970s.
  { text: 'the Angry Brigade', country: 'ITA', sector: 'REB', id: 'org:angry-brigade' },
  // A city the curated country aliases do not list.
  { text: 'Jalalabad', country: 'AFG', sector: null },
  // Cities of countries whose dictionary code changed over time (Soviet, occupied, independent).
  { text: 'Kiev', country: 'UKR', sector: null },
  { text: 'Basra police', country: 'IRQ', sector: 'COP' },
  // Agent nouns fill in where the hand-written sector nouns have none.
  { text: 'sharecroppers', country: null, sector: 'AGR' },
  // …but the hand-written head noun still decides ("fighters" alone would be UAF).
  { text: 'rebel fighters', country: null, sector: 'REB' },
];

test('the Phoenix layer resolves what the curated entries do not know', () => {
  for (const c of layer) {
    const actor = resolveActor(c.text, { date: c.date ?? null });
    assert.equal(actor?.country ?? null, c.country, `${c.text}: country`);
    assert.equal(actor?.sector ?? null, c.sector, `${c.text}: sector`);
    if (c.id) assert.equal(actor?.entityId, c.id);
  }
});

test('an unknown name whose words belong to one country in the dictionaries is a person of it', () => {
  const actor = resolveActor('Nguyen Van Binh');
  assert.equal(actor?.type, 'PERSON');
  assert.equal(actor?.country, 'VNM');
  assert.equal(actor?.sector, null);
  // Names whose words are common to many countries stay unknown.
  assert.equal(resolveActor('Kathy Morgan'), null);
  // A country in the context wins over the name.
  assert.equal(resolveActor('Nguyen Van Binh', { context: 'a French lawmaker' })?.country, 'FRA');
});

test('curated people win, and the dictionaries fill their roles from before 2014', () => {
  const president = resolveActor('Hassan Rouhani', { date: '2016-01-01' });
  assert.equal(president?.entityId, 'person:hassan-rouhani');
  assert.equal(president?.role, 'President');
  const earlier = resolveActor('Hassan Rouhani', { date: '2005-06-01' });
  assert.equal(earlier?.entityId, 'person:hassan-rouhani');
  assert.equal(earlier?.sector, 'GOV', 'an official before his presidency, not a former one');
});
