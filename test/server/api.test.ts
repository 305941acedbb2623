// The HTTP API, in-process through app.request() (no ports), on a real SQLite store.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApp } from '../../src/server/index.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { tempDir } from '../helpers/cli.ts';
import { NEWS_PAGE } from '../helpers/pages.ts';
import { tokenHeaders } from '../helpers/auth.ts';

const dir = tempDir();
let store: Store;
let app: ReturnType<typeof createApp>;
let auth: Record<string, string> = {};

before(async () => {
  store = await openStore({ kind: 'sqlite', path: join(dir.path, 'api.db') });
  app = createApp({ store });
  auth = await tokenHeaders(store, 'ana', 'analyst');
});
after(async () => {
  await store.close();
  dir.remove();
});

const post = (path: string, body: unknown) =>
  app.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...auth },
    body: JSON.stringify(body),
  });

test('adding pasted HTML stores it once; the list, search and document routes return it', async () => {
  const first = await post('/api/documents', {
    html: NEWS_PAGE,
    url: 'https://harbourtimes.example/world/grain-corridor',
  });
  assert.equal(first.status, 201);
  const { id } = (await first.json()) as { id: string };
  const again = await post('/api/documents', {
    html: NEWS_PAGE,
    url: 'https://harbourtimes.example/world/grain-corridor',
  });
  assert.equal(again.status, 200);
  assert.deepEqual(await again.json(), { id, status: 'unchanged' });

  const list = (await (await app.request('/api/documents')).json()) as {
    total: number;
    items: { id: string }[];
  };
  assert.ok(list.items.some((d) => d.id === id));
  const search = (await (await app.request('/api/documents?q=grain%20corridor')).json()) as {
    items: { id: string; highlight: string }[];
  };
  assert.equal(search.items[0]?.id, id);
  assert.match(search.items[0]?.highlight ?? '', /\[/);

  const doc = (await (await app.request(`/api/documents/${id}`)).json()) as {
    reading: { article: { title: string; text: string } };
  };
  assert.equal(doc.reading.article.title, 'Ministers agree on grain corridor extension');
  assert.doesNotMatch(doc.reading.article.text, /Share on Facebook/);

  const raw = await app.request(`/api/documents/${id}/raw`);
  assert.equal(raw.headers.get('content-type'), 'text/plain; charset=utf-8');
  assert.equal(await raw.text(), NEWS_PAGE);
});

test('an uploaded plain-text file is read with the plain-text rules', async () => {
  const seed = readFileSync(
    new URL('../../sample-data/zerohedge-iran-china-2022-04-27.txt', import.meta.url),
  );
  const form = new FormData();
  form.append('file', new File([seed], 'seed.txt', { type: 'text/plain' }));
  const response = await app.request('/api/documents', { method: 'POST', body: form, headers: auth });
  assert.equal(response.status, 201);
  const { id } = (await response.json()) as { id: string };
  const doc = (await (await app.request(`/api/documents/${id}`)).json()) as {
    reading: { article: { byline: string } };
  };
  assert.equal(doc.reading.article.byline, 'Tyler Durden');
});

test('malformed requests get a 400 naming the field, never a stack trace', async () => {
  const cases: [Response | Promise<Response>, RegExp][] = [
    [app.request('/api/documents?limit=abc'), /limit/],
    [app.request('/api/documents?colour=red'), /colour/],
    [app.request('/api/events?dyad=IRN'), /dyad: give two actor codes/],
    [app.request('/api/events?since=yesterday'), /since: use YYYY/],
    [post('/api/documents', { url: 'not a url' }), /url/],
    [post('/api/documents', {}), /exactly one of/],
    [
      app.request('/api/documents', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...auth },
        body: '{oops',
      }),
      /not valid JSON/,
    ],
  ];
  for (const [pending, message] of cases) {
    const response = await pending;
    assert.equal(response.status, 400);
    const body = (await response.json()) as { error: { code: string; message: string } };
    assert.equal(body.error.code, 'invalid_input');
    assert.match(body.error.message, message);
    assert.doesNotMatch(body.error.message, /at \w+ \(/);
  }
});

test('bad pages map to clear statuses: empty 422, private URL 403, unknown id 404, unknown route 404', async () => {
  const empty = await post('/api/documents', { html: '   ' });
  assert.equal(empty.status, 422);
  const privateUrl = await post('/api/documents', { url: 'http://127.0.0.1:9/x.html' });
  assert.equal(privateUrl.status, 403);
  assert.match(
    ((await privateUrl.json()) as { error: { message: string } }).error.message,
    /private address/,
  );
  assert.equal((await app.request('/api/documents/doesnotexist')).status, 404);
  assert.equal((await app.request('/api/nothing-here')).status, 404);
});

test('analyze reads text without storing it and keeps the text unchanged', async () => {
  const before = ((await (await app.request('/api/documents')).json()) as { total: number }).total;
  const text = 'Officials in Ankara said the talks would resume next week.';
  const response = await post('/api/analyze', { text });
  assert.equal(response.status, 200);
  const reading = (await response.json()) as { article: { text: string }; entities: unknown[] };
  assert.equal(reading.article.text, text);
  assert.ok(Array.isArray(reading.entities));
  const after = ((await (await app.request('/api/documents')).json()) as { total: number }).total;
  assert.equal(after, before);
});

test('the OpenAPI document lists every API route and the dashboard is served with a strict CSP', async () => {
  const spec = (await (await app.request('/api/openapi.json')).json()) as {
    openapi: string;
    paths: Record<string, unknown>;
  };
  assert.equal(spec.openapi, '3.1.0');
  for (const path of [
    '/api/documents',
    '/api/documents/{id}',
    '/api/analyze',
    '/api/quotes',
    '/api/events',
  ]) {
    assert.ok(spec.paths[path], path);
  }
  const page = await app.request('/');
  assert.equal(page.status, 200);
  const html = await page.text();
  assert.match(html, /<div id="app">/);
  assert.match(html, /<script type="module" crossorigin src="\/assets\/index-[\w-]+\.js">/);
  assert.match(page.headers.get('content-security-policy') ?? '', /script-src 'self'/);
});

test('events are listed above the confidence threshold by default; confidence=0 lists them all', async () => {
  const seed = readFileSync(
    new URL('../../sample-data/zerohedge-iran-china-2022-04-27.txt', import.meta.url),
    'utf8',
  );
  assert.ok([200, 201].includes((await post('/api/documents', { text: seed })).status));
  type Page = { total: number; items: { confidence: number }[] };
  const shown = (await (await app.request('/api/events?limit=500')).json()) as Page;
  const all = (await (await app.request('/api/events?limit=500&confidence=0')).json()) as Page;
  assert.ok(shown.total > 0);
  assert.ok(all.total > shown.total, `${all.total} stored, ${shown.total} shown`);
  const threshold = Math.min(...shown.items.map((e) => e.confidence));
  assert.ok(all.items.some((e) => e.confidence < threshold));
  const bad = await app.request('/api/events?confidence=2');
  assert.equal(bad.status, 400);
  assert.match(await bad.text(), /confidence/);
});
