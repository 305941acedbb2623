import { AsyncLocalStorage } from 'node:async_hooks';
import type pg from 'pg';
import type { BatchOptions, ListOptions, LockTimes } from '../types.ts';
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

/** Numbered forms of the statements run so far (a few dozen texts; those built per call vary little). */
const numberedTexts = new Map<string, string>();
/** Beyond this many texts (lists of every length), the map starts again. */
const NUMBERED_MAX = 2000;

function numberedOnce(sql: string): string {
  let text = numberedTexts.get(sql);
  if (text === undefined) {
    if (numberedTexts.size >= NUMBERED_MAX) numberedTexts.clear();
    text = numberPlaceholders(sql);
    numberedTexts.set(sql, text);
  }
  return text;
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
      (await db().query(numberedOnce(sql), cleanParams(params))).rows as T[],
    run: async (sql: string, params: readonly unknown[] = []) =>
      (await db().query(numberedOnce(sql), cleanParams(params))).rowCount ?? 0,
  };
}

/** The server store: many workers may add to it at once. */
export class PostgresStore extends SqlStore {
  readonly location: string;
  protected readonly runner: SqlRunner;
  /** The connection of the unit this async context runs in. */
  private readonly client = new AsyncLocalStorage<pg.PoolClient>();
  /** When the unit of each connection took the tracing lock (it is held to the unit's end). */
  private readonly tracingSince = new WeakMap<pg.PoolClient, number>();
  /** Time spent waiting for and holding the advisory locks, summed over this store's units. */
  readonly lockTimes: LockTimes = { tracingWaitMs: 0, tracingHeldMs: 0, tracingUnits: 0, originWaitMs: 0 };

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
      const since = this.tracingSince.get(client);
      if (since !== undefined) {
        this.tracingSince.delete(client);
        this.lockTimes.tracingHeldMs += performance.now() - since;
      }
      client.release(broken);
    }
  }

  async lockTracing(): Promise<void> {
    const client = this.client.getStore();
    if (!client || this.tracingSince.has(client)) return;
    const asked = performance.now();
    await client.query('SELECT pg_advisory_xact_lock($1)', [TRACE_LOCK]);
    const now = performance.now();
    this.tracingSince.set(client, now);
    this.lockTimes.tracingWaitMs += now - asked;
    this.lockTimes.tracingUnits++;
  }

  /** Two origins with one hash wait for each other needlessly, which is rare and harmless. */
  async lockOriginForJob(origin: string | readonly string[]): Promise<void> {
    if (!this.client.getStore()) return;
    const asked = performance.now();
    const origins = typeof origin === 'string' ? [origin] : origin;
    // One round trip; the look-ups that follow are statements of their own, so they see what the
    // units that held the locks before committed. The keys are taken in ascending order.
    await this.db().query(
      `SELECT set_config('synchronous_commit', 'off', true),
              (SELECT count(*) FROM (SELECT pg_advisory_xact_lock($1, h)
                 FROM (SELECT DISTINCT hashtext(o) AS h FROM unnest($2::text[]) AS o ORDER BY h) AS keys) AS taken)`,
      [ORIGIN_LOCK_CLASS, origins.map(cleanString)],
    );
    this.lockTimes.originWaitMs += performance.now() - asked;
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
