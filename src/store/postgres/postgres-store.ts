import type pg from 'pg';
import type { ListOptions } from '../types.ts';
import { cleanString, type DocumentRecord } from '../shared/records.ts';
import type { SqlRunner } from '../shared/sql-runner.ts';
import { SqlStore } from '../shared/sql-store.ts';
import { createPool, postgresLocation, prepareDatabase } from './connect.ts';
import { addDocument } from './add-document.ts';
import { search } from './search.ts';

/** The shared queries use `?`; PostgreSQL wants $1, $2, … */
export function numberPlaceholders(sql: string): string {
  let index = 0;
  return sql.replace(/\?/g, () => `$${++index}`);
}

/** Callers' strings (ids, names from a URL) may hold U+0000, which PostgreSQL text cannot. */
function cleanParams(params: readonly unknown[]): unknown[] {
  return params.map((value) => (typeof value === 'string' ? cleanString(value) : value));
}

function postgresRunner(pool: pg.Pool | pg.PoolClient): SqlRunner {
  return {
    all: async <T>(sql: string, params: readonly unknown[] = []) =>
      (await pool.query(numberPlaceholders(sql), cleanParams(params))).rows as T[],
    run: async (sql: string, params: readonly unknown[] = []) =>
      (await pool.query(numberPlaceholders(sql), cleanParams(params))).rowCount ?? 0,
  };
}

/** The server store: many workers may add to it at once. */
export class PostgresStore extends SqlStore {
  readonly location: string;
  protected readonly runner: SqlRunner;

  constructor(
    private readonly pool: pg.Pool,
    url: string,
    schema?: string,
  ) {
    super();
    this.location = postgresLocation(url, schema);
    this.runner = postgresRunner(pool);
  }

  protected writeRecord(record: DocumentRecord): Promise<boolean> {
    return addDocument(this.pool, record);
  }

  protected searchDocuments(query: string, options?: ListOptions) {
    return search(this.pool, query, options);
  }

  protected async inTransaction<T>(work: (runner: SqlRunner) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(postgresRunner(client));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
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
