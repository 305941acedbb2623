// The databases the contract suite runs on: SQLite in a temporary folder, PostgreSQL at
// SITREP_TEST_PG in a fresh schema per test (dropped afterwards). No mocks.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openStore, type Store, type StoreConfig } from '../../src/store/index.ts';

export const TEST_PG_URL = process.env.SITREP_TEST_PG || 'postgres://postgres@127.0.0.1:5432/test';

export interface StoreHarness {
  store: Store;
  config: StoreConfig;
  /** Another connection to the same database, as a second worker would have (closed by cleanup). */
  openAnother(): Promise<Store>;
  /** Closes `store` and opens the same database again. */
  reopen(): Promise<Store>;
  cleanup(): Promise<void>;
}

export interface StoreTarget {
  name: string;
  /** Why this target is skipped, or false. */
  skip: string | false;
  /** Why this target fails outright (CI without its database), or false. */
  fail: string | false;
  create(): Promise<StoreHarness>;
}

async function harness(config: StoreConfig, dispose: () => Promise<void>): Promise<StoreHarness> {
  const others: Store[] = [];
  const h: StoreHarness = {
    store: await openStore(config),
    config,
    async openAnother() {
      const other = await openStore(config);
      others.push(other);
      return other;
    },
    async reopen() {
      await h.store.close();
      h.store = await openStore(config);
      return h.store;
    },
    async cleanup() {
      for (const store of [h.store, ...others]) await store.close();
      await dispose();
    },
  };
  return h;
}

export const sqliteTarget: StoreTarget = {
  name: 'SQLite',
  skip: false,
  fail: false,
  async create() {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-store-'));
    return harness({ kind: 'sqlite', path: join(dir, 'sitrep.db') }, () => {
      rmSync(dir, { recursive: true, force: true });
      return Promise.resolve();
    });
  },
};

/** Null when PostgreSQL answers, else why not. */
export async function probePostgres(url = TEST_PG_URL): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (error) {
    return error instanceof Error ? error.message || String(error) : String(error);
  } finally {
    await client.end().catch(() => {});
  }
}

let schemaCounter = 0;

export function uniqueSchema(): string {
  return `sitrep_test_${process.pid}_${++schemaCounter}_${Math.random().toString(36).slice(2, 8)}`;
}

export async function dropSchema(schema: string, url = TEST_PG_URL): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}

export async function postgresTarget(): Promise<StoreTarget> {
  const problem = await probePostgres();
  const reason = problem
    ? `PostgreSQL at ${TEST_PG_URL} is unreachable (${problem}); start it or set SITREP_TEST_PG`
    : false;
  return {
    name: 'PostgreSQL',
    skip: reason && process.env.CI !== 'true' ? reason : false,
    fail:
      reason && process.env.CI === 'true' ? `${reason} (CI=true, so this fails instead of skipping)` : false,
    async create() {
      const schema = uniqueSchema();
      return harness({ kind: 'postgres', url: TEST_PG_URL, schema }, () => dropSchema(schema));
    },
  };
}
