// The server's guards on a real socket on 127.0.0.1: cross-origin writes, DNS rebinding, writes
// without a login, session fixation and logout, roles, and the security headers.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { startServer, type RunningServer } from '../../src/server/index.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { createUser } from '../../src/accounts/index.ts';
import { tempDir } from '../helpers/cli.ts';
import { TEST_PASSWORD, tokenHeaders } from '../helpers/auth.ts';

const dir = tempDir();
let store: Store;
let server: RunningServer;
let origin = '';
let analyst: Record<string, string> = {};

before(async () => {
  store = await openStore({ kind: 'sqlite', path: join(dir.path, 'security.db') });
  analyst = await tokenHeaders(store, 'ana', 'analyst');
  await createUser(store, { name: 'rita', role: 'reader', password: TEST_PASSWORD });
  server = await startServer({ store }, 0);
  origin = server.url.replace(/\/$/, '');
});
after(async () => {
  await server.close();
  await store.close();
  dir.remove();
});

/** A raw HTTP request, so the Host header can be anything (fetch will not let a test set it). */
function raw(
  method: string,
  path: string,
  headers: Record<string, string>,
  body = '',
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  const url = new URL(path, server.url);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        method,
        headers: { 'content-length': String(Buffer.byteLength(body)), ...headers },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const article = JSON.stringify({
  text: 'Officials in Ankara said on Monday that the talks would resume next week.',
});

test('cross-origin writes are refused for every content type, even with a valid token', async () => {
  const bodies: [string, string][] = [
    ['text/plain', article],
    ['application/x-www-form-urlencoded', 'text=hello'],
    [
      'multipart/form-data; boundary=x',
      '--x\r\nContent-Disposition: form-data; name="text"\r\n\r\nhello\r\n--x--\r\n',
    ],
    ['application/json', article],
  ];
  for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
    for (const [type, body] of bodies) {
      for (const from of ['https://evil.example', 'null', `http://127.0.0.1:1`]) {
        const response = await raw(
          method,
          '/api/documents',
          { ...analyst, origin: from, 'content-type': type },
          body,
        );
        assert.equal(response.status, 403, `${method} ${type} from ${from}: ${response.body}`);
        assert.match(response.body, /cross-origin/);
      }
    }
    const fetchMeta = await raw(
      method,
      '/api/documents',
      { ...analyst, 'sec-fetch-site': 'cross-site', 'content-type': 'text/plain' },
      article,
    );
    assert.equal(fetchMeta.status, 403, `${method} with Sec-Fetch-Site: cross-site and no Origin`);
  }
  assert.equal((await store.listDocuments()).total, 0, 'nothing was stored');
});

test('a rebound DNS name is refused on every route; loopback names are served', async () => {
  for (const path of ['/api/documents', '/api/auth/me', '/', '/app.js']) {
    const response = await raw('GET', path, { host: `attacker.example:${new URL(server.url).port}` });
    assert.equal(response.status, 403, path);
    assert.match(response.body, /does not answer to the host name 'attacker.example'/);
  }
  for (const host of ['localhost', '127.0.0.1']) {
    assert.equal(
      (await raw('GET', '/api/documents', { host: `${host}:${new URL(server.url).port}` })).status,
      200,
    );
  }
});

test('no write without a session or token; a reader may not add articles; anonymous reading is open on loopback', async () => {
  const anonymous = await fetch(`${origin}/api/documents`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: article,
  });
  assert.equal(anonymous.status, 401);
  assert.deepEqual(((await anonymous.json()) as { error: { code: string } }).error.code, 'unauthorized');
  const forged = await fetch(`${origin}/api/documents`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer sitrep_forged' },
    body: article,
  });
  assert.equal(forged.status, 401);
  const reader = await tokenHeaders(store, 'rita', 'reader');
  const asReader = await fetch(`${origin}/api/documents`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...reader },
    body: article,
  });
  assert.equal(asReader.status, 403);
  assert.match(await asReader.text(), /analyst role/);
  for (const [method, path] of [
    ['DELETE', '/api/documents/abc'],
    ['POST', '/api/analyze'],
    ['POST', '/api/users'],
    ['PATCH', '/api/comments/x'],
  ]) {
    assert.equal(
      (
        await fetch(`${origin}${path}`, {
          method,
          headers: { 'content-type': 'application/json' },
          body: '{}',
        })
      ).status,
      401,
      `${method} ${path}`,
    );
  }
  assert.equal((await fetch(`${origin}/api/documents`)).status, 200);
  const me = (await (await fetch(`${origin}/api/auth/me`)).json()) as {
    user: unknown;
    anonymousRead: boolean;
  };
  assert.deepEqual(me, { user: null, anonymousRead: true });
});

