import type Database from 'better-sqlite3';
import type { ListOptions, NewDocument, QuoteFilter, EventFilter, Store, AddResult } from '../types.ts';
import { compressRaw } from '../shared/raw-codec.ts';
import { checkNewDocument } from '../shared/new-document.ts';
import { toDocumentRecord } from '../shared/records.ts';
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
import { openSqliteDatabase, sqliteLocation } from './open-database.ts';
import { prepareAddDocument } from './add-document.ts';
import { prepareSearch } from './search.ts';

function sqliteRunner(db: Database.Database): SqlRunner {
  const statements = new Map<string, Database.Statement>();
  const prepared = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) statements.set(sql, (statement = db.prepare(sql)));
    return statement;
  };
  return {
    all: <T>(sql: string, params: readonly unknown[] = []) =>
      Promise.resolve(prepared(sql).all(...params) as T[]),
    run: (sql: string, params: readonly unknown[] = []) =>
      Promise.resolve(prepared(sql).run(...params).changes),
  };
}

/** The embedded store: one SQLite file in WAL mode, safe to share between processes. */
export class SqliteStore implements Store {
  readonly location: string;
  private readonly db: Database.Database;
  private readonly runner: SqlRunner;
  private readonly writeDocument: ReturnType<typeof prepareAddDocument>;
  private readonly runSearch: ReturnType<typeof prepareSearch>;
  private readonly existingId: Database.Statement<[string], { id: string }>;

  constructor(path: string) {
    this.location = sqliteLocation(path);
    this.db = openSqliteDatabase(path);
    this.runner = sqliteRunner(this.db);
    this.writeDocument = prepareAddDocument(this.db);
    this.runSearch = prepareSearch(this.db);
    this.existingId = this.db.prepare('SELECT id FROM documents WHERE sha256 = ?');
  }

  addDocument(doc: NewDocument): Promise<AddResult> {
    return guard(
      this.location,
      `add ${doc.origin}`,
      async () => {
        const { id, sha256, reading } = checkNewDocument(doc);
        const existing = this.existingId.get(sha256);
        if (existing) return { id: existing.id, status: 'unchanged' as const };
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
        return { id, status: this.writeDocument(record) ? ('added' as const) : ('unchanged' as const) };
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
    return guard(this.location, `search for '${query}'`, () => this.runSearch(query, options));
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

  close(): Promise<void> {
    if (this.db.open) this.db.close();
    return Promise.resolve();
  }
}
