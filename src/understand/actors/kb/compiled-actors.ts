// The built-in people and organisations as validated by the build step (dist/data/builtin-actors.json):
// each process and each reading thread would otherwise validate data/kb/people.json and orgs.json
// against the schema at start-up. The file names a digest of its sources (the two files and the
// modules that validate them); a missing, stale or damaged file is ignored and the files are
// validated as before. Only the compiled program reads it: under tsx the sources may be newer.
import { fileURLToPath } from 'node:url';
import { readDigestedJson, sourcesDigest, writeDigestedJson } from '../../compiled-file.ts';
import type { ActorFile } from './schema.ts';

export const COMPILED_ACTORS_PATH = fileURLToPath(
  new URL('../../../../dist/data/builtin-actors.json', import.meta.url),
);
const KB_DIR = fileURLToPath(new URL('../../../../data/kb/', import.meta.url));
const COMPILED = import.meta.url.endsWith('.js');
const SOURCES = ['people.json', 'orgs.json'].map((name) => ({ name, path: KB_DIR + name }));
/** The modules whose code decides what validation gives. */
const MODULES = ['./schema', './read-file', './builtin', './compiled-actors', '../../compiled-file'];

/** Digest of the built-in actor files and of the modules that read and validate them. */
export function actorSourcesDigest(): string {
  return sourcesDigest(SOURCES, MODULES, import.meta.url);
}

/**
 * Writes the validated actors with the digest of their sources; false (nothing written) when JSON
 * would not give them back exactly, so a reader never gets anything but what validation gives.
 */
export function writeCompiledActors(actors: ActorFile, path = COMPILED_ACTORS_PATH): boolean {
  return writeDigestedJson(path, actorSourcesDigest(), actors);
}

/** The validated built-in actors when the compiled program runs and the file matches, else null. */
export function compiledActors(): ActorFile | null {
  return COMPILED ? readCompiledActors(COMPILED_ACTORS_PATH, actorSourcesDigest()) : null;
}

export function readCompiledActors(path: string, digest: string): ActorFile | null {
  return (readDigestedJson(path, digest) as ActorFile | undefined) ?? null;
}
