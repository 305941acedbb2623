// The tagger's compiled indexes (written by the build step) must be exactly what the scorer builds
// from the source model, and a compiled file made from other sources must be ignored. The model's
// own look-up maps must give every source feature its weights.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { CachedScorer } from '../../../src/understand/entities/tagger/cached-scorer.ts';
import { ARITY, TEMPLATES } from '../../../src/understand/entities/tagger/features.ts';
import {
  MODEL_PATH,
  loadShippedModel,
  readCompiled,
  sourcesDigest,
  writeCompiledModel,
} from '../../../src/understand/entities/tagger/model-file.ts';
import type { Nested, SerialisedModel } from '../../../src/understand/entities/tagger/perceptron.ts';

const source = JSON.parse(gunzipSync(readFileSync(MODEL_PATH)).toString('utf8')) as SerialisedModel;

test('the compiled scorer is the scorer built from the source model', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-ner-'));
  try {
    const path = join(dir, 'model.bin');
    writeCompiledModel(path);
    const compiled = readCompiled(path, sourcesDigest());
    assert.ok(compiled, 'the compiled file should be read');
    assert.deepStrictEqual(CachedScorer.restore(compiled.scorer), new CachedScorer(loadShippedModel()));
    assert.deepEqual(compiled.commonWords, source.commonWords);
    assert.equal(readCompiled(path, '0'.repeat(64)), null, 'another digest: not read');
    assert.equal(readCompiled(join(dir, 'missing.bin'), sourcesDigest()), null);
    writeFileSync(path, readFileSync(path).subarray(0, 100));
    assert.equal(readCompiled(path, sourcesDigest()), null, 'a damaged file: not read');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the model's look-up maps give every feature of the source its weights", () => {
  const model = loadShippedModel();
  let checked = 0;
  for (const [feature, weights] of Object.entries(source.features)) {
    const cut = feature.indexOf('=');
    const k = TEMPLATES.indexOf(feature.slice(0, cut) as (typeof TEMPLATES)[number]);
    if (k < 0) continue;
    const value = feature.slice(cut + 1);
    const path = ARITY[k]! > 1 ? value.split('|') : [value];
    if (path.length !== ARITY[k]) continue;
    let at: number | Nested | undefined = model.maps[k];
    for (const part of path) at = at instanceof Map ? at.get(part) : undefined;
    assert.equal(typeof at, 'number', feature);
    assert.deepEqual(
      Array.from(model.table.subarray(at as number, (at as number) + weights.length)),
      weights,
    );
    checked++;
  }
  assert.ok(checked > 90_000);
});
