import { AsyncLocalStorage } from 'node:async_hooks';
import type pg from 'pg';
import type { BatchOptions, ListOptions } from '../types.ts';
import { cleanString, type DocumentRecord } from '../shared/records.ts';
import type { SqlRunner } from '../shared/sql-runner.ts';
import { SqlStore } from '../shared/sql-store.ts';
import { createPool, postgresLocation, prepareDatabase } from './connect.ts';
import { addDocument } from './add-document.ts';
import { search } from './search.ts';

/** Any fixed number, taken by units that trace (see lockTracing). */
const TRACE_LOCK = 0x5172_7472;
/** The advisory-lock class of origins (see lockOrigin); the key is a hash of the origin. */
const ORIGIN_LOCK_CLASS = 0x5174;

/** The shared queries use `?`; PostgreSQL wants $1, $2, … */
export function numberPlaceholders(sql: string): string {
  let index = 0;
  return sql.replace(/\?/g, () => `$${++index}`);
}

/** Callers' strings (ids, names from a URL) may hold U+0000, which PostgreSQL text cannot. */
function cleanParams(params: readonly unknown[]): unknown[] {
  return params.map((value) => (typeof value === 'string' ? cleanString(value) : value));
}

/** What runs a query: the pool, or the client of the unit (transaction) under way. */
export type Queryable = Pick<pg.Pool, 'query'>;

function postgresRunner(db: () => Queryable): SqlRunner {
  return {
    all: async <T>(sql: string, params: readonly unknown[] = []) =>
      (await db().query(numberPlaceholders(sql), cleanParams(params))).rows as T[],
    run: async (sql: string, params: readonly unknown[] = []) =>
      (await db().query(numberPlaceholders(sql), cleanParams(params))).rowCount ?? 0,
  };
}

/** The server store: many workers may add to it at once. */
export class PostgresStore extends SqlStore {
  readonly location: string;
  protected readonly runner: SqlRunner;
  /** The connection of the unit this async context runs in. */
  private readonly client = new AsyncLocalStorage<pg.PoolClient>();

  constructor(
    private readonly pool: pg.Pool,
    url: string,
    schema?: string,
  ) {
    super();
    this.location = postgresLocation(url, schema);
    this.runner = postgresRunner(() => this.db());
  }

  /** The unit's connection, else the pool. */
  db(): Queryable {
    return this.client.getStore() ?? this.pool;
  }

  /** One transaction on one connection; queries made in `work` (any depth of calls) go through it. */
  async unit<T>(work: () => Promise<T>): Promise<T> {
    if (this.client.getStore()) return work();
    const client = await this.pool.connect();
    let broken = false;
    try {
      await client.query('BEGIN');
      const result = await this.client.run(client, work);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => (broken = true));
      throw error;
    } finally {
      client.release(broken);
    }
  }

  async lockTracing(): Promise<void> {
    if (this.client.getStore()) await this.db().query('SELECT pg_advisory_xact_lock($1)', [TRACE_LOCK]);
  }

  /** Two origins with one hash wait for each other needlessly, which is rare and harmless. */
  async lockOriginForJob(origin: string): Promise<void> {
    if (!this.client.getStore()) return;
    // One round trip; the look-up that follows is a statement of its own, so it sees what the
    // unit that held the lock before committed.
    await this.db().query(
      "SELECT pg_advisory_xact_lock($1, hashtext($2)), set_config('synchronous_commit', 'off', true)",
      [ORIGIN_LOCK_CLASS, cleanString(origin)],
    );
  }

  /** Each unit commits on its own: PostgreSQL gains little from grouping, and workers run at once. */
  batched<T>(work: () => Promise<T>, _options?: BatchOptions): Promise<T> {
    return work();
  }

  protected writeRecord(record: DocumentRecord): Promise<boolean> {
    return addDocument(this.db(), record);
  }

  protected searchDocuments(query: string, options?: ListOptions) {
    return search(this.db(), query, options);
  }

  async close(): Promise<void> {
    if (!this.pool.ended) await this.pool.end();
  }
}

export async function openPostgresStore(url: string, schema?: string): Promise<PostgresStore> {
  const pool = createPool(url, schema);
  try {
    await prepareDatabase(pool, url, schema);
  } catch (error) {
    await pool.end().catch(() => {});
    throw error;
  }
  return new PostgresStore(pool, url, schema);
}
