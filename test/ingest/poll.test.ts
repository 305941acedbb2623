// Polling against the fixture server: new items once, 304s, lying validators, duplicates, full
// content, permanent redirects, failures with backoff and Retry-After, retries of failed items.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { Fetcher, pollDue, pollFeed, type FeedItem } from '../../src/ingest/index.ts';
import { openStore, type FeedStore, type Store } from '../../src/store/index.ts';
import type { PollDeps } from '../../src/ingest/poll/index.ts';
import type { RawInput } from '../../src/extract/index.ts';
import { startFixtureServer, type FixtureServer } from './fixture-server.ts';
import { tempDir } from '../helpers/cli.ts';

let server: FixtureServer;
let fetcher: Fetcher;
/** Each harness's store (the registry polling writes to), closed at the end. */
const stores: Store[] = [];
const dir = tempDir('sitrep-poll-');

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
  for (const store of stores) await store.close();
  dir.remove();
});

interface Harness {
  registry: FeedStore;
  received: { item: FeedItem; page: RawInput }[];
  deps: PollDeps;
  poll: (path: string) => ReturnType<typeof pollFeed>;
}

async function harness(overrides: Partial<PollDeps> = {}): Promise<Harness> {
  const store = await openStore({ kind: 'sqlite', path: join(dir.path, `poll-${stores.length}.db`) });
  stores.push(store);
  const registry = store.feeds;
  const received: { item: FeedItem; page: RawInput }[] = [];
  const deps: PollDeps = {
    registry,
    fetcher,
    onItem: (item, page) => void received.push({ item, page }),
    ...overrides,
  };
  const poll = async (path: string) => {
    const url = path.startsWith('http') ? path : `${server.url}${path}`;
    const feed = (await registry.get(url)) ?? (await registry.add(url)).feed;
    return pollFeed(feed, deps);
  };
  return { registry, received, deps, poll };
}

test('new items are handed on once; the next poll is a 304', async () => {
  const h = await harness();
  const first = await h.poll('/feed.xml');
  assert.equal(first.status, 'updated');
  assert.equal(first.newItems, 3);
  assert.deepEqual(
    h.received.map((r) => r.item.title),
    ['Story 1', 'Story 2', 'Story 3'],
  );
  assert.match(
    h.received[0]?.page.bytes.toString() ?? '',
    /<h1>Story 1<\/h1>/,
    'the article page was fetched',
  );
  const second = await h.poll('/feed.xml');
  assert.equal(second.status, 'not_modified');
  assert.equal(h.received.length, 3);
  const health = await h.registry.get(`${server.url}/feed.xml`);
  assert.equal(health?.itemsSeen, 3);
  assert.equal(health?.etag, '"feed-v1"');
  assert.ok(health?.lastSuccessAt);
});

test('a server that keeps its ETag after a change is caught by the periodic unconditional poll', async () => {
  server.setVersion(1);
  const h = await harness({ unconditionalEvery: 3 });
  assert.equal((await h.poll('/changing.xml')).newItems, 1);
  server.setVersion(2);
  assert.equal((await h.poll('/changing.xml')).status, 'not_modified', 'the server lies with a 304');
  const third = await h.poll('/changing.xml');
  assert.equal(third.status, 'updated');
  assert.equal(third.newItems, 1);
  assert.equal(h.received.at(-1)?.item.title, 'Change 2');
});

test('a new ETag on the same bytes is recognised by content hash', async () => {
  const h = await harness();
  assert.equal((await h.poll('/new-etag-same-body.xml')).status, 'updated');
  assert.equal((await h.poll('/new-etag-same-body.xml')).status, 'unchanged');
});

test('no duplicates by GUID, link, or normalised URL (tracking parameters, fragment, trailing slash)', async () => {
  const h = await harness();
  const outcome = await h.poll('/dupes.xml');
  assert.deepEqual(
    h.received.map((r) => r.item.title),
    ['One', 'Two'],
  );
  assert.equal(outcome.newItems, 2);
});

test('two feeds carrying the same articles, polled at once, hand each article on once', async () => {
  const h = await harness();
  for (const path of ['/gzip.xml', '/brotli.xml', '/deflate.xml'])
    await h.registry.add(`${server.url}${path}`);
  const summary = await pollDue(h.deps, { concurrency: 3 });
  assert.equal(summary.polled, 3);
  assert.equal(summary.newItems, 3);
  assert.equal(new Set(h.received.map((r) => r.item.link)).size, 3);
});

test('complete feed content is used as the page; the article is not fetched', async () => {
  const h = await harness();
  await h.poll('/full-content.xml');
  assert.equal(h.received.length, 1);
  assert.match(h.received[0]?.page.bytes.toString() ?? '', /eastern span/);
  assert.equal(h.received[0]?.page.url, `${server.url}/articles/full.html`);
  assert.equal(server.hits.get('/articles/full.html'), undefined);
});

test('a permanent redirect chain moves the stored address', async () => {
  const h = await harness();
  const outcome = await h.poll('/moved.xml');
  assert.equal(outcome.movedTo, `${server.url}/feed.xml`);
  assert.equal((await h.registry.get(outcome.feedId))?.url, `${server.url}/feed.xml`);
  const temporary = await h.poll('/temporary.xml');
  assert.equal(temporary.movedTo, null, 'a 302 on the way keeps the address');
});

test('a failing feed backs off, stays visible, honours Retry-After, and is polled again', async () => {
  const h = await harness();
  const now = Date.now();
  const first = await h.poll('/error.xml');
  assert.equal(first.error?.category, 'http_5xx');
  const second = await h.poll('/error.xml');
  const record = await h.registry.get(`${server.url}/error.xml`);
  assert.equal(record?.errorCount, 2);
  assert.equal(record?.lastErrorCategory, 'http_5xx');
  assert.ok(second.nextPollAt > now, 'rescheduled, not dropped');
  const limited = await h.poll('/rate-limited.xml');
  assert.ok(limited.nextPollAt >= now + 7200_000, 'waits as long as Retry-After asks');
  const parseError = await h.poll('/not-a-feed.html');
  assert.equal(parseError.error?.category, 'parse_error');
});

test('items whose handling failed are retried on the next change', async () => {
  let failing = true;
  const h = await harness({
    onItem: (item) => {
      if (failing && item.title === 'Story 2') throw new Error('store is down');
    },
  });
  const first = await h.poll('/new-etag-same-body.xml');
  assert.equal(first.newItems, 2);
  assert.equal(first.itemFailures, 1);
  failing = false;
  const second = await h.poll('/new-etag-same-body.xml');
  assert.equal(second.status, 'updated', 'the hash was not kept, so the feed is read again');
  assert.equal(second.newItems, 1);
});

test('the schedule follows the feed TTL', async () => {
  const h = await harness();
  await h.poll('/ttl.xml');
  assert.equal((await h.registry.get(`${server.url}/ttl.xml`))?.intervalMinutes, 180);
});

test('an article page that is gone: the feed text stands in; with no feed text the item waits', async () => {
  const failures: string[] = [];
  const h = await harness({ onItemError: (_feed, item) => failures.push(item.title ?? '') });
  const outcome = await h.poll('/gone-pages.xml');
  assert.deepEqual(
    h.received.map((r) => r.item.title),
    ['Gone, with a short body'],
  );
  assert.match(h.received[0]?.page.bytes.toString() ?? '', /Only the teaser/);
  assert.deepEqual(failures, ['Gone, nothing else']);
  assert.equal(outcome.itemFailures, 1);
});
