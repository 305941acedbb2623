// What only the SQLite store has: its file, pragmas and migrations.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SitrepError } from '../../src/model/index.ts';
import { openStore } from '../../src/store/index.ts';
import { buildDocument } from './news-builder.ts';
import { kenya } from './stories.ts';
import { fileURLToPath } from 'node:url';
import { loadMigrations } from '../../src/store/shared/migrations.ts';

/** The migrations this sitrep ships, as schema_migrations records them. */
const SHIPPED = loadMigrations(
  fileURLToPath(new URL('../../src/store/sqlite/migrations/', import.meta.url)),
).map(({ version, name }) => ({ version, name }));

function withDir(run: (dir: string) => Promise<void>): () => Promise<void> {
  return async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-sqlite-'));
    try {
      await run(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}

test(
  'a new database is in WAL mode with its migrations recorded, and its folder is created',
  withDir(async (dir) => {
    const path = join(dir, 'nested', 'sitrep.db');
    const store = await openStore({ kind: 'sqlite', path });
    await store.addDocument(buildDocument(kenya));
    await store.close();
    const db = new Database(path, { readonly: true });
    try {
      assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
      const migrations = db.prepare('SELECT version, name FROM schema_migrations').all();
      assert.deepEqual(migrations, SHIPPED);
      const row = db.prepare('SELECT raw_encoding, raw_size, length(raw) AS stored FROM documents').get() as {
        raw_encoding: string;
        raw_size: number;
        stored: number;
      };
      assert.equal(row.raw_encoding, 'br');
      assert.ok(row.stored < row.raw_size, `compressed ${row.stored} < ${row.raw_size}`);
    } finally {
      db.close();
    }
  }),
);

test(
  'opening again applies no migration twice',
  withDir(async (dir) => {
    const path = join(dir, 'sitrep.db');
    await (await openStore({ kind: 'sqlite', path })).close();
    const store = await openStore({ kind: 'sqlite', path });
    assert.equal((await store.stats()).documents, 0);
    await store.close();
    const db = new Database(path, { readonly: true });
    assert.equal(
      (db.prepare('SELECT count(*) AS n FROM schema_migrations').get() as { n: number }).n,
      SHIPPED.length,
    );
    db.close();
  }),
);

test(
  'a database written by a newer sitrep is refused with what to do',
  withDir(async (dir) => {
    const path = join(dir, 'sitrep.db');
    await (await openStore({ kind: 'sqlite', path })).close();
    const db = new Database(path);
    db.prepare("INSERT INTO schema_migrations VALUES (99, 'from_the_future', '2030-01-01')").run();
    db.close();
    await assert.rejects(openStore({ kind: 'sqlite', path }), (error: unknown) => {
      assert.ok(error instanceof SitrepError);
      assert.equal(error.code, 'store_failed');
      assert.match(error.message, new RegExp(`${path}.*version 99.*up to ${SHIPPED.length}.*upgrade sitrep`));
      return true;
    });
  }),
);

test(
  'a file that is not a database is refused naming it',
  withDir(async (dir) => {
    const path = join(dir, 'notes.txt');
    writeFileSync(path, 'These are my notes, not a database. '.repeat(200));
    await assert.rejects(openStore({ kind: 'sqlite', path }), (error: unknown) => {
      assert.ok(error instanceof SitrepError);
      assert.equal(error.code, 'store_failed');
      assert.ok(error.message.includes(path), error.message);
      assert.match(error.message, /not a sitrep database/);
      return true;
    });
  }),
);

test(
  'a path that cannot be created is refused with advice',
  withDir(async (dir) => {
    const blocker = join(dir, 'file');
    writeFileSync(blocker, 'x');
    const path = join(blocker, 'sitrep.db');
    await assert.rejects(openStore({ kind: 'sqlite', path }), (error: unknown) => {
      assert.ok(error instanceof SitrepError);
      assert.equal(error.code, 'store_failed');
      assert.ok(error.message.includes(path), error.message);
      assert.match(error.message, /--data-dir/);
      return true;
    });
  }),
);

test(
  'the write epoch holds across the units of one transaction and changes at a commit or a rolled-back unit',
  withDir(async (dir) => {
    const store = await openStore({ kind: 'sqlite', path: join(dir, 'sitrep.db') });
    try {
      assert.equal(store.writeEpoch(), null, 'outside a transaction');
      await store.batched(
        async () => {
          const first = await store.unit(async () => store.writeEpoch());
          assert.notEqual(first, null);
          assert.equal(await store.unit(async () => store.writeEpoch()), first, 'one transaction');
          await assert.rejects(
            store.unit(async () => {
              throw new Error('the unit fails');
            }),
            /the unit fails/,
          );
          assert.notEqual(await store.unit(async () => store.writeEpoch()), first, 'after a rollback');
        },
        { maxUnits: 1000, maxMs: 60_000 },
      );
      const alone = await store.unit(async () => store.writeEpoch());
      assert.notEqual(await store.unit(async () => store.writeEpoch()), alone, 'a unit per transaction');
    } finally {
      await store.close();
    }
  }),
);
