// The built-in people and organisations as validated by the build step (dist/data/builtin-actors.json):
// each process and each reading thread would otherwise validate data/kb/people.json and orgs.json
// against the schema at start-up. The file names a digest of its sources (the two files and the
// modules that validate them); a missing, stale or damaged file is ignored and the files are
// validated as before. Only the compiled program reads it: under tsx the sources may be newer.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { replaceFile } from '../../replace-file.ts';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import type { ActorFile } from './schema.ts';

export const COMPILED_ACTORS_PATH = fileURLToPath(
  new URL('../../../../dist/data/builtin-actors.json', import.meta.url),
);
const KB_DIR = fileURLToPath(new URL('../../../../data/kb/', import.meta.url));
const COMPILED = import.meta.url.endsWith('.js');
const EXTENSION = COMPILED ? '.js' : '.ts';
const SOURCES = ['people.json', 'orgs.json'];
/** The modules whose code decides what validation gives. */
const MODULES = ['./schema', './read-file', './builtin', './compiled-actors'];

/** Digest of the built-in actor files and of the modules that read and validate them. */
export function actorSourcesDigest(): string {
  const hash = createHash('sha256');
  for (const name of SOURCES) hash.update(name).update(readFileSync(KB_DIR + name));
  for (const module of MODULES)
    hash.update(module).update(readFileSync(fileURLToPath(new URL(module + EXTENSION, import.meta.url))));
  return hash.digest('hex');
}

/**
 * Writes the validated actors with the digest of their sources; false (nothing written) when JSON
 * would not give them back exactly, so a reader never gets anything but what validation gives.
 */
export function writeCompiledActors(actors: ActorFile, path = COMPILED_ACTORS_PATH): boolean {
  const json = JSON.stringify(actors);
  if (!isDeepStrictEqual(JSON.parse(json), actors)) return false;
  replaceFile(path, `${actorSourcesDigest()}\n${json}`);
  return true;
}

/** The validated built-in actors when the compiled program runs and the file matches, else null. */
export function compiledActors(): ActorFile | null {
  return COMPILED ? readCompiledActors(COMPILED_ACTORS_PATH, actorSourcesDigest()) : null;
}

export function readCompiledActors(path: string, digest: string): ActorFile | null {
  if (!existsSync(path)) return null;
  const text = readFileSync(path, 'utf8');
  const newline = text.indexOf('\n');
  if (newline < 0 || text.slice(0, newline) !== digest) return null;
  try {
    return JSON.parse(text.slice(newline + 1)) as ActorFile;
  } catch {
    return null; // a damaged file: the actors are validated as before
  }
}
