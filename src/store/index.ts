// Store: documents and their readings. Placeholder until the store stage lands.
import { homedir } from 'node:os';
import { join } from 'node:path';
import { SitrepError } from '../model/index.ts';
import type { Store } from './types.ts';

export type * from './types.ts';

export type StoreConfig =
  { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string; schema?: string };

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.SITREP_DATA_DIR) return env.SITREP_DATA_DIR;
  if (env.XDG_DATA_HOME) return join(env.XDG_DATA_HOME, 'sitrep');
  return join(homedir(), '.local', 'share', 'sitrep');
}

export function openStore(config: StoreConfig): Promise<Store> {
  return Promise.reject(new SitrepError('store_failed', `no store implementation yet for ${config.kind}`));
}
