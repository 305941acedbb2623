// The Phoenix name layer of the built-in knowledge base, compiled by the build step
// (dist/data/phoenix-layer.bin, V8's serialisation of the finished indexes): each process and each
// reading thread would otherwise spend about 0.2 s converting and indexing 20,000 dictionary names.
// The file names a digest of everything the layer is made from (the knowledge-base files and the
// modules that build it); a missing or stale file is ignored and the layer is built as before.
// Only the compiled program reads it: under tsx the sources may be newer than the last build.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { PhraseIndex } from '../phrase-index.ts';
import { KB_DIR } from './builtin.ts';
import type { NameLayer } from './phoenix.ts';

export const COMPILED_LAYER_PATH = fileURLToPath(
  new URL('../../../../dist/data/phoenix-layer.bin', import.meta.url),
);
const COMPILED = import.meta.url.endsWith('.js');
const EXTENSION = COMPILED ? '.js' : '.ts';
/** The modules whose code decides the layer's content. */
const MODULES = [
  './phoenix',
  './knowledge-base',
  './builtin',
  './read-file',
  './schema',
  '../phrase-index',
  '../build-actor',
  '../text',
  '../../text/tokens',
];
const DIGEST_BYTES = 64;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((entry) => (entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)]));
}

/** Digest of the knowledge-base files and of the modules that build the layer from them. */
export function layerSourcesDigest(): string {
  const hash = createHash('sha256');
  for (const file of files(KB_DIR)) hash.update(file.slice(KB_DIR.length)).update(readFileSync(file));
  for (const module of MODULES)
    hash.update(module).update(readFileSync(fileURLToPath(new URL(module + EXTENSION, import.meta.url))));
  return hash.digest('hex');
}

/** Writes the layer (built from the built-in knowledge base alone) with the digest of its sources. */
export function writeCompiledLayer(layer: NameLayer, path = COMPILED_LAYER_PATH): void {
  mkdirSync(dirname(path), { recursive: true });
  // Written aside, then renamed: a process starting meanwhile reads the old file or the new one.
  writeFileSync(
    `${path}.tmp`,
    Buffer.concat([Buffer.from(layerSourcesDigest(), 'latin1'), serialize(layer)]),
  );
  renameSync(`${path}.tmp`, path);
}

/** The compiled layer when the compiled program runs and the file matches its sources, else null. */
export function compiledLayer(): NameLayer | null {
  return COMPILED ? readCompiledLayer(COMPILED_LAYER_PATH, layerSourcesDigest()) : null;
}

export function readCompiledLayer(path: string, digest: string): NameLayer | null {
  if (!existsSync(path)) return null;
  const bytes = readFileSync(path);
  if (bytes.toString('latin1', 0, DIGEST_BYTES) !== digest) return null;
  let layer: NameLayer;
  try {
    layer = deserialize(bytes.subarray(DIGEST_BYTES)) as NameLayer;
  } catch {
    return null; // a damaged file: the layer is built as before
  }
  // Serialisation keeps the indexes' fields, not their class.
  for (const index of [layer.personIndex, layer.orgIndex, layer.countryIndex])
    Object.setPrototypeOf(index, PhraseIndex.prototype);
  return layer;
}
