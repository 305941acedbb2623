// Every fetching behaviour against the local fixture server (127.0.0.1, so allowPrivate is on
// except where the refusal itself is tested).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Fetcher, FetchError, fetchPage, parseFeed } from '../../src/ingest/index.ts';
import { FEED_ACCEPT } from '../../src/ingest/fetch/index.ts';
import { startFixtureServer, type FixtureServer } from './fixture-server.ts';

let server: FixtureServer;
let fetcher: Fetcher;

before(async () => {
  server = await startFixtureServer();
  fetcher = new Fetcher({
    allowPrivate: true,
    perHostDelayMs: 0,
    perHostConcurrency: 4,
    timeoutMs: 3000,
    maxBytes: 2 * 1024 * 1024,
  });
});
after(async () => {
  await fetcher.close();
  await server.close();
});

async function failure(url: string, using: Fetcher = fetcher): Promise<FetchError> {
  try {
    await using.fetch(url, FEED_ACCEPT);
  } catch (error) {
    assert.ok(error instanceof FetchError, `expected a FetchError, got ${String(error)}`);
    return error;
  }
  assert.fail(`${url} should have failed`);
}

test('sends a User-Agent naming sitrep and asks for compressed bodies', async () => {
  await fetcher.fetch(`${server.url}/feed.xml`, FEED_ACCEPT);
  const headers = server.lastHeaders.get('/feed.xml');
  assert.match(headers?.['user-agent'] ?? '', /^sitrep\//);
  assert.match(headers?.['accept-encoding'] ?? '', /br/);
});

test('conditional GET: a matching ETag gives 304 with no body', async () => {
  const first = await fetcher.fetch(`${server.url}/feed.xml`, FEED_ACCEPT);
  assert.equal(first.status, 200);
  const second = await fetcher.fetch(`${server.url}/feed.xml`, FEED_ACCEPT, {
    etag: first.etag,
    lastModified: first.lastModified,
  });
  assert.equal(second.status, 304);
  assert.equal(second.bytes.length, 0);
  assert.equal(server.lastHeaders.get('/feed.xml')?.['if-none-match'], '"feed-v1"');
});

for (const encoding of ['gzip', 'deflate', 'brotli']) {
  test(`decodes a ${encoding} body`, async () => {
    const response = await fetcher.fetch(`${server.url}/${encoding}.xml`, FEED_ACCEPT);
    const feed = parseFeed({ body: response.bytes, contentType: response.contentType, name: encoding });
    assert.equal(feed.items.length, 3);
  });
}

test('a chain of permanent redirects (301, 308) gives the new address to keep', async () => {
  const response = await fetcher.fetch(`${server.url}/moved.xml`, FEED_ACCEPT);
  assert.equal(response.url, `${server.url}/feed.xml`);
  assert.equal(response.movedTo, `${server.url}/feed.xml`);
});

test('a chain with a temporary redirect is followed but the address is kept', async () => {
  const response = await fetcher.fetch(`${server.url}/temporary.xml`, FEED_ACCEPT);
  assert.equal(response.url, `${server.url}/feed.xml`);
  assert.equal(response.movedTo, null);
});

test('a redirect loop ends with an error', async () => {
  assert.match((await failure(`${server.url}/loop.xml`)).message, /more than 5 redirects/);
});

test('a slow server times out (category timeout)', async () => {
  assert.equal((await failure(`${server.url}/slow.xml`)).category, 'timeout');
});

test('429 and 503 carry their Retry-After (seconds and HTTP date)', async () => {
  const limited = await failure(`${server.url}/rate-limited.xml`);
  assert.equal(limited.category, 'http_4xx');
  assert.equal(limited.status, 429);
  assert.equal(limited.retryAfterMs, 7200_000);
  const unavailable = await failure(`${server.url}/unavailable.xml`);
  assert.equal(unavailable.category, 'http_5xx');
  assert.ok((unavailable.retryAfterMs ?? 0) > 2 * 3600_000, 'about three hours');
});

test('HTTP 500 and 404 are http_5xx and http_4xx', async () => {
  assert.equal((await failure(`${server.url}/error.xml`)).category, 'http_5xx');
  assert.equal((await failure(`${server.url}/missing.xml`)).category, 'http_4xx');
});

test('a body over the size limit is cut off (too_large)', async () => {
  const error = await failure(`${server.url}/huge.xml`);
  assert.equal(error.category, 'too_large');
  assert.equal(error.code, 'too_large');
});

test('robots.txt disallow is obeyed (blocked_by_robots) and fetched once per origin', async () => {
  const before = server.hits.get('/robots.txt') ?? 0;
  assert.equal((await failure(`${server.url}/private/feed.xml`)).category, 'blocked_by_robots');
  await fetcher.fetch(`${server.url}/feed.xml`, FEED_ACCEPT);
  assert.equal(server.hits.get('/private/feed.xml'), undefined, 'never requested');
  assert.ok((server.hits.get('/robots.txt') ?? 0) - before <= 1);
});

test('an unresolvable host is a dns failure', async () => {
  assert.equal((await failure('http://no-such-host.invalid/feed.xml')).category, 'dns');
});

test('TLS spoken to a plain HTTP port is a tls failure', async () => {
  const port = new URL(server.url).port;
  assert.equal((await failure(`https://127.0.0.1:${port}/feed.xml`)).category, 'tls');
});

test('without allowPrivate, loopback addresses are refused before any request', async () => {
  const strict = new Fetcher({ perHostDelayMs: 0, respectRobots: false });
  try {
    const before = server.hits.get('/feed.xml') ?? 0;
    const error = await failure(`${server.url}/feed.xml`, strict);
    assert.equal(error.code, 'blocked_private_address');
    assert.match(error.message, /--allow-private/);
    const viaName = await failure(`http://localhost:${new URL(server.url).port}/feed.xml`, strict);
    assert.equal(viaName.code, 'blocked_private_address');
    assert.equal(server.hits.get('/feed.xml') ?? 0, before);
  } finally {
    await strict.close();
  }
});

test('a wrong charset header (UTF-8 said, windows-1252 sent) still reads the curly quotes', async () => {
  const response = await fetcher.fetch(`${server.url}/wrong-charset.xml`, FEED_ACCEPT);
  const feed = parseFeed({ body: response.bytes, contentType: response.contentType, name: 'wrong' });
  assert.equal(feed.items[0]?.title, '\u201cQuoted\u201d café');
});

test('fetchPage (single pages asked for by a person): redirects followed, robots.txt not consulted', async () => {
  const page = await fetchPage(`${server.url}/temporary.xml`, { allowPrivate: true });
  assert.equal(page.url, `${server.url}/feed.xml`);
  assert.equal(page.name, `${server.url}/temporary.xml`);
  const disallowed = await fetchPage(`${server.url}/private/feed.xml`, { allowPrivate: true });
  assert.ok(disallowed.bytes.length > 0);
  await assert.rejects(fetchPage(`${server.url}/feed.xml`), { code: 'blocked_private_address' });
  await assert.rejects(fetchPage(`${server.url}/huge.xml`, { allowPrivate: true, maxBytes: 1024 }), {
    code: 'too_large',
  });
});
