// What only the PostgreSQL store has: start-up checks, schemas, migrations.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { SitrepError } from '../../src/model/index.ts';
import { openStore } from '../../src/store/index.ts';
import { dropSchema, probePostgres, TEST_PG_URL, uniqueSchema } from './targets.ts';
import { fileURLToPath } from 'node:url';
import { loadMigrations } from '../../src/store/shared/migrations.ts';

/** The migrations this sitrep ships, as schema_migrations records them. */
const SHIPPED = loadMigrations(
  fileURLToPath(new URL('../../src/store/postgres/migrations/', import.meta.url)),
).map(({ version, name }) => ({ version, name }));

function storeFailed(...parts: (string | RegExp)[]) {
  return (error: unknown) => {
    assert.ok(error instanceof SitrepError, String(error));
    assert.equal(error.code, 'store_failed');
    for (const part of parts) {
      if (typeof part === 'string')
        assert.ok(error.message.includes(part), `'${error.message}' lacks '${part}'`);
      else assert.match(error.message, part);
    }
    return true;
  };
}

test('an unreachable server is named, with what to check, and no password', async () => {
  await assert.rejects(
    openStore({ kind: 'postgres', url: 'postgres://sitrep:s3cret@127.0.0.1:1/news' }),
    storeFailed(
      'postgres://sitrep:***@127.0.0.1:1/news',
      'pg_isready -h 127.0.0.1 -p 1',
      'SITREP_DATABASE_URL',
    ),
  );
  await assert.rejects(
    openStore({ kind: 'postgres', url: 'postgres://sitrep:s3cret@127.0.0.1:1/news' }),
    (error: unknown) => !(error as Error).message.includes('s3cret'),
  );
});

test('a schema name that is not a plain identifier is refused', async () => {
  await assert.rejects(
    openStore({ kind: 'postgres', url: TEST_PG_URL, schema: 'x; DROP TABLE y' }),
    (error: unknown) => error instanceof SitrepError && error.code === 'config_invalid',
  );
});

const unreachable = await probePostgres();
const skip =
  unreachable && process.env.CI !== 'true' ? `PostgreSQL at ${TEST_PG_URL}: ${unreachable}` : false;

void describe('on a running server', { skip }, () => {
  test('a database that does not exist: say how to create it', async () => {
    const url = new URL(TEST_PG_URL);
    url.pathname = '/sitrep_no_such_database';
    await assert.rejects(
      openStore({ kind: 'postgres', url: url.toString() }),
      storeFailed('createdb sitrep_no_such_database'),
    );
  });

  test('the schema is created, migrated once, and dropped cleanly', async () => {
    const schema = uniqueSchema();
    try {
      await (await openStore({ kind: 'postgres', url: TEST_PG_URL, schema })).close();
      const store = await openStore({ kind: 'postgres', url: TEST_PG_URL, schema });
      assert.ok(store.location.endsWith(`(schema ${schema})`));
      await store.close();
      const client = new pg.Client({ connectionString: TEST_PG_URL });
      await client.connect();
      try {
        const { rows } = await client.query(`SELECT version, name FROM ${schema}.schema_migrations`);
        assert.deepEqual(rows, SHIPPED);
      } finally {
        await client.end();
      }
    } finally {
      await dropSchema(schema);
    }
  });

  test('several processes opening a new schema at once migrate it once', async () => {
    const schema = uniqueSchema();
    try {
      const stores = await Promise.all(
        [1, 2, 3, 4].map(() => openStore({ kind: 'postgres', url: TEST_PG_URL, schema })),
      );
      for (const store of stores) await store.close();
    } finally {
      await dropSchema(schema);
    }
  });

  test('a schema written by a newer sitrep is refused', async () => {
    const schema = uniqueSchema();
    try {
      await (await openStore({ kind: 'postgres', url: TEST_PG_URL, schema })).close();
      const client = new pg.Client({ connectionString: TEST_PG_URL });
      await client.connect();
      await client.query(`INSERT INTO ${schema}.schema_migrations (version, name) VALUES (99, 'future')`);
      await client.end();
      await assert.rejects(
        openStore({ kind: 'postgres', url: TEST_PG_URL, schema }),
        storeFailed(new RegExp(`version 99, but this sitrep knows versions up to ${SHIPPED.length}`), schema),
      );
    } finally {
      await dropSchema(schema);
    }
  });
});
