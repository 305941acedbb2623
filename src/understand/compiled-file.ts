// What every compiled data file of dist/data shares: a digest of its sources (the data files and the
// modules whose code decides what compiling gives), and for JSON ones, the digest on the first line.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { replaceFile } from './replace-file.ts';

/** A source data file: the name it is hashed under and where it is. */
export interface SourceFile {
  name: string;
  path: string;
}

/**
 * Digest of the data files (name, then bytes) and of the modules (given relative to `base`, an
 * import.meta.url, without extension: .js when compiled, .ts under tsx).
 */
export function sourcesDigest(
  files: readonly SourceFile[],
  modules: readonly string[],
  base: string,
): string {
  const extension = base.endsWith('.js') ? '.js' : '.ts';
  const hash = createHash('sha256');
  for (const file of files) hash.update(file.name).update(readFileSync(file.path));
  for (const module of modules)
    hash.update(module).update(readFileSync(fileURLToPath(new URL(module + extension, base))));
  return hash.digest('hex');
}

/**
 * Writes `value` as JSON after a line with the digest; false (nothing written) when JSON would not
 * give the value back exactly, so a reader never gets anything but what compiling gives.
 */
export function writeDigestedJson(path: string, digest: string, value: unknown): boolean {
  const json = JSON.stringify(value);
  if (!isDeepStrictEqual(JSON.parse(json), value)) return false;
  replaceFile(path, `${digest}\n${json}`);
  return true;
}

/** The JSON value after the digest line when the file exists and its digest matches, else undefined. */
export function readDigestedJson(path: string, digest: string): unknown {
  if (!existsSync(path)) return undefined;
  const text = readFileSync(path, 'utf8');
  const newline = text.indexOf('\n');
  if (newline < 0 || text.slice(0, newline) !== digest) return undefined;
  try {
    return JSON.parse(text.slice(newline + 1)) as unknown;
  } catch {
    return undefined; // a damaged file: its data is compiled at run time as before
  }
}
