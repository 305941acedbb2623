// The shipped tagger model and its compiled form. data/ner/model.json.gz is the committed source; the
// build step (scripts/build.mjs) writes dist/data/ner-model.bin from it: the features' templates as
// bytes, their values as one string and the weights as a typed array, so that a process (and each
// worker thread) loads the model in a few milliseconds instead of parsing 90,000 JSON features. The compiled file names
// the SHA-256 of the source it was made from; a missing or stale one is ignored (the source is read).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { endianness } from 'node:os';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { ARITY, TEMPLATES } from './features.ts';
import {
  CompactModel,
  compactParts,
  type CompactParts,
  type Nested,
  type SerialisedModel,
} from './perceptron.ts';

export const MODEL_PATH = fileURLToPath(new URL('../../../../data/ner/model.json.gz', import.meta.url));
export const COMPILED_MODEL_PATH = fileURLToPath(
  new URL('../../../../dist/data/ner-model.bin', import.meta.url),
);

const MAGIC = 'sitrep-ner-1\n';

interface Header {
  source: string;
  templates: string[];
  classes: string[];
  commonWords: string[];
  features: number;
  partsBytes: number;
}

const digest = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/** The shipped model: from the compiled file when it matches the source, else from the source. */
export function loadShippedModel(): CompactModel {
  const source = readFileSync(MODEL_PATH);
  const parts = readCompiled(COMPILED_MODEL_PATH, digest(source)) ?? partsFromSource(source);
  return new CompactModel(parts, ARITY);
}

function partsFromSource(source: Buffer): CompactParts {
  const model = JSON.parse(gunzipSync(source).toString('utf8')) as SerialisedModel;
  return compactParts(model, TEMPLATES, ARITY);
}

/** Writes the compiled form of data/ner/model.json.gz (run by the build step). */
export function writeCompiledModel(path = COMPILED_MODEL_PATH): void {
  const source = readFileSync(MODEL_PATH);
  const parts = partsFromSource(source);
  const n = parts.classes.length;
  const { templateOf, keys, rows } = parts.features;
  for (const part of keys)
    if (part.includes('\n'))
      throw new Error(`ner model: feature part ${JSON.stringify(part)} holds a newline`);
  const partsText = Buffer.from(keys.join('\n'), 'utf8');
  const header: Header = {
    source: digest(source),
    templates: [...TEMPLATES],
    classes: parts.classes,
    commonWords: parts.commonWords,
    features: rows.length,
    partsBytes: partsText.length,
  };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const table = new Int32Array(rows.length * n);
  rows.forEach((at, f) => table.set(parts.table.subarray(at, at + n), f * n));
  const before = MAGIC.length + 4 + headerBytes.length + rows.length + partsText.length;
  const padding = Buffer.alloc((4 - (before % 4)) % 4);
  const length = Buffer.alloc(4);
  length.writeUInt32LE(headerBytes.length);
  const tableBytes = Buffer.alloc(table.length * 4);
  table.forEach((w, i) => tableBytes.writeInt32LE(w, i * 4));
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(
    path,
    Buffer.concat([
      Buffer.from(MAGIC, 'latin1'),
      length,
      headerBytes,
      templateOf,
      partsText,
      padding,
      tableBytes,
    ]),
  );
}

/** The compiled model's parts, or null when the file is missing, made from other source, or malformed. */
export function readCompiled(path: string, sourceDigest: string): CompactParts | null {
  if (!existsSync(path) || endianness() !== 'LE') return null;
  const bytes = readFileSync(path);
  if (bytes.toString('latin1', 0, MAGIC.length) !== MAGIC) return null;
  let at = MAGIC.length;
  const headerLength = bytes.readUInt32LE(at);
  at += 4;
  const header = JSON.parse(bytes.toString('utf8', at, at + headerLength)) as Header;
  at += headerLength;
  if (header.source !== sourceDigest || header.templates.join(' ') !== TEMPLATES.join(' ')) return null;
  const n = header.classes.length;
  const templateOf = bytes.subarray(at, at + header.features);
  at += header.features;
  const keys = bytes.toString('utf8', at, at + header.partsBytes).split('\n');
  at += header.partsBytes;
  at += (4 - (at % 4)) % 4;
  if (bytes.length - at !== header.features * n * 4) return null;
  // Copied into a buffer of their own: aligned, whatever the offset of the file's bytes.
  const table = new Int32Array(new Uint8Array(bytes.subarray(at)).buffer);
  let parts = 0;
  for (const k of templateOf) parts += ARITY[k] ?? 0;
  if (parts !== keys.length) return null;
  const rows = new Int32Array(header.features);
  for (let f = 0; f < rows.length; f++) rows[f] = f * n;
  return {
    classes: header.classes,
    commonWords: header.commonWords,
    features: { templateOf: new Uint8Array(templateOf), keys, rows },
    table,
  };
}
