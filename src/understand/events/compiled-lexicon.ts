// The event-pattern lexicon as the build step compiles it (dist/data/event-lexicon.json): each process
// and each reading thread would otherwise split and stem every pattern of data/events/verbs.json and
// cameo-verbs.json at start-up. The file names a digest of its sources (the pattern files, the
// irregular verb forms the stems read, and the modules that compile patterns and stem words); a
// missing, stale or damaged file is ignored and the patterns are compiled as before. Only the compiled
// program reads it: under tsx the sources may be newer.
import { fileURLToPath } from 'node:url';
import { readDigestedJson, sourcesDigest, writeDigestedJson } from '../compiled-file.ts';
import type { Pattern } from './lexicon.ts';

/** The pattern files of data/events, in the order their patterns rank. */
export const LEXICON_FILES = ['verbs', 'cameo-verbs'] as const;

export const COMPILED_LEXICON_PATH = fileURLToPath(
  new URL('../../../dist/data/event-lexicon.json', import.meta.url),
);
const DATA_DIR = fileURLToPath(new URL('../../../data/', import.meta.url));
const COMPILED = import.meta.url.endsWith('.js');
const SOURCES = [...LEXICON_FILES.map((name) => `events/${name}.json`), 'events/irregular-verbs.json'].map(
  (name) => ({ name, path: DATA_DIR + name }),
);
/** The modules whose code decides the compiled patterns: pattern syntax, stems, this file. */
const MODULES = ['./lexicon', './compiled-lexicon', '../text/tokens', '../compiled-file'];

/** Digest of the pattern files and of the code that compiles them. */
export function lexiconSourcesDigest(): string {
  return sourcesDigest(SOURCES, MODULES, import.meta.url);
}

/**
 * Writes the compiled patterns with the digest of their sources; false (nothing written) when JSON
 * would not give them back exactly, so a reader never gets anything but what compiling gives.
 */
export function writeCompiledLexicon(patterns: readonly Pattern[], path = COMPILED_LEXICON_PATH): boolean {
  return writeDigestedJson(path, lexiconSourcesDigest(), patterns);
}

/** The compiled patterns when the compiled program runs and the file matches, else null. */
export function compiledPatterns(): Pattern[] | null {
  return COMPILED ? readCompiledPatterns(COMPILED_LEXICON_PATH, lexiconSourcesDigest()) : null;
}

export function readCompiledPatterns(path: string, digest: string): Pattern[] | null {
  const patterns = readDigestedJson(path, digest);
  return Array.isArray(patterns) ? (patterns as Pattern[]) : null;
}
