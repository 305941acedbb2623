import pg from 'pg';
import type { AddResult, EventFilter, ListOptions, NewDocument, QuoteFilter, Store } from '../types.ts';
import { compressRaw } from '../shared/raw-codec.ts';
import { checkNewDocument } from '../shared/new-document.ts';
import { cleanString, toDocumentRecord } from '../shared/records.ts';
import { guard } from '../shared/store-error.ts';
import type { SqlRunner } from '../shared/sql-runner.ts';
import { listDocuments } from '../shared/queries/list-documents.ts';
import { getDocument } from '../shared/queries/get-document.ts';
import { getRaw } from '../shared/queries/get-raw.ts';
import { deleteDocument } from '../shared/queries/delete-document.ts';
import { listQuotes } from '../shared/queries/list-quotes.ts';
import { listEvents } from '../shared/queries/list-events.ts';
import { findEntityMentions } from '../shared/queries/find-entity-mentions.ts';
import { stats } from '../shared/queries/stats.ts';
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

function postgresRunner(pool: pg.Pool): SqlRunner {
  return {
    all: async <T>(sql: string, params: readonly unknown[] = []) =>
      (await pool.query(numberPlaceholders(sql), cleanParams(params))).rows as T[],
    run: async (sql: string, params: readonly unknown[] = []) =>
      (await pool.query(numberPlaceholders(sql), cleanParams(params))).rowCount ?? 0,
  };
}

/** The server store: many workers may add to it at once. */
export class PostgresStore implements Store {
  readonly location: string;
  private readonly runner: SqlRunner;

  constructor(
    private readonly pool: pg.Pool,
    url: string,
    schema?: string,
  ) {
    this.location = postgresLocation(url, schema);
    this.runner = postgresRunner(pool);
  }

  addDocument(doc: NewDocument): Promise<AddResult> {
    return guard(
      this.location,
      `add ${doc.origin}`,
      async () => {
        const { id, sha256, reading } = checkNewDocument(doc);
        const existing = await this.pool.query<{ id: string }>('SELECT id FROM documents WHERE sha256 = $1', [
          sha256,
        ]);
        if (existing.rows[0]) return { id: existing.rows[0].id, status: 'unchanged' as const };
        const compressed = await compressRaw(doc.raw);
        const record = toDocumentRecord(
          {
            id,
            sha256,
            origin: doc.origin,
            contentType: doc.contentType,
            raw: compressed.data,
            rawEncoding: compressed.encoding,
            rawSize: doc.raw.length,
            addedAt: new Date().toISOString(),
          },
          reading,
        );
        const added = await addDocument(this.pool, record);
        return { id, status: added ? ('added' as const) : ('unchanged' as const) };
      },
      doc.origin,
    );
  }

  getDocument(id: string) {
    return guard(this.location, `read document ${id}`, () => getDocument(this.runner, id));
  }

  getRaw(id: string) {
    return guard(this.location, `read the raw page of ${id}`, () => getRaw(this.runner, id));
  }

  listDocuments(options?: ListOptions) {
    return guard(this.location, 'list documents', () => listDocuments(this.runner, options));
  }

  search(query: string, options?: ListOptions) {
    return guard(this.location, `search for '${query}'`, () => search(this.pool, query, options));
  }

  deleteDocument(id: string) {
    return guard(this.location, `delete document ${id}`, () => deleteDocument(this.runner, id));
  }

  listQuotes(filter?: QuoteFilter) {
    return guard(this.location, 'list quotes', () => listQuotes(this.runner, filter));
  }

  listEvents(filter?: EventFilter) {
    return guard(this.location, 'list events', () => listEvents(this.runner, filter));
  }

  findEntityMentions(name: string, options?: ListOptions) {
    return guard(this.location, `find mentions of '${name}'`, () =>
      findEntityMentions(this.runner, name, options),
    );
  }

  stats() {
    return guard(this.location, 'count rows', () => stats(this.runner));
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
