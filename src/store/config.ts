// Where sitrep keeps its data, and which database to use, from the environment.
import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { SitrepError } from '../model/errors.ts';
import type { StoreConfig } from './types.ts';

export const DATABASE_FILE = 'sitrep.db';

/** SITREP_DATA_DIR, else $XDG_DATA_HOME/sitrep, else ~/.local/share/sitrep. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.SITREP_DATA_DIR) return resolve(env.SITREP_DATA_DIR);
  // The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
  if (env.XDG_DATA_HOME && isAbsolute(env.XDG_DATA_HOME)) return join(env.XDG_DATA_HOME, 'sitrep');
  return join(env.HOME || homedir(), '.local', 'share', 'sitrep');
}

export interface StoreConfigOptions {
  /** A data folder given on the command line (--data-dir); wins over the environment. */
  dataDir?: string;
  env?: NodeJS.ProcessEnv;
}

/**
 * SITREP_DATABASE_URL=postgres://… (optionally with SITREP_DATABASE_SCHEMA) selects PostgreSQL;
 * otherwise SQLite at <data folder>/sitrep.db.
 */
export function storeConfigFromEnv(options: StoreConfigOptions = {}): StoreConfig {
  const env = options.env ?? process.env;
  const url = env.SITREP_DATABASE_URL?.trim();
  if (url) {
    if (!/^postgres(ql)?:\/\//i.test(url)) {
      throw new SitrepError(
        'config_invalid',
        `SITREP_DATABASE_URL must be a PostgreSQL URL starting with postgres:// or postgresql://; got '${url.split(':')[0]}:…'. Unset it to use the embedded SQLite database.`,
      );
    }
    const schema = env.SITREP_DATABASE_SCHEMA?.trim();
    return schema ? { kind: 'postgres', url, schema } : { kind: 'postgres', url };
  }
  const dataDir = options.dataDir ? resolve(options.dataDir) : defaultDataDir(env);
  return { kind: 'sqlite', path: join(dataDir, DATABASE_FILE) };
}

/** Creates the data folder of a SQLite config, with an actionable message when it cannot. */
export function ensureDataDir(dataDir: string): void {
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new SitrepError(
      'config_invalid',
      `cannot create the data folder ${dataDir} (${reason}); choose another with --data-dir or SITREP_DATA_DIR`,
      { input: dataDir, cause: error },
    );
  }
}
