// `sitrep user …` and `sitrep export …` on a real data folder holding the bundled seed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GDELT_COLUMNS } from '../../src/export/index.ts';
import { openStore } from '../../src/store/index.ts';
import { secretHash, verifyPassword } from '../../src/accounts/index.ts';
import { jsonLines, runCli, tempDir } from '../helpers/cli.ts';

const SAMPLE = new URL('../../sample-data/zerohedge-iran-china-2022-04-27.txt', import.meta.url).pathname;
const dir = tempDir();
const env = { SITREP_DATA_DIR: join(dir.path, 'data') };

before(async () => {
  const added = await runCli(['add', SAMPLE], { env });
  assert.equal(added.code, 0, added.stderr);
});
after(() => dir.remove());

test('user add, list, passwd, token and remove; the last admin stays', async () => {
  const added = await runCli(['user', 'add', 'ada', '--role', 'admin'], { env });
  assert.equal(added.code, 0, added.stderr);
  const password = /password: (\S+)/.exec(added.stdout)?.[1] ?? '';
  assert.ok(password.length >= 16, added.stdout);
  const chosen = await runCli(['user', 'add', 'rita', '--password-stdin'], {
    env,
    stdin: 'a long enough secret\n',
  });
  assert.equal(chosen.code, 0, chosen.stderr);
  assert.doesNotMatch(chosen.stdout, /secret/, 'a given password is never echoed');
  assert.equal((await runCli(['user', 'add', 'rita'], { env })).code, 1, 'names are unique');
  const bad = await runCli(['user', 'add', 'x', '--role', 'king'], { env });
  assert.match(bad.stderr, /role 'king' is not one of admin, analyst, reader/);
  const short = await runCli(['user', 'add', 'y', '--password-stdin'], { env, stdin: 'short\n' });
  assert.match(short.stderr, /at least 8 characters/);

  const list = await runCli(['user', 'list', '--json'], { env });
  assert.deepEqual(
    (JSON.parse(list.stdout) as { name: string; role: string }[]).map((u) => [u.name, u.role]),
    [
      ['ada', 'admin'],
      ['rita', 'reader'],
    ],
  );
  assert.doesNotMatch(list.stdout, /scrypt|password/i);

  const token = await runCli(['user', 'token', 'add', 'rita', '--label', 'nightly export'], { env });
  assert.equal(token.code, 0, token.stderr);
  assert.match(token.stdout, /^sitrep_[\w-]{40,}\n$/);
  const second = await runCli(['user', 'token', 'add', 'rita'], { env });
  const listed = await runCli(['user', 'token', 'list', 'rita', '--json'], { env });
  const tokens = JSON.parse(listed.stdout) as { id: string; label: string }[];
  assert.deepEqual(tokens.map((t) => t.label).sort(), ['nightly export', 'token']);
  assert.ok(!listed.stdout.includes(token.stdout.trim()), 'the token itself is never listed');
  const firstId = /token (\w{16}) for rita/.exec(token.stderr)?.[1] ?? '';
  assert.ok(
    tokens.some((t) => t.id === firstId),
    token.stderr,
  );
  const table = await runCli(['user', 'token', 'list', 'rita'], { env });
  assert.match(table.stdout, new RegExp(`${firstId}.*nightly export`));
  const revoked = await runCli(['user', 'token', 'revoke', 'rita', firstId], { env });
  assert.equal(revoked.code, 0, revoked.stderr);
  assert.equal((await runCli(['user', 'token', 'revoke', 'rita', firstId], { env })).code, 1, 'gone already');
  assert.match((await runCli(['user', 'token', 'list', 'nobody'], { env })).stderr, /no user named 'nobody'/);
  {
    const check = await openStore({ kind: 'sqlite', path: join(env.SITREP_DATA_DIR, 'sitrep.db') });
    try {
      assert.equal(await check.tokenUser(secretHash(token.stdout.trim())), null, 'revoked');
      assert.equal((await check.tokenUser(secretHash(second.stdout.trim())))?.name, 'rita');
    } finally {
      await check.close();
    }
  }
  const passwd = await runCli(['user', 'passwd', 'rita', '--password-stdin'], {
    env,
    stdin: 'another good secret\n',
  });
  assert.equal(passwd.code, 0, passwd.stderr);
  const store = await openStore({ kind: 'sqlite', path: join(env.SITREP_DATA_DIR, 'sitrep.db') });
  try {
    const rita = await store.getUser('rita');
    assert.ok(rita && (await verifyPassword('another good secret', rita.passwordHash)));
    assert.ok(!(await verifyPassword('a long enough secret', rita.passwordHash)));
  } finally {
    await store.close();
  }
  const last = await runCli(['user', 'remove', 'ada'], { env });
  assert.equal(last.code, 2);
  assert.match(last.stderr, /last admin/);
  assert.equal((await runCli(['user', 'remove', 'rita'], { env })).code, 0);
  assert.equal((await runCli(['user', 'remove', 'rita'], { env })).code, 1);
});

test('export events --format gdelt gives rows a GDELT reader parses by column name', async () => {
  const run = await runCli(['export', 'events', '--format', 'gdelt'], { env });
  assert.equal(run.code, 0, run.stderr);
  // Not trimmed: trailing empty columns are tabs.
  const rows = run.stdout
    .replace(/\n$/, '')
    .split('\n')
    .map((line) =>
      Object.fromEntries(line.split('\t').map((cell, i) => [GDELT_COLUMNS[i] ?? `extra${i}`, cell])),
    );
  assert.ok(rows.length > 3);
  assert.ok(rows.every((r) => Object.keys(r).length === 61 && r.SOURCEURL !== undefined));
  const cooperation = rows.filter((r) => r.Actor1CountryCode === 'IRN' && r.Actor2CountryCode === 'CHN');
  assert.ok(cooperation.length > 0, 'Iran-China events');
  assert.ok(cooperation.every((r) => /^\d{3,4}$/.test(r.EventCode!) && r.QuadClass !== ''));
});

test('export to a file as CSV or JSON lines, with filters; bad options are usage errors', async () => {
  const out = join(dir.path, 'events.csv');
  const run = await runCli(['export', 'events', '--format', 'csv', '--dyad', 'IRN,CHN', '--output', out], {
    env,
  });
  assert.equal(run.code, 0, run.stderr);
  const lines = readFileSync(out, 'utf8').trimEnd().split('\r\n');
  assert.match(run.stderr, new RegExp(`exported ${lines.length - 1} events to`));
  assert.ok(lines.slice(1).every((l) => /IRN|CHN/.test(l)));
  const quotes = jsonLines((await runCli(['export', 'quotes'], { env })).stdout);
  assert.ok(quotes.length > 0 && quotes.every((q) => typeof q.text === 'string'));
  const docs = jsonLines((await runCli(['export', 'documents', '--since', '2023'], { env })).stdout);
  assert.equal(docs.length, 0);
  for (const args of [
    ['export', 'quotes', '--format', 'gdelt'],
    ['export', 'people'],
    ['export', 'events', '--since', '2022-13-45'],
    ['export', 'events', '--format', 'xml'],
  ]) {
    const bad = await runCli(args, { env });
    assert.equal(bad.code, 2, `${args.join(' ')}: ${bad.stderr}`);
  }
});
