import { resolve } from 'node:path';
import { defaultDataDir, openStoreFromEnv, type Store } from '../store/index.ts';
import type { CliContext, CliIO } from './context.ts';

interface GlobalOptions {
  dataDir?: string;
  debug?: boolean;
}

const openStores = new WeakMap<CliContext, Promise<Store>>();

export function createContext(io: CliIO, globals: () => GlobalOptions): CliContext {
  const context: CliContext = {
    io,
    exitCode: 0,
    get debug() {
      return Boolean(globals().debug);
    },
    dataDir: () => {
      const given = globals().dataDir;
      return given ? resolve(given) : defaultDataDir(io.env);
    },
    store: () => {
      let store = openStores.get(context);
      if (!store) {
        store = openStoreFromEnv({ dataDir: globals().dataDir, env: io.env });
        openStores.set(context, store);
      }
      return store;
    },
  };
  return context;
}

export async function closeContext(context: CliContext): Promise<void> {
  const store = openStores.get(context);
  if (!store) return;
  openStores.delete(context);
  await (await store.catch(() => null))?.close();
}
