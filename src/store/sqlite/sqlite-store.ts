import type Database from 'better-sqlite3';
import type { ListOptions } from '../types.ts';
import type { DocumentRecord } from '../shared/records.ts';
import type { SqlRunner } from '../shared/sql-runner.ts';
import { SqlStore } from '../shared/sql-store.ts';
import { openSqliteDatabase, sqliteLocation } from './open-database.ts';
import { prepareAddDocument } from './add-document.ts';
import { prepareSearch } from './search.ts';

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
  private queue: Promise<void> = Promise.resolve();

  constructor(path: string) {
    super();
    this.location = sqliteLocation(path);
    this.db = openSqliteDatabase(path);
    this.runner = sqliteRunner(this.db);
    this.write = prepareAddDocument(this.db);
    this.find = prepareSearch(this.db);
  }

  protected writeRecord(record: DocumentRecord): Promise<boolean> {
    return Promise.resolve(this.write(record));
  }

  protected searchDocuments(query: string, options?: ListOptions) {
    return Promise.resolve(this.find(query, options));
  }

  /** One IMMEDIATE transaction; callers queue so two never interleave on the one connection. */
  protected async inTransaction<T>(work: (runner: SqlRunner) => Promise<T>): Promise<T> {
    const previous = this.queue;
    let release = () => {};
    this.queue = new Promise<void>((resolve) => (release = resolve));
    await previous;
    try {
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const result = await work(this.runner);
        this.db.exec('COMMIT');
        return result;
      } catch (error) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw error;
      }
    } finally {
      release();
    }
  }

  close(): Promise<void> {
    if (this.db.open) this.db.close();
    return Promise.resolve();
  }
}
