import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SitrepError } from '../../src/model/index.ts';
import { defaultDataDir, openStoreFromEnv, storeConfigFromEnv } from '../../src/store/index.ts';

test('the data folder is SITREP_DATA_DIR, else $XDG_DATA_HOME/sitrep, else ~/.local/share/sitrep', () => {
  assert.equal(
    defaultDataDir({ SITREP_DATA_DIR: '/srv/sitrep', XDG_DATA_HOME: '/x', HOME: '/home/me' }),
    '/srv/sitrep',
  );
  assert.equal(defaultDataDir({ XDG_DATA_HOME: '/home/me/data', HOME: '/home/me' }), '/home/me/data/sitrep');
  assert.equal(defaultDataDir({ HOME: '/home/me' }), '/home/me/.local/share/sitrep');
  assert.equal(
    defaultDataDir({ XDG_DATA_HOME: 'relative', HOME: '/home/me' }),
    '/home/me/.local/share/sitrep',
  );
  assert.equal(defaultDataDir({ SITREP_DATA_DIR: '', HOME: '/home/me' }), '/home/me/.local/share/sitrep');
});

test('without SITREP_DATABASE_URL the store is SQLite in the data folder; --data-dir wins', () => {
  assert.deepEqual(storeConfigFromEnv({ env: { HOME: '/home/me' } }), {
    kind: 'sqlite',
    path: '/home/me/.local/share/sitrep/sitrep.db',
  });
  assert.deepEqual(storeConfigFromEnv({ env: { SITREP_DATA_DIR: '/a' }, dataDir: '/b' }), {
    kind: 'sqlite',
    path: '/b/sitrep.db',
  });
});

test('SITREP_DATABASE_URL=postgres://… selects PostgreSQL, with SITREP_DATABASE_SCHEMA', () => {
  assert.deepEqual(storeConfigFromEnv({ env: { SITREP_DATABASE_URL: 'postgres://u@db:5432/news' } }), {
    kind: 'postgres',
    url: 'postgres://u@db:5432/news',
  });
  assert.deepEqual(
    storeConfigFromEnv({
      env: { SITREP_DATABASE_URL: 'postgresql://db/news', SITREP_DATABASE_SCHEMA: 'sitrep' },
    }),
    { kind: 'postgres', url: 'postgresql://db/news', schema: 'sitrep' },
  );
});

test('a SITREP_DATABASE_URL that is not PostgreSQL is refused without echoing its password', () => {
  assert.throws(
    () => storeConfigFromEnv({ env: { SITREP_DATABASE_URL: 'mysql://root:hunter2@db/news' } }),
    (error: unknown) =>
      error instanceof SitrepError &&
      error.code === 'config_invalid' &&
      error.message.includes('postgres://') &&
      error.message.includes("'mysql:…'") &&
      !error.message.includes('hunter2'),
  );
});

test('opening from the environment creates the data folder and the database in it', async () => {
  const home = mkdtempSync(join(tmpdir(), 'sitrep-home-'));
  try {
    const store = await openStoreFromEnv({ env: { HOME: home } });
    await store.close();
    assert.ok(existsSync(join(home, '.local/share/sitrep/sitrep.db')));
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
});

test('a data folder that cannot be created gives config_invalid naming it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-file-'));
  try {
    const file = join(dir, 'not-a-folder');
    writeFileSync(file, 'x');
    await assert.rejects(
      openStoreFromEnv({ env: {}, dataDir: join(file, 'data') }),
      (error: unknown) =>
        error instanceof SitrepError &&
        error.code === 'config_invalid' &&
        error.message.includes(join(file, 'data')),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
