// Feeds and actor routes of the HTTP API, in-process, against a feed served on 127.0.0.1.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createApp } from '../../src/server/index.ts';
import { openStore, type Store, type FeedStore } from '../../src/store/index.ts';
import { tempDir } from '../helpers/cli.ts';
import { tokenHeaders } from '../helpers/auth.ts';

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Harbour Times — World</title><link>https://harbourtimes.example/world</link>
<item><title>Ministers agree on grain corridor extension</title><link>https://harbourtimes.example/world/grain</link>
<guid>ht-1</guid><pubDate>Tue, 14 Mar 2023 09:30:00 GMT</pubDate></item></channel></rss>`;

const dir = tempDir();
let fixture: Server;
let base = '';
let store: Store;
let feeds: FeedStore;
let app: ReturnType<typeof createApp>;
let auth: Record<string, string> = {};

before(async () => {
  fixture = createServer((req, res) => {
    if (req.url === '/robots.txt') return void res.writeHead(404).end();
    if (req.url === '/world.rss')
      return void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(RSS);
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(
      '<html><head><link rel="alternate" type="application/rss+xml" href="/world.rss"></head><body>Site</body></html>',
    );
  });
  await new Promise<void>((resolve) => fixture.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(fixture.address() as AddressInfo).port}`;
  store = await openStore({ kind: 'sqlite', path: join(dir.path, 'api.db') });
  feeds = store.feeds;
  app = createApp({ store, feeds, allowPrivate: true });
  auth = await tokenHeaders(store, 'ana', 'analyst');
});

after(async () => {
  await store.close();
  fixture.close();
  dir.remove();
});

test('following a site discovers its feed; the list, OPML export and delete work', async () => {
  const response = await app.request('/api/feeds', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...auth },
    body: JSON.stringify({ url: `${base}/` }),
  });
  assert.equal(response.status, 201);
  const added = (await response.json()) as { feed: { id: number; url: string; title: string } };
  assert.equal(added.feed.url, `${base}/world.rss`);
  assert.equal(added.feed.title, 'Harbour Times — World');

  const list = (await (await app.request('/api/feeds')).json()) as { items: { url: string }[] };
  assert.deepEqual(
    list.items.map((f) => f.url),
    [`${base}/world.rss`],
  );
  const opml = await (await app.request('/api/feeds/export')).text();
  assert.match(opml, new RegExp(`xmlUrl="${base}/world.rss"`));

  assert.equal(
    (await app.request(`/api/feeds/${added.feed.id}`, { method: 'DELETE', headers: auth })).status,
    200,
  );
  assert.equal(
    (await app.request(`/api/feeds/${added.feed.id}`, { method: 'DELETE', headers: auth })).status,
    404,
  );
});

test('an OPML upload adds its feeds and reports what it skipped', async () => {
  const form = new FormData();
  const opml = `<?xml version="1.0"?><opml version="2.0"><head><title>mine</title></head><body>
<outline text="A" type="rss" xmlUrl="https://a.example/feed.xml"/><outline text="B" type="rss" xmlUrl="ftp://b.example/feed"/></body></opml>`;
  form.append('file', new File([opml], 'mine.opml', { type: 'text/xml' }));
  const response = await app.request('/api/feeds/import', { method: 'POST', body: form, headers: auth });
  assert.equal(response.status, 200);
  assert.deepEqual(await response.json(), { found: 2, added: 1, skipped: ['ftp://b.example/feed'] });
});

test('a malformed feed request is a 400 naming the field', async () => {
  const response = await app.request('/api/feeds', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...auth },
    body: JSON.stringify({ url: 'feeds please' }),
  });
  assert.equal(response.status, 400);
  assert.match(((await response.json()) as { error: { message: string } }).error.message, /url/);
});

test('the actor route gives the knowledge base roles over time, and null for an unknown name', async () => {
  const raisi = (await (await app.request('/api/actors/Raisi')).json()) as {
    actor: { id: string; name: string; country: string };
    roles: { role: string; from: string }[];
  };
  assert.equal(raisi.actor.name, 'Ebrahim Raisi');
  assert.equal(raisi.actor.id, 'person:ebrahim-raisi');
  assert.equal(raisi.actor.country, 'IRN');
  assert.ok(raisi.roles.some((r) => r.role === 'President' && r.from.startsWith('2021')));
  const unknown = (await (await app.request('/api/actors/Quentin%20Zzyzx')).json()) as { actor: unknown };
  assert.equal(unknown.actor, null);
});
