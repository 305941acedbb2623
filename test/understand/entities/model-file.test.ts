// The compiled tagger model (written by the build step) must hold exactly the source model's weights,
// and a compiled file made from other source must be ignored.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { ARITY, TEMPLATES } from '../../../src/understand/entities/tagger/features.ts';
import {
  MODEL_PATH,
  readCompiled,
  writeCompiledModel,
} from '../../../src/understand/entities/tagger/model-file.ts';
import {
  CompactModel,
  type Nested,
  type SerialisedModel,
} from '../../../src/understand/entities/tagger/perceptron.ts';

function weightsOf(model: CompactModel, template: number, value: string): number[] | undefined {
  const path = ARITY[template]! > 1 ? value.split('|') : [value];
  let at: number | Nested | undefined = model.maps[template];
  for (const part of path) at = at instanceof Map ? at.get(part) : undefined;
  if (typeof at !== 'number') return undefined;
  return Array.from(model.table.subarray(at, at + model.classes.length));
}

test('the compiled model gives every feature of the source its weights, and nothing else', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-ner-'));
  try {
    const path = join(dir, 'model.bin');
    writeCompiledModel(path);
    const source = readFileSync(MODEL_PATH);
    const digest = createHash('sha256').update(source).digest('hex');
    const parts = readCompiled(path, digest);
    assert.ok(parts, 'the compiled file should be read');
    const compiled = new CompactModel(parts, ARITY);
    const model = JSON.parse(gunzipSync(source).toString('utf8')) as SerialisedModel;
    assert.deepEqual(parts.classes, model.classes);
    assert.deepEqual(parts.commonWords, model.commonWords ?? []);
    let checked = 0;
    for (const [feature, weights] of Object.entries(model.features)) {
      const cut = feature.indexOf('=');
      const k = TEMPLATES.indexOf(feature.slice(0, cut) as (typeof TEMPLATES)[number]);
      if (k < 0) continue;
      const value = feature.slice(cut + 1);
      if ((ARITY[k]! > 1 ? value.split('|').length : 1) !== ARITY[k]) continue;
      assert.deepEqual(weightsOf(compiled, k, value), weights, feature);
      checked++;
    }
    assert.equal(parts.table.length, checked * model.classes.length, 'no feature beyond the source ones');
    assert.equal(
      readCompiled(
        path,
        digest.replace(/^./, (c) => (c === '0' ? '1' : '0')),
      ),
      null,
    );
    assert.equal(readCompiled(join(dir, 'missing.bin'), digest), null);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
