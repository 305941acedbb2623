// The feed commands end to end: add (with discovery), import, poll --once, the health table with
// every failure category, export, remove, and feeds parse --jsonl.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.ts';
import { buildOpml } from '../../src/ingest/index.ts';
import { startFixtureServer, type FixtureServer } from './fixture-server.ts';

let server: FixtureServer;
let dataDir: string;

before(async () => {
  server = await startFixtureServer();
  dataDir = mkdtempSync(join(tmpdir(), 'sitrep-feeds-cli-'));
});
after(async () => {
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(['--data-dir', dataDir, ...argv], {
    stdout: (t) => void (out += t),
    stderr: (t) => void (err += t),
    stdin: Readable.from([]),
    interactive: false,
    env: {},
  });
  return { code, out, err };
}

const FAILING: [string, string][] = [
  ['/slow.xml', 'timeout'],
  ['/rate-limited.xml', 'http_4xx'],
  ['/missing.xml', 'http_4xx'],
  ['/error.xml', 'http_5xx'],
  ['/huge.xml', 'too_large'],
  ['/private/feed.xml', 'blocked_by_robots'],
  ['/not-a-feed.html', 'parse_error'],
];

test('feeds add discovers the feed of a page; a page without one is an error', async () => {
  const added = await run('feeds', 'add', '--allow-private', `${server.url}/site.html`);
  assert.equal(added.code, 0, added.err);
  assert.match(
    added.out,
    new RegExp(`added 1 ${server.url}/feed.xml \\(found on ${server.url}/site.html\\)`),
  );
  const none = await run('feeds', 'add', '--allow-private', `${server.url}/not-a-feed.html`);
  assert.equal(none.code, 1);
  assert.match(none.err, /names no readable feed/);
  const blocked = await run('feeds', 'add', `${server.url}/feed.xml`);
  assert.equal(blocked.code, 1, 'loopback needs --allow-private');
  assert.match(blocked.err, /blocked_private_address/);
});

test('poll --once records each failure category and feeds list shows it on the feed row', async () => {
  const opml = join(dataDir, 'subs.opml');
  const urls = [
    ...FAILING.map(([path]) => `${server.url}${path}`),
    'http://sitrep-test.invalid/feed.xml',
    `https://127.0.0.1:${new URL(server.url).port}/feed.xml`,
  ];
  writeFileSync(opml, buildOpml(urls.map((url) => ({ url, title: null, siteUrl: null }))));
  const imported = await run('feeds', 'import', opml);
  assert.match(imported.out, /imported 9 new feeds of 9/);

  const poll = await run(
    'poll',
    '--once',
    '--allow-private',
    '--delay',
    '0',
    '--timeout',
    '3000',
    '--max-size',
    '1MB',
  );
  assert.equal(poll.code, 1, 'some feeds failed');
  assert.match(poll.out, /polled 10 feeds: 1 updated, 9 failed, 3 new items/);

  const list = await run('feeds', 'list');
  const rows = list.out.split('\n');
  const expected: [string, string][] = [
    ...FAILING.map(([path, category]): [string, string] => [`${server.url}${path}`, category]),
    ['http://sitrep-test.invalid/feed.xml', 'dns'],
    [`https://127.0.0.1:${new URL(server.url).port}/feed.xml`, 'tls'],
  ];
  for (const [url, category] of expected) {
    const row = rows.find((line) => line.includes(` ${url} `));
    assert.ok(row, `a row for ${url}`);
    assert.match(row, new RegExp(`  ${category}: `), `${url} shows ${category}: ${row}`);
  }
  const healthy = rows.find((line) => line.includes(` ${server.url}/feed.xml `));
  assert.match(healthy ?? '', /Fixture news .* - +3 /, 'the working feed: no error, 3 items');
});

test('feeds export prints OPML of every feed; remove by id and by url', async () => {
  const exported = await run('feeds', 'export');
  assert.match(exported.out, /^<\?xml/);
  assert.match(exported.out, new RegExp(`xmlUrl="${server.url}/feed.xml"`));
  assert.equal((exported.out.match(/<outline /g) ?? []).length, 10);
  assert.equal((await run('feeds', 'remove', '1')).code, 0);
  assert.equal((await run('feeds', 'remove', `${server.url}/error.xml`)).code, 0);
  const missing = await run('feeds', 'remove', '999');
  assert.equal(missing.code, 1);
  assert.match(missing.err, /999: no such feed/);
  const json = JSON.parse((await run('feeds', 'list', '--json')).out) as { url: string }[];
  assert.equal(json.length, 8);
});

test('poll needs exactly one of --once and --watch', async () => {
  const result = await run('poll');
  assert.equal(result.code, 2);
  assert.match(result.err, /exactly one of --once/);
});

test('feeds parse --jsonl prints one line per file, errors included', async () => {
  const good = fileURLToPath(new URL('../fixtures/ingest/rss10-rdf.xml', import.meta.url));
  const bad = join(dataDir, 'page.html');
  writeFileSync(bad, '<html><body>no feed</body></html>');
  const result = await run('feeds', 'parse', '--jsonl', good, bad);
  assert.equal(result.code, 1);
  const [first, second] = result.out
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  assert.equal(first?.input, good);
  assert.equal((first?.feed as { items: unknown[] }).items.length, 2);
  assert.deepEqual(Object.keys((first?.feed as object) ?? {}), ['title', 'link', 'items']);
  assert.equal((second?.error as { code: string }).code, 'parse_failed');
});
