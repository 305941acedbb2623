import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SitrepError } from '../../../src/model/errors.ts';
import {
  createKnowledgeBase,
  describeActor,
  parseActorFile,
  readActorFile,
  resolveActor,
} from '../../../src/understand/actors/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-kb-'));
function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const malformed: { what: string; content: string; message: RegExp }[] = [
  { what: 'not JSON', content: '{"people": [', message: /not valid JSON/ },
  { what: 'unknown top-level key', content: '{"persons": []}', message: /top level|persons/ },
  {
    what: 'bad date names the entry and the field',
    content: JSON.stringify({
      people: [
        {
          id: 'person:jane-doe',
          name: 'Jane Doe',
          country: 'NZL',
          roles: [{ role: 'Foreign Minister', from: '15/01/2024' }],
        },
      ],
    }),
    message: /people\[0\] \("Jane Doe"\)\.roles\[0\]\.from: a date as YYYY/,
  },
  {
    what: 'bad country code',
    content: JSON.stringify({ orgs: [{ id: 'org:acme', name: 'Acme', country: 'New Zealand' }] }),
    message: /orgs\[0\] \("Acme"\)\.country: a three-letter/,
  },
  {
    what: 'bad id',
    content: JSON.stringify({ people: [{ id: 'jane', name: 'Jane Doe', country: null }] }),
    message: /people\[0\] \("Jane Doe"\)\.id: an id like person:/,
  },
  {
    what: 'missing name',
    content: JSON.stringify({ orgs: [{ id: 'org:acme' }] }),
    message: /orgs\[0\]\.name/,
  },
];

for (const c of malformed) {
  test(`malformed actor file: ${c.what}`, () => {
    const path = file(`${c.what.replace(/\W+/g, '-')}.json`, c.content);
    assert.throws(
      () => readActorFile(path),
      (error: unknown) => {
        assert.ok(error instanceof SitrepError);
        assert.equal(error.code, 'config_invalid');
        assert.ok(error.message.includes(path), `message names the file: ${error.message}`);
        assert.match(error.message, c.message);
        return true;
      },
    );
  });
}

test('a missing actor file is not_found, naming the file', () => {
  const path = join(dir, 'absent.json');
  assert.throws(
    () => readActorFile(path),
    (e: unknown) => e instanceof SitrepError && e.code === 'not_found' && e.message.includes(path),
  );
});

test("a user's file adds people with dated roles and organisations", () => {
  const extra = parseActorFile(
    JSON.stringify({
      people: [
        {
          id: 'person:aroha-tane',
          name: 'Aroha Tane',
          country: 'NZL',
          roles: [{ role: 'Foreign Minister', from: '2031-02-01' }],
        },
      ],
      orgs: [
        {
          id: 'org:southern-militia',
          name: 'Southern Militia',
          aliases: ['SM-7'],
          country: 'NZL',
          sector: 'PRM',
        },
      ],
    }),
    'my-actors.json',
  );
  const kb = createKnowledgeBase([extra]);
  assert.equal(
    resolveActor('the New Zealand foreign minister', { date: '2031-06-01', kb })?.name,
    'Aroha Tane',
  );
  assert.equal(resolveActor('SM-7', { kb })?.sector, 'PRM');
  assert.equal(describeActor('Aroha Tane', { kb })?.roles[0]?.from, '2031-02-01');
  // The built-in knowledge base is untouched.
  assert.equal(resolveActor('SM-7'), null);
});

test('describeActor lists roles over time', () => {
  const wang = describeActor('Wang Yi');
  assert.deepEqual(
    wang?.roles.map((r) => [r.role, r.from, r.to]),
    [
      ['Foreign Minister', '2013-03-16', '2022-12-30'],
      ['Foreign Minister', '2023-07-25', null],
    ],
  );
  assert.equal(describeActor('Iran')?.capitals.includes('Tehran'), true);
  assert.equal(describeActor('no such actor at all'), null);
});
