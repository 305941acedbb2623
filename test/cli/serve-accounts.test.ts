// `sitrep start` and `sitrep serve` and accounts: the first run creates an admin and prints its
// password once; another address than loopback is refused without accounts and, with them, needs
// a login for everything; --no-anonymous-read closes reading on loopback too.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { runCli, tempDir, type CliRun } from '../helpers/cli.ts';

const dir = tempDir();
after(() => dir.remove());

async function freePort(host = '127.0.0.1'): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Runs a serving command in this process until `use` is done, then stops it as Ctrl-C would. */
async function whileServing(
  args: string[],
  env: NodeJS.ProcessEnv,
  use: (url: string) => Promise<void>,
  host = '127.0.0.1',
): Promise<CliRun> {
  const url = `http://${host}:${args[args.indexOf('--port') + 1]}/`;
  let finished: CliRun | null = null;
  const running = runCli(args, { env }).then((run) => (finished = run));
  let up = false;
  for (let i = 0; i < 600 && !up && !finished; i++) {
    up = await fetch(`${url}api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (!up) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  try {
    assert.ok(up, `the server came up at ${url}: ${JSON.stringify(finished)}`);
    await use(url);
  } finally {
    if (!finished) process.emit('SIGTERM');
  }
  return running;
}

test('the first start creates an admin with a password printed once; the next start does not', async () => {
  const env = { SITREP_DATA_DIR: join(dir.path, 'first') };
  const port = String(await freePort());
  const first = await whileServing(['start', '--port', port], env, async (url) => {
    const me = (await (await fetch(`${url}api/auth/me`)).json()) as { anonymousRead: boolean };
    assert.equal(me.anonymousRead, true, 'reading is open on loopback by default');
    const list = (await (await fetch(`${url}api/documents`)).json()) as { total: number };
    assert.ok(list.total >= 1, 'the bundled sample is there');
  });
  assert.equal(first.code, 0, first.stderr);
  const password = /user "admin", password (\S+)/.exec(first.stdout)?.[1] ?? '';
  assert.ok(password.length >= 16, first.stdout);
  assert.match(first.stdout, /sitrep dashboard: http:\/\/127\.0\.0\.1:\d+\//);

  const second = await whileServing(['start', '--port', port], env, async (url) => {
    const login = await fetch(`${url}api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'admin', password }),
    });
    assert.equal(login.status, 200, 'the printed password signs in');
  });
  assert.doesNotMatch(second.stdout, /created the first account|password/);
});

test('SITREP_ADMIN_PASSWORD sets the first admin password, which is never printed', async () => {
  const env = { SITREP_DATA_DIR: join(dir.path, 'given'), SITREP_ADMIN_PASSWORD: 'a chosen admin secret' };
  const run = await whileServing(['start', '--port', String(await freePort())], env, async (url) => {
    const login = await fetch(`${url}api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'admin', password: 'a chosen admin secret' }),
    });
    assert.equal(login.status, 200);
  });
  assert.match(run.stdout, /with the password in SITREP_ADMIN_PASSWORD/);
  assert.doesNotMatch(run.stdout + run.stderr, /a chosen admin secret/);
});

test('--no-anonymous-read: on loopback too, reading needs a login', async () => {
  const env = { SITREP_DATA_DIR: join(dir.path, 'closed') };
  assert.equal(
    (await runCli(['user', 'add', 'rita', '--password-stdin'], { env, stdin: 'rita secret 1\n' })).code,
    0,
  );
  const port = String(await freePort());
  const run = await whileServing(['serve', '--port', port, '--no-anonymous-read'], env, async (url) => {
    assert.equal((await fetch(`${url}api/documents`)).status, 401);
    const me = (await (await fetch(`${url}api/auth/me`)).json()) as { anonymousRead: boolean };
    assert.equal(me.anonymousRead, false, 'the login screen can still ask who is signed in');
    const login = await fetch(`${url}api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'rita', password: 'rita secret 1' }),
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    assert.equal((await fetch(`${url}api/documents`, { headers: { cookie } })).status, 200);
  });
  assert.match(run.stdout, /log in to read and write/);
});

const outside = Object.values(networkInterfaces())
  .flat()
  .find((a) => a && a.family === 'IPv4' && !a.internal)?.address;

test('another address than loopback is refused without accounts; with them every request needs a login', async () => {
  const env = { SITREP_DATA_DIR: join(dir.path, 'outside') };
  const refused = await runCli(['serve', '--host', '0.0.0.0', '--port', String(await freePort())], { env });
  assert.equal(refused.code, 2);
  assert.match(refused.stderr, /refusing to listen on 0\.0\.0\.0 without accounts/);
  if (!outside) return; // no address but loopback on this machine: the refusal is what can be tested
  await runCli(['user', 'add', 'ada', '--role', 'admin', '--password-stdin'], {
    env,
    stdin: 'ada secret 12\n',
  });
  const port = String(await freePort(outside));
  await whileServing(
    ['serve', '--host', outside, '--port', port],
    env,
    async (url) => {
      assert.equal((await fetch(`${url}api/documents`)).status, 401, 'no anonymous reading off loopback');
      assert.equal((await fetch(url)).status, 200, 'the dashboard page itself loads (to show the login)');
      const me = (await (await fetch(`${url}api/auth/me`)).json()) as { anonymousRead: boolean };
      assert.equal(me.anonymousRead, false);
    },
    outside,
  );
});
