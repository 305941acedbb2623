// A real server on 127.0.0.1: reading runs in the worker pool, so read endpoints answer while a
// heavy analysis runs; excess heavy requests are refused with Retry-After; shutdown drains.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startServer, type RunningServer } from '../../src/server/index.ts';
import { createReadPool, type Reader } from '../../src/pipeline/index.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { tempDir } from '../helpers/cli.ts';
import { NEWS_PAGE } from '../helpers/pages.ts';
import { tokenHeaders } from '../helpers/auth.ts';

const SAMPLE = readFileSync(
  new URL('../../sample-data/zerohedge-iran-china-2022-04-27.txt', import.meta.url),
  'utf8',
);
// About 60 KB of news text: seconds of reading, far longer than a listing takes.
const HEAVY_TEXT = Array.from({ length: 12 }, () => SAMPLE).join('\n\n');

// A loaded test machine can take longer than the default 30 s limit over the heavy text.
const GENEROUS_MS = 600_000;
const dir = tempDir();
let store: Store;
let reader: Reader;
let auth: Record<string, string>;

before(async () => {
  store = await openStore({ kind: 'sqlite', path: join(dir.path, 'load.db') });
  reader = createReadPool({ threads: 1 });
  auth = await tokenHeaders(store, 'ana', 'analyst');
  await store.addDocument({
    raw: Buffer.from(NEWS_PAGE),
    contentType: 'text/html',
    origin: 'news.html',
    reading: await reader.read({
      kind: 'page',
      input: { bytes: Buffer.from(NEWS_PAGE), contentType: 'text/html', url: null, name: 'news.html' },
    }),
  });
});
after(async () => {
  await reader.close();
  await store.close();
  dir.remove();
});

function analyze(server: RunningServer, text: string): Promise<Response> {
  return fetch(new URL('api/analyze', server.url), {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json' },
    body: JSON.stringify({ text }),
  });
}

async function untilReading(): Promise<void> {
  for (let i = 0; i < 2000 && reader.pending === 0; i++) await sleep(5);
  assert.ok(reader.pending > 0, 'the heavy analysis never reached the pool');
}

test('listings answer while a heavy analysis runs; a second heavy request gets 503 with Retry-After', async () => {
  const server = await startServer(
    { store, reader, limits: { maxConcurrent: 1, timeoutMs: GENEROUS_MS } },
    0,
  );
  try {
    let heavyDone = false;
    const heavy = analyze(server, HEAVY_TEXT).then((response) => {
      heavyDone = true;
      return response;
    });
    await untilReading();

    const refused = await analyze(server, SAMPLE);
    assert.equal(refused.status, 503);
    assert.ok(Number(refused.headers.get('retry-after')) > 0);
    const body = (await refused.json()) as { error: { code: string } };
    assert.equal(body.error.code, 'busy');

    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      const listing = await fetch(new URL('api/documents?limit=5', server.url));
      assert.equal(listing.status, 200);
      assert.equal(((await listing.json()) as { total: number }).total, 1);
      // Generous sanity only: the point is that it answered before the analysis finished.
      assert.ok(performance.now() - started < 10_000);
    }
    assert.equal(heavyDone, false, 'the analysis finished before the listings: the input is too light');

    const response = await heavy;
    assert.equal(response.status, 200);
    const reading = (await response.json()) as { article: { text: string }; entities: unknown[] };
    assert.equal(reading.article.text, HEAVY_TEXT);
    assert.ok(reading.entities.length > 0);
  } finally {
    await server.close();
  }
});

test('a reading over the time limit is refused with read_timeout, and the next one works', async () => {
  const server = await startServer({ store, reader, limits: { timeoutMs: 30 } }, 0);
  try {
    const slow = await analyze(server, HEAVY_TEXT);
    assert.equal(slow.status, 503);
    const body = (await slow.json()) as { error: { code: string; message: string } };
    assert.equal(body.error.code, 'read_timeout');
    assert.match(body.error.message, /30 ms/);
  } finally {
    await server.close();
  }
  const server2 = await startServer({ store, reader, limits: { timeoutMs: GENEROUS_MS } }, 0);
  try {
    const ok = await analyze(server2, SAMPLE);
    assert.equal(ok.status, 200);
  } finally {
    await server2.close();
  }
});

test('shutdown lets an analysis in flight finish, then refuses connections', async () => {
  const server = await startServer({ store, reader, limits: { timeoutMs: GENEROUS_MS } }, 0);
  const heavy = analyze(server, HEAVY_TEXT);
  await untilReading();
  const closed = server.close();
  const response = await heavy;
  assert.equal(response.status, 200);
  assert.equal(((await response.json()) as { article: { text: string } }).article.text, HEAVY_TEXT);
  await closed;
  await assert.rejects(fetch(new URL('api/health', server.url)));
});
