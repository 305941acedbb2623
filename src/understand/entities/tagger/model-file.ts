// The shipped tagger model and its compiled form. data/ner/model.json.gz is the committed source; the
// build step (scripts/build.mjs) writes dist/data/ner-model.bin from it: the tagger's scoring indexes
// (CachedScorer) as V8 serialises them, so that a process (and each worker thread) loads them in a
// few tens of milliseconds instead of parsing 90,000 JSON features and indexing them (a quarter of a
// second). The file names a digest of the model and of the modules that build the indexes; a missing
// or stale file is ignored and the indexes are built from the source. Only the compiled program reads
// it: under tsx the sources may be newer than the last build.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { replaceFile } from '../../replace-file.ts';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { gunzipSync } from 'node:zlib';
import { ARITY, TEMPLATES } from './features.ts';
import { CompactModel, compactParts, type SerialisedModel } from './perceptron.ts';
import { CachedScorer, type ScorerState } from './cached-scorer.ts';

export const MODEL_PATH = fileURLToPath(new URL('../../../../data/ner/model.json.gz', import.meta.url));
export const COMPILED_MODEL_PATH = fileURLToPath(
  new URL('../../../../dist/data/ner-model.bin', import.meta.url),
);
const COMPILED = import.meta.url.endsWith('.js');
const EXTENSION = COMPILED ? '.js' : '.ts';
/** The modules whose code decides the compiled indexes. */
const MODULES = ['./model-file', './cached-scorer', './perceptron', './features'];
const DIGEST_BYTES = 64;

interface Compiled {
  commonWords: string[];
  scorer: ScorerState;
}

/** The shipped model, from its source (the plain, feature-by-feature scoring path). */
export function loadShippedModel(): CompactModel {
  const model = JSON.parse(gunzipSync(readFileSync(MODEL_PATH)).toString('utf8')) as SerialisedModel;
  return new CompactModel(compactParts(model, TEMPLATES, ARITY), ARITY);
}

let compiled: Compiled | null | undefined;
function compiledModel(): Compiled | null {
  if (compiled === undefined) compiled = COMPILED ? readCompiled(COMPILED_MODEL_PATH, sourcesDigest()) : null;
  return compiled;
}

/** The tagger's scorer: from the compiled file when it matches its sources, else built from the model. */
export function loadShippedScorer(): CachedScorer {
  const found = compiledModel();
  return found ? CachedScorer.restore(found.scorer) : new CachedScorer(loadShippedModel());
}

/** Lower-case words frequent in the tagger's training text. */
export function loadCommonWords(): Set<string> {
  return new Set(compiledModel()?.commonWords ?? loadShippedModel().commonWords);
}

/** Digest of the model and of the modules that build the scorer's indexes from it. */
export function sourcesDigest(): string {
  const hash = createHash('sha256').update(readFileSync(MODEL_PATH));
  for (const module of MODULES)
    hash.update(module).update(readFileSync(fileURLToPath(new URL(module + EXTENSION, import.meta.url))));
  return hash.digest('hex');
}

/** Writes the compiled form of data/ner/model.json.gz (run by the build step). */
export function writeCompiledModel(path = COMPILED_MODEL_PATH): void {
  const model = loadShippedModel();
  const content: Compiled = { commonWords: [...model.commonWords], scorer: new CachedScorer(model).state() };
  replaceFile(path, Buffer.concat([Buffer.from(sourcesDigest(), 'latin1'), serialize(content)]));
}

/** The compiled content, or null when the file is missing or made from other sources. */
export function readCompiled(path: string, digest: string): Compiled | null {
  if (!existsSync(path)) return null;
  const bytes = readFileSync(path);
  if (bytes.toString('latin1', 0, DIGEST_BYTES) !== digest) return null;
  try {
    return deserialize(bytes.subarray(DIGEST_BYTES)) as Compiled;
  } catch {
    return null; // a damaged file: the scorer is built from the source
  }
}
