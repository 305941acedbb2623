// The dictionary layer compiled by the build step must be the layer the knowledge base builds, and a
// knowledge base extended by users' files must never take it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  layerContent,
  layerSourcesDigest,
  readCompiledLayer,
  writeCompiledLayer,
} from '../../../src/understand/actors/kb/compiled-layer.ts';
import { createKnowledgeBase } from '../../../src/understand/actors/kb/knowledge-base.ts';
import { firstNameWord } from '../../../src/understand/actors/kb/phoenix.ts';
import { PhraseIndex } from '../../../src/understand/actors/phrase-index.ts';
import { tokenize } from '../../../src/understand/actors/text.ts';

test('the compiled dictionary layer equals the one built at run time', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-layer-'));
  try {
    const built = createKnowledgeBase().dictionaries;
    const path = join(dir, 'layer.bin');
    assert.equal(writeCompiledLayer(built, path), true);
    const read = readCompiledLayer(path, layerSourcesDigest());
    assert.ok(read, 'the compiled layer should be read');
    assert.ok(read.personIndex instanceof PhraseIndex);
    // Every key, value, prefix and id of the built layer, in the same order.
    assert.deepStrictEqual(layerContent(read), layerContent(built));
    assert.ok(read.peopleById.size > 1000, 'the dictionaries hold thousands of people');
    // Shared entries stay shared: the index and the id map hold the same person object.
    const [id, person] = [...read.peopleById][0]!;
    const hit = read.personIndex.matchAt(tokenize(person.name), 0);
    assert.equal(hit?.value.id, id);
    assert.equal(hit.value, person);
    // An entry decoded on use is decoded once: every look-up gives the same object.
    const org = [...read.orgsById.values()][0]!;
    assert.equal(read.orgIndex.matchAt(tokenize(org.name), 0)?.value, org);
    assert.equal(read.orgIndex.get(org.name), org);
    // The first words of the people's names are kept, so given names need no person decoded.
    const words = new Set(read.firstNameWords);
    const named = [...built.peopleById.values()].map((p) => firstNameWord(p.name));
    assert.ok(named.every((word) => word === null || words.has(word)));
    assert.equal(words.size, new Set(named.filter((word) => word !== null)).size);
    assert.equal(readCompiledLayer(path, '0'.repeat(64)), null, 'another digest: not read');
    writeFileSync(path, readFileSync(path).subarray(0, 100));
    assert.equal(readCompiledLayer(path, layerSourcesDigest()), null, 'a damaged file: not read');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('only the built-in knowledge base, not one extended by a user, may take the compiled layer', () => {
  assert.equal(createKnowledgeBase().builtinOnly, true);
  const extended = createKnowledgeBase([
    { people: [{ id: 'person:ada-example', name: 'Ada Example', aliases: [], country: null, roles: [] }] },
  ]);
  assert.equal(extended.builtinOnly, false);
});
