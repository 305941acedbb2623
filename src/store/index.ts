// Store: documents, their raw bytes and readings, searchable. SQLite (embedded, the default) and
// PostgreSQL (SITREP_DATABASE_URL) implement the same interface and pass the same contract tests.
import { dirname } from 'node:path';
import { SitrepError } from '../model/errors.ts';
import { ensureDataDir, storeConfigFromEnv, type StoreConfigOptions } from './config.ts';
import type { Store, StoreConfig } from './types.ts';

export type * from './types.ts';
export { defaultDataDir, storeConfigFromEnv, DATABASE_FILE, type StoreConfigOptions } from './config.ts';
export { parseSearchQuery } from './shared/search-query.ts';

/** The feed registry an earlier sitrep left in a local SQLite file (null when there is none). */
export async function readLocalFeeds(path: string) {
  const { readLocalFeeds: read } = await import('./sqlite/local-feeds.ts');
  return read(path);
}

export async function openStore(config: StoreConfig): Promise<Store> {
  if (config.kind === 'sqlite') {
    const { SqliteStore } = await import('./sqlite/sqlite-store.ts');
    return new SqliteStore(config.path);
  }
  if (config.kind === 'postgres') {
    const { openPostgresStore } = await import('./postgres/postgres-store.ts');
    return openPostgresStore(config.url, config.schema);
  }
  throw new SitrepError('config_invalid', `unknown store kind '${(config as { kind: string }).kind}'`);
}

/** Opens the store the environment asks for, creating the data folder for SQLite. */
export async function openStoreFromEnv(options: StoreConfigOptions = {}): Promise<Store> {
  const config = storeConfigFromEnv(options);
  if (config.kind === 'sqlite') ensureDataDir(dirname(config.path));
  return openStore(config);
}
