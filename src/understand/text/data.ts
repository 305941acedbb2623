// Reads understand's data files (data/text, data/events, the verb lists stages share) as JSON.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SitrepError } from '../../model/errors.ts';

const dataDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'data');

/** Reads data/<relative> as JSON; `stage` names whose file it is in the error. */
export function loadData<T>(relative: string, stage = 'text'): T {
  const path = join(dataDir, relative);
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch (cause) {
    throw new SitrepError('parse_failed', `${stage} data file ${path} could not be read as JSON`, {
      input: path,
      cause,
    });
  }
}