test('login starts a new session id (no fixation), the cookie is HttpOnly and SameSite=Lax, logout ends it server-side', async () => {
  const login = (cookie?: string) =>
    fetch(`${origin}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin, ...(cookie ? { cookie } : {}) },
      body: JSON.stringify({ name: 'rita', password: TEST_PASSWORD }),
    });
  const planted = 'sitrep_session=planted-by-an-attacker';
  const response = await login(planted);
  assert.equal(response.status, 200);
  const setCookie = response.headers.get('set-cookie') ?? '';
  assert.match(setCookie, /^sitrep_session=[\w-]{40,};/);
  assert.match(setCookie, /HttpOnly/);
  assert.match(setCookie, /SameSite=Lax/);
  assert.doesNotMatch(setCookie, /Secure/, 'no Secure flag over plain HTTP on loopback');
  const session = setCookie.split(';')[0]!;
  assert.notEqual(session, planted);
  const me = (await (await fetch(`${origin}/api/auth/me`, { headers: { cookie: session } })).json()) as {
    user: { name: string };
  };
  assert.equal(me.user.name, 'rita');
  const plantedMe = (await (
    await fetch(`${origin}/api/auth/me`, { headers: { cookie: planted } })
  ).json()) as { user: unknown };
  assert.equal(plantedMe.user, null, 'the planted id never became a session');

  const second = (await login(session)).headers.get('set-cookie')!.split(';')[0]!;
  assert.notEqual(second, session, 'logging in again gives a new id');
  const old = (await (await fetch(`${origin}/api/auth/me`, { headers: { cookie: session } })).json()) as {
    user: unknown;
  };
  assert.equal(old.user, null, 'and ends the old one');

  const logout = await fetch(`${origin}/api/auth/logout`, {
    method: 'POST',
    headers: { cookie: second, origin },
  });
  assert.equal(logout.status, 204);
  const after = (await (await fetch(`${origin}/api/auth/me`, { headers: { cookie: second } })).json()) as {
    user: unknown;
  };
  assert.equal(after.user, null, 'the copied cookie no longer works after logout');

  const wrong = await fetch(`${origin}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'rita', password: 'not the password' }),
  });
  assert.equal(wrong.status, 401);
  assert.equal(wrong.headers.get('set-cookie'), null);
});

test('behind a TLS proxy the session cookie is Secure', async () => {
  const response = await fetch(`${origin}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https' },
    body: JSON.stringify({ name: 'rita', password: TEST_PASSWORD }),
  });
  assert.match(response.headers.get('set-cookie') ?? '', /; Secure/);
});

test('a same-origin write with a session works, as the dashboard makes it', async () => {
  const login = await fetch(`${origin}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify({ name: 'ana', password: TEST_PASSWORD }),
  });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const added = await fetch(`${origin}/api/documents`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin, cookie, 'sec-fetch-site': 'same-origin' },
    body: article,
  });
  assert.equal(added.status, 201);
});

test('every response carries the security headers: CSP without inline script, nosniff, referrer policy, no framing', async () => {
  for (const path of ['/', '/api/documents']) {
    const response = await fetch(`${origin}${path}`);
    const csp = response.headers.get('content-security-policy') ?? '';
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.doesNotMatch(csp, /script-src[^;]*unsafe/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.match(csp, /object-src 'none'/);
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    assert.ok(response.headers.get('referrer-policy'));
  }
});
