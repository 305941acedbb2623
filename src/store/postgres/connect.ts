// Connects to PostgreSQL, checks the server once at start-up with messages a person can act on,
// and brings the schema up to date.
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { SitrepError } from '../../model/index.ts';
import { loadMigrations, newerSchemaMessage } from '../shared/migrations.ts';

const MIGRATIONS = fileURLToPath(new URL('./migrations/', import.meta.url));
const MIN_VERSION = 120000; // generated columns
const CONNECT_TIMEOUT_MS = 5000;
const POOL_SIZE = 10;
/** Any fixed number: migrations of one schema run one at a time across all processes. */
const MIGRATION_LOCK = 0x5172;

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://… (not a valid URL)';
  }
}

export function postgresLocation(url: string, schema?: string): string {
  return `PostgreSQL database ${redactUrl(url)}${schema ? ` (schema ${schema})` : ''}`;
}

function checkSchemaName(schema: string): void {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw new SitrepError(
      'config_invalid',
      `PostgreSQL schema name '${schema}' is not allowed: use lower-case letters, digits and _ (at most 63), starting with a letter or _`,
    );
  }
}

export function createPool(url: string, schema?: string): pg.Pool {
  if (schema !== undefined) checkSchemaName(schema);
  const pool = new pg.Pool({
    connectionString: url,
    max: POOL_SIZE,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // An idle connection dropped by the server (restart, timeout) is replaced on next use; without a
  // listener the pool's 'error' event would crash the process.
  pool.on('error', () => {});
  return pool;
}

/** Turns a failure to connect into a message that says which server and what to check. */
export function connectionError(url: string, error: unknown): SitrepError {
  const where = redactUrl(url);
  const code = (error as { code?: string }).code;
  const reason = error instanceof Error ? error.message : String(error);
  let advice: string;
  let host = 'the host';
  try {
    const parsed = new URL(url);
    host = `${parsed.hostname || 'localhost'}:${parsed.port || '5432'}`;
  } catch {
    // keep the generic wording
  }
  if (code === 'ECONNREFUSED' || /timeout/i.test(reason)) {
    advice = `check that PostgreSQL is running and accepts TCP connections on ${host} (pg_isready -h ${host.replace(/:(\d+)$/, ' -p $1')})`;
  } else if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    advice = `the host name in the URL cannot be resolved; check ${host}`;
  } else if (code === '28P01' || code === '28000') {
    advice = 'check the user name and password in the URL, and pg_hba.conf on the server';
  } else if (code === '3D000') {
    advice = `create the database first (createdb ${new URL(url).pathname.slice(1) || '<name>'})`;
  } else {
    advice = 'check the URL in SITREP_DATABASE_URL';
  }
  return new SitrepError(
    'store_failed',
    `PostgreSQL at ${where} is unreachable: ${reason}. ${advice[0]!.toUpperCase()}${advice.slice(1)}; or unset SITREP_DATABASE_URL to use the embedded SQLite database.`,
    { input: where, cause: error },
  );
}

async function checkVersion(client: pg.PoolClient, location: string): Promise<void> {
  const { rows } = await client.query<{ num: string; version: string }>(
    "SELECT current_setting('server_version_num') AS num, current_setting('server_version') AS version",
  );
  const row = rows[0]!;
  if (Number(row.num) < MIN_VERSION) {
    throw new SitrepError(
      'store_failed',
      `${location}: sitrep needs PostgreSQL 12 or newer (detected ${row.version}); upgrade the server or use the embedded SQLite database.`,
    );
  }
}

async function migrate(client: pg.PoolClient, location: string, schema: string | undefined): Promise<void> {
  const migrations = loadMigrations(MIGRATIONS);
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [
      MIGRATION_LOCK,
      schema ?? 'public',
    ]);
    if (schema) await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const { rows } = await client.query<{ version: number | null }>(
      'SELECT max(version) AS version FROM schema_migrations',
    );
    const current = rows[0]?.version ?? 0;
    if (current > migrations.length) {
      throw new SitrepError('store_failed', newerSchemaMessage(location, current, migrations.length));
    }
    for (const migration of migrations.slice(current)) {
      await client.query(migration.sql);
      await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  }
}

/** Checks the server and applies migrations; throws an actionable SitrepError. */
export async function prepareDatabase(pool: pg.Pool, url: string, schema: string | undefined): Promise<void> {
  const location = postgresLocation(url, schema);
  let client: pg.PoolClient;
  try {
    client = await pool.connect();
  } catch (error) {
    throw connectionError(url, error);
  }
  try {
    await checkVersion(client, location);
    await migrate(client, location, schema);
  } catch (error) {
    if (error instanceof SitrepError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new SitrepError('store_failed', `${location}: cannot prepare the schema (${reason})`, {
      input: redactUrl(url),
      cause: error,
    });
  } finally {
    client.release();
  }
}
