// The built-in actors compiled by the build step must be exactly what validating data/kb gives, and
// a stale or damaged file must be refused so the files are validated as before.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  actorSourcesDigest,
  readCompiledActors,
  writeCompiledActors,
} from '../../../src/understand/actors/kb/compiled-actors.ts';
import { validatedBuiltinActors } from '../../../src/understand/actors/kb/builtin.ts';

test('the compiled built-in actors equal the validated files; a stale or damaged file is refused', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-actors-'));
  try {
    const validated = validatedBuiltinActors();
    const path = join(dir, 'actors.json');
    assert.equal(writeCompiledActors(validated, path), true);
    const read = readCompiledActors(path, actorSourcesDigest());
    assert.ok(read, 'the compiled actors should be read');
    assert.deepStrictEqual(read, validated);
    assert.ok(read.people!.length > 100 && read.orgs!.length > 50);
    assert.equal(readCompiledActors(path, '0'.repeat(64)), null, 'another digest: not read');
    writeFileSync(path, readFileSync(path, 'utf8').slice(0, 200));
    assert.equal(readCompiledActors(path, actorSourcesDigest()), null, 'a damaged file: not read');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('actors JSON cannot give back exactly are not compiled', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-actors-'));
  try {
    const path = join(dir, 'actors.json');
    const people = [
      { id: 'person:ada-example', name: 'Ada Example', aliases: [], country: undefined, roles: [] },
    ];
    assert.equal(writeCompiledActors({ people } as never, path), false);
    assert.equal(readCompiledActors(path, actorSourcesDigest()), null);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
