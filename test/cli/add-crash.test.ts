// `sitrep add <folder>` on SQLite writes many documents per transaction. Killed (SIGKILL) in the
// middle of a batch, again and again, then run to the end: every file is stored exactly once, each
// with its whole reading and its trace, and the commits before each kill were kept.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openStore } from '../../src/store/index.ts';
import { tempDir } from '../helpers/cli.ts';
import { assertStoredOnceAndWhole, writeNewsItems } from '../helpers/ingest-check.ts';

const BIN = join(import.meta.dirname, '../../bin/sitrep.js');
const ITEMS = 160;
const KILLS = 3;

function stored(db: string): number {
  if (!existsSync(db)) return 0;
  const conn = new Database(db, { readonly: true, fileMustExist: true });
  try {
    return (conn.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n;
  } catch {
    return 0; // not migrated yet
  } finally {
    conn.close();
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('sitrep add killed mid-batch stores every file once and whole after a rerun', async () => {
  const dir = tempDir('sitrep-add-crash-');
  try {
    const folder = join(dir.path, 'news');
    const origins = writeNewsItems(folder, ITEMS);
    const data = join(dir.path, 'data');
    const db = join(data, 'sitrep.db');
    const env = { ...process.env, SITREP_THREADS: '1', SITREP_DATABASE_URL: '' };
    let kills = 0;
    const counts: number[] = [];
    for (let round = 0; round < KILLS; round++) {
      const child = spawn(process.execPath, [BIN, '--data-dir', data, 'add', folder], {
        env,
        stdio: 'ignore',
      });
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      let done = false;
      void exited.then(() => (done = true));
      // Wait for a commit past the last one, then kill at a random moment of the next batch.
      const before = stored(db);
      while (!done && stored(db) <= before) await sleep(50);
      if (!done) {
        await sleep(Math.random() * 200);
        child.kill('SIGKILL');
        kills++;
      }
      await exited;
      counts.push(stored(db));
      if (done && counts.at(-1) === ITEMS) break;
    }
    assert.ok(kills >= 2, `the add was killed mid-way ${kills} times`);
    assert.ok(counts[0]! > 0 && counts[0]! < ITEMS, `the first kill kept its commits (${counts.join(', ')})`);
    const last = spawn(process.execPath, [BIN, '--data-dir', data, 'add', folder, '--json'], { env });
    let out = '';
    last.stdout.on('data', (b: Buffer) => (out += b.toString()));
    const code = await new Promise<number | null>((resolve) => last.on('exit', resolve));
    assert.equal(code, 0);
    const summary = JSON.parse(out) as { added: unknown[]; unchanged: unknown[]; failed: unknown[] };
    assert.equal(summary.failed.length, 0);
    assert.equal(summary.added.length + summary.unchanged.length, ITEMS);
    assert.equal(summary.unchanged.length, counts.at(-1));
    const store = await openStore({ kind: 'sqlite', path: db });
    const raw = new Database(db, { readonly: true });
    try {
      await assertStoredOnceAndWhole(
        store,
        (sql) => Promise.resolve(raw.prepare(sql).all() as Record<string, unknown>[]),
        origins,
      );
    } finally {
      raw.close();
      await store.close();
    }
  } finally {
    dir.remove();
  }
});
