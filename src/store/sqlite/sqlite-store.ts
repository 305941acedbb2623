import type Database from 'better-sqlite3';
import type { BatchOptions, ListOptions } from '../types.ts';
import type { DocumentRecord } from '../shared/records.ts';
import type { SqlRunner } from '../shared/sql-runner.ts';
import { SqlStore } from '../shared/sql-store.ts';
import { openSqliteDatabase, sqliteLocation } from './open-database.ts';
import { prepareAddDocument } from './add-document.ts';
import { prepareSearch } from './search.ts';
import { SqliteUnits } from './units.ts';

/** better-sqlite3 is synchronous; statements are prepared once per SQL text. */
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
export class SqliteStore extends SqlStore {
  readonly location: string;
  protected readonly runner: SqlRunner;
  private readonly db: Database.Database;
  private readonly write: (record: DocumentRecord) => boolean;
  private readonly find: ReturnType<typeof prepareSearch>;
  private readonly units: SqliteUnits;

  constructor(path: string) {
    super();
    this.location = sqliteLocation(path);
    this.db = openSqliteDatabase(path);
    this.runner = sqliteRunner(this.db);
    this.write = prepareAddDocument(this.db);
    this.find = prepareSearch(this.db);
    this.units = new SqliteUnits(this.db);
  }

  unit<T>(work: () => Promise<T>): Promise<T> {
    return this.units.unit(work);
  }

  /** Units hold SQLite's write lock (IMMEDIATE) from their start: nothing to add. */
  lockTracing(): Promise<void> {
    return Promise.resolve();
  }

  batched<T>(work: () => Promise<T>, options?: BatchOptions): Promise<T> {
    return this.units.batched(work, options);
  }

  protected writeRecord(record: DocumentRecord): Promise<boolean> {
    return Promise.resolve(this.write(record));
  }

  protected searchDocuments(query: string, options?: ListOptions) {
    return Promise.resolve(this.find(query, options));
  }

  close(): Promise<void> {
    if (this.db.open) this.db.close();
    return Promise.resolve();
  }
}
