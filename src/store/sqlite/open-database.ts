// Opens (creating if needed) a SQLite database and brings its schema up to date.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { SitrepError } from '../../model/index.ts';
import { loadMigrations, newerSchemaMessage } from '../shared/migrations.ts';

const MIGRATIONS = fileURLToPath(new URL('./migrations/', import.meta.url));
/** How long a writer waits for another process's write to finish before giving up. */
const BUSY_TIMEOUT_MS = 10_000;

export function sqliteLocation(path: string): string {
  return `SQLite database ${path}`;
}

function openFile(path: string): Database.Database {
  const location = sqliteLocation(path);
  try {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    return new Database(path);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new SitrepError(
      'store_failed',
      `${location}: cannot open it (${reason}). Check that the folder exists or can be created and that you may write to it, or choose another with --data-dir or SITREP_DATA_DIR.`,
      { input: path, cause: error },
    );
  }
}

function configure(db: Database.Database): void {
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  // With WAL, NORMAL loses no data on a crash of the process, only possibly the last
  // transactions on a power cut, and makes each commit much cheaper.
  db.pragma('synchronous = NORMAL');
  // 64 MB of page cache (the default is 2 MB): the indexes a stream of adds writes at random places
  // (document ids, trace records) stay in memory instead of being read back per row
  db.pragma('cache_size = -65536');
  // Temporary files in memory: above all the sub-journal where a unit's savepoint copies each page
  // before its first change (a few dozen pages a unit). On disk, past 64 KB, it costs a write call
  // per page: for a trace record, more than the insert itself. Queries sort through indexes, in pages.
  db.pragma('temp_store = MEMORY');
}

/** Applies the migrations this database has not seen, each recorded in schema_migrations. */
export function migrate(db: Database.Database, location: string): void {
  const migrations = loadMigrations(MIGRATIONS);
  const apply = db.transaction(() => {
    db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
    const row = db.prepare('SELECT max(version) AS version FROM schema_migrations').get() as {
      version: number | null;
    };
    const current = row.version ?? 0;
    if (current > migrations.length) {
      throw new SitrepError('store_failed', newerSchemaMessage(location, current, migrations.length));
    }
    const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
    for (const migration of migrations.slice(current)) {
      db.exec(migration.sql);
      record.run(migration.version, migration.name, new Date().toISOString());
    }
  });
  apply.immediate();
}

export function openSqliteDatabase(path: string): Database.Database {
  const location = sqliteLocation(path);
  const db = openFile(path);
  try {
    configure(db);
    migrate(db, location);
    return db;
  } catch (error) {
    db.close();
    if (error instanceof SitrepError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    const hint = /not a database|malformed/i.test(reason)
      ? ' The file is not a sitrep database or is damaged; move it aside or choose another data folder.'
      : '';
    throw new SitrepError('store_failed', `${location}: cannot prepare it (${reason}).${hint}`, {
      input: path,
      cause: error,
    });
  }
}
