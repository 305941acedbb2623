// Reads the event stage's data files (data/events, data/ontology) once.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SitrepError } from '../../model/errors.ts';

const dataDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'data');

export function loadJson<T>(relative: string): T {
  const path = join(dataDir, relative);
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch (cause) {
    throw new SitrepError('parse_failed', `event data file ${path} could not be read as JSON`, {
      input: path,
      cause,
    });
  }
}
