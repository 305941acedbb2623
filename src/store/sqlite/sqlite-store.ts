import type Database from 'better-sqlite3';
import type { BatchOptions, ListOptions } from '../types.ts';
import type { DocumentRecord } from '../shared/records.ts';
import type { SqlRunner } from '../shared/sql-runner.ts';
import { SqlStore } from '../shared/sql-store.ts';
import { openSqliteDatabase, sqliteLocation } from './open-database.ts';
import { prepareAddDocument } from './add-document.ts';
import { prepareSearch } from './search.ts';
import { SqliteUnits } from './units.ts';

/**
 * better-sqlite3 is synchronous; statements are prepared once per SQL text. Writes go through
 * `units.write`, so that a lone write never lands inside another task's unit.
 */
function sqliteRunner(db: Database.Database, units: SqliteUnits): SqlRunner {
  const statements = new Map<string, Database.Statement>();
  const prepared = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) statements.set(sql, (statement = db.prepare(sql)));
    return statement;
  };
  return {
    all: <T>(sql: string, params: readonly unknown[] = []) => {
      const statement = prepared(sql);
      const rows = () => statement.all(...params) as T[];
      // INSERT … RETURNING reads rows too
      return statement.reader && !/^\s*(INSERT|UPDATE|DELETE|REPLACE)\b/i.test(sql)
        ? Promise.resolve(rows())
        : units.write(rows);
    },
    run: (sql: string, params: readonly unknown[] = []) =>
      units.write(() => prepared(sql).run(...params).changes),
  };
}

/** The embedded store: one SQLite file in WAL mode, safe to share between processes. */
export class SqliteStore extends SqlStore {
  readonly location: string;
  protected readonly runner: SqlRunner;
  private readonly db: Database.Database;
  private readonly write: (record: DocumentRecord) => Promise<boolean>;
  private readonly find: ReturnType<typeof prepareSearch>;
  private readonly units: SqliteUnits;

  constructor(path: string) {
    super();
    this.location = sqliteLocation(path);
    this.db = openSqliteDatabase(path);
    this.units = new SqliteUnits(this.db);
    this.runner = sqliteRunner(this.db, this.units);
    const write = prepareAddDocument(this.db);
    this.write = (record) => this.units.write(() => write(record));
    this.find = prepareSearch(this.db);
  }

  unit<T>(work: () => Promise<T>): Promise<T> {
    return this.units.unit(work);
  }

  /** Units hold SQLite's write lock (IMMEDIATE) from their start: nothing to add. */
  lockTracing(): Promise<void> {
    return Promise.resolve();
  }

  /** Statements are in-process calls: a plain one-row INSERT each is cheapest (see TraceInserts). */
  protected override readonly traceInserts = 'rowByRow';

  override writeEpoch(): number | null {
    return this.units.epoch;
  }

  lockOriginForJob(_origin: string | readonly string[]): Promise<void> {
    return Promise.resolve();
  }

  batched<T>(work: () => Promise<T>, options?: BatchOptions): Promise<T> {
    return this.units.batched(work, options);
  }

  protected writeRecord(record: DocumentRecord): Promise<boolean> {
    return this.write(record);
  }

  protected searchDocuments(query: string, options?: ListOptions) {
    return Promise.resolve(this.find(query, options));
  }

  close(): Promise<void> {
    if (this.db.open) this.db.close();
    return Promise.resolve();
  }
}
