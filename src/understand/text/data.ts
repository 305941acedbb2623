// Reads the text layer's data files (data/text, and the verb lists it shares with events and quotes) once.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SitrepError } from '../../model/errors.ts';

const dataDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'data');

export function loadData<T>(relative: string): T {
  const path = join(dataDir, relative);
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch (cause) {
    throw new SitrepError('parse_failed', `text data file ${path} could not be read as JSON`, {
      input: path,
      cause,
    });
  }
}
