// Discussion, exports, strict input and the OpenAPI document, in-process on a real SQLite store
// holding the bundled seed article.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { createApp } from '../../src/server/index.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { addPage } from '../../src/pipeline/index.ts';
import { loadInput } from '../../src/ingest/index.ts';
import { GDELT_COLUMNS } from '../../src/export/index.ts';
import { tempDir } from '../helpers/cli.ts';
import { tokenHeaders } from '../helpers/auth.ts';

const SEED = new URL('../../sample-data/zerohedge-iran-china-2022-04-27.txt', import.meta.url).pathname;
const dir = tempDir();
let store: Store;
let app: ReturnType<typeof createApp>;
let seedId = '';
let admin: Record<string, string> = {};
let reader: Record<string, string> = {};

before(async () => {
  store = await openStore({ kind: 'sqlite', path: join(dir.path, 'api.db') });
  seedId = (await addPage(store, await loadInput(SEED))).id;
  app = createApp({ store });
  admin = await tokenHeaders(store, 'ada', 'admin');
  reader = await tokenHeaders(store, 'rita', 'reader');
});
after(async () => {
  await store.close();
  dir.remove();
});

const sendTo = (
  target: ReturnType<typeof createApp>,
  method: string,
  path: string,
  body: unknown,
  auth: Record<string, string>,
) =>
  target.request(path, {
    method,
    headers: { 'content-type': 'application/json', ...auth },
    body: JSON.stringify(body),
  });

const send = (method: string, path: string, body: unknown, auth: Record<string, string>) =>
  app.request(path, {
    method,
    headers: { 'content-type': 'application/json', ...auth },
    body: JSON.stringify(body),
  });

interface CommentOut {
  id: string;
  parentId: string | null;
  name: string;
  body: string;
  status: string;
}

const comments = async (auth: Record<string, string> = {}) =>
  (
    (await (await app.request(`/api/documents/${seedId}/comments`, { headers: auth })).json()) as {
      comments: CommentOut[];
    }
  ).comments;

test('a first comment waits for moderation; once approved, the same email is published at once, replies thread', async () => {
  const first = await send(
    'POST',
    `/api/documents/${seedId}/comments`,
    { name: 'Amina', email: 'amina@example.org', body: 'Which ministry said this?' },
    reader,
  );
  assert.equal(first.status, 202);
  const held = ((await first.json()) as { comment: CommentOut }).comment;
  assert.equal(held.status, 'pending');
  assert.deepEqual(await comments(), [], 'not shown before approval');
  assert.equal((await comments(admin)).length, 1, 'the moderator sees it');

  const queue = (await (await app.request('/api/comments?status=pending', { headers: admin })).json()) as {
    comments: (CommentOut & { documentId: string })[];
  };
  assert.deepEqual(
    queue.comments.map((c) => [c.id, c.documentId]),
    [[held.id, seedId]],
  );
  assert.equal((await app.request('/api/comments?status=pending', { headers: reader })).status, 403);
  assert.equal((await send('POST', `/api/comments/${held.id}/approve`, {}, reader)).status, 403);
  assert.equal((await send('POST', `/api/comments/${held.id}/approve`, {}, admin)).status, 200);

  const reply = await send(
    'POST',
    `/api/documents/${seedId}/comments`,
    { name: 'Amina', email: 'AMINA@example.org', body: 'Found it: the defence ministry.', parentId: held.id },
    reader,
  );
  assert.equal(reply.status, 201, 'a known email is published at once');
  const shown = await comments();
  assert.deepEqual(
    shown.map((c) => [c.name, c.parentId]),
    [
      ['Amina', null],
      ['Amina', held.id],
    ],
  );

  const list = (await (await app.request('/api/documents')).json()) as {
    items: { id: string; commentCount: number }[];
  };
  assert.equal(list.items.find((d) => d.id === seedId)?.commentCount, 2);

  assert.equal(
    (await send('PATCH', `/api/comments/${held.id}`, { body: 'Edited by the moderator.' }, admin)).status,
    200,
  );
  assert.equal((await comments())[0]?.body, 'Edited by the moderator.');
  assert.equal((await send('POST', `/api/comments/${held.id}/spam`, {}, admin)).status, 200);
  assert.equal((await comments()).length, 1, 'spam is hidden, the reply stays');
  assert.equal(
    (await app.request(`/api/comments/${held.id}`, { method: 'DELETE', headers: admin })).status,
    204,
  );
  assert.deepEqual(await comments(), [], 'deleting takes the replies too');
});

test('no response ever carries a commenter email', async () => {
  const email = 'private.person@example.net';
  await send('POST', `/api/documents/${seedId}/comments`, { name: 'P', email, body: 'Hello.' }, reader);
  for (const path of [
    `/api/documents/${seedId}/comments`,
    '/api/comments?status=pending',
    '/api/comments?status=approved',
    '/api/documents',
    `/api/documents/${seedId}`,
  ]) {
    const text = await (await app.request(path, { headers: admin })).text();
    assert.ok(!text.toLowerCase().includes(email), path);
  }
});

test('comment input: required fields, limits and the spam guard answer with the field named', async () => {
  const cases: [Record<string, unknown>, string, RegExp][] = [
    [{ email: 'a@example.org', body: 'x' }, 'name', /name is required/],
    [{ name: '   ', email: 'a@example.org', body: 'x' }, 'name', /name is required/],
    [{ name: 'A', body: 'x' }, 'email', /email is required/],
    [{ name: 'A', email: 'not an address', body: 'x' }, 'email', /not a valid address/],
    [{ name: 'A', email: 'a@example.org', body: '' }, 'body', /body is required/],
    [{ name: 'A', email: 'a@example.org', body: 'x'.repeat(5001) }, 'body', /longer than 5000/],
    [{ name: 'A'.repeat(101), email: 'a@example.org', body: 'x' }, 'name', /longer than 100/],
    [
      {
        name: 'A',
        email: 'a@example.org',
        body: 'see https://a.example https://b.example https://c.example',
      },
      'body',
      /at most 2 links/,
    ],
    [{ name: 'A', email: 'a@example.org', body: 'x', colour: 'red' }, 'colour', /colour/],
  ];
  for (const [body, field, message] of cases) {
    const response = await send('POST', `/api/documents/${seedId}/comments`, body, reader);
    assert.equal(response.status, 400, JSON.stringify(body));
    const error = ((await response.json()) as { error: { code: string; field: string; message: string } })
      .error;
    assert.equal(error.field, field);
    assert.match(error.message, message);
  }
  const bot = await send(
    'POST',
    `/api/documents/${seedId}/comments`,
    { name: 'B', email: 'b@example.org', body: 'Buy now', website: 'http://spam.example' },
    admin,
  );
  assert.equal(bot.status, 202, 'a filled honeypot looks held to the bot');
  assert.equal(
    (await store.listCommentsByStatus('spam')).items.at(-1)?.body,
    'Buy now',
    'but is stored as spam',
  );
  assert.equal(
    (
      await send(
        'POST',
        '/api/documents/0000000000000000/comments',
        { name: 'A', email: 'a@example.org', body: 'x' },
        admin,
      )
    ).status,
    404,
  );
});

test('comments from one address are rate limited', async () => {
  const fresh = createApp({ store });
  const statuses: number[] = [];
  for (let i = 0; i < 8; i++) {
    const response = await sendTo(
      fresh,
      'POST',
      `/api/documents/${seedId}/comments`,
      { name: 'Fast', email: 'fast@example.org', body: `Comment ${i}` },
      reader,
    );
    statuses.push(response.status);
  }
  assert.ok(statuses.includes(429), statuses.join(','));
});

test('the seed exported as GDELT reads back by column name', async () => {
  const response = await app.request('/api/export/events?format=gdelt');
  assert.equal(response.status, 200);
  assert.match(
    response.headers.get('content-disposition') ?? '',
    /attachment; filename="sitrep-events\.CSV"/,
  );
  const rows = (await response.text())
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const cells = line.split('\t');
      assert.equal(cells.length, 61);
      return Object.fromEntries(GDELT_COLUMNS.map((name, i) => [name, cells[i]!]));
    });
  const stored = await store.listEvents({ limit: 1000 });
  assert.equal(rows.length, stored.total);
  assert.ok(rows.length > 0);
  for (const row of rows) {
    assert.match(row.GLOBALEVENTID!, /^\d+$/);
    assert.match(row.SQLDATE!, /^20[12]\d{5}$/);
    assert.equal(row.MonthYear, row.SQLDATE!.slice(0, 6));
    assert.equal(row.Year, row.SQLDATE!.slice(0, 4));
    assert.ok(row.EventCode === '' || row.EventCode!.startsWith(row.EventRootCode!));
    assert.match(row.QuadClass!, /^[1-4]?$/);
    assert.match(row.DATEADDED!, /^\d{14}$/);
    assert.equal(row.NumArticles, '1');
  }
  const raisi = rows.find((r) => r.Actor1Name === 'EBRAHIM RAISI');
  assert.equal(raisi?.Actor1CountryCode, 'IRN');
  assert.equal(new Set(rows.map((r) => r.GLOBALEVENTID)).size, rows.length, 'ids are unique');
});

test('exports as CSV and JSON lines, with filters; bad combinations are 400', async () => {
  const csv = await (await app.request('/api/export/events?format=csv&actor=IRN')).text();
  const lines = csv.trimEnd().split('\r\n');
  assert.match(lines[0]!, /^document_id,date,plover,/);
  assert.equal(lines.length - 1, (await store.listEvents({ actor: 'IRN', limit: 1000 })).total);
  const quotes = (await (await app.request('/api/export/quotes')).text())
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { documentId: string });
  assert.equal(quotes.length, (await store.listQuotes({ limit: 1000 })).total);
  const docs = await (await app.request('/api/export/documents?format=jsonl&since=2022-04')).text();
  assert.equal(docs.trim().split('\n').length, 1);
  for (const [path, field] of [
    ['/api/export/quotes?format=gdelt', ''],
    ['/api/export/people', ''],
    ['/api/export/events?since=2022-13-45', 'since'],
    ['/api/export/events?format=xml', 'format'],
  ] as const) {
    const response = await app.request(path);
    assert.equal(response.status, 400, path);
    const error = ((await response.json()) as { error: { field?: string } }).error;
    if (field) assert.equal(error.field, field);
  }
});

test('strict input: url with text, whitespace text, impossible dates and unknown keys are 400 naming the field', async () => {
  const analyst = await tokenHeaders(store, 'ana', 'analyst');
  const cases: [Response | Promise<Response>, string, RegExp][] = [
    [
      send('POST', '/api/documents', { url: 'https://a.example/x', text: 'Some text here.' }, analyst),
      'url',
      /not both/,
    ],
    [send('POST', '/api/documents', { text: '  \n ' }, analyst), 'text', /empty/],
    [send('POST', '/api/documents', { url: 'javascript:alert(1)' }, analyst), 'url', /http/],
    [send('POST', '/api/analyze', { text: 'x', published: '2022-13-45' }, analyst), 'published', /ISO 8601/],
    [app.request('/api/events?since=2022-13-45'), 'since', /not a real date/],
    [app.request('/api/events?until=2023-02-29'), 'until', /not a real date/],
    [app.request('/api/quotes?limit=0'), 'limit', /limit/],
    [send('POST', '/api/users', { name: 'x y', role: 'admin' }, admin), 'name', /letters/],
    [send('POST', '/api/users', { name: 'xy', role: 'king' }, admin), 'role', /role/],
    [send('POST', '/api/auth/login', { name: '', password: 'x' }, {}), 'name', /user name/],
  ];
  for (const [pending, field, message] of cases) {
    const response = await pending;
    assert.equal(response.status, 400, `${field}: ${await response.clone().text()}`);
    const error = ((await response.json()) as { error: { code: string; field: string; message: string } })
      .error;
    assert.equal(error.code, 'invalid_input');
    assert.equal(error.field, field);
    assert.match(error.message, message);
  }
  assert.equal((await store.stats()).documents, 1, 'nothing was stored');
});

test('every registered route is in the OpenAPI document, and the documented error shape is what errors look like', async () => {
  const spec = (await (await app.request('/api/openapi.json')).json()) as {
    paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    components: { schemas: { Error: object } };
  };
  const routes = app.routes.filter(
    (r) => r.method !== 'ALL' && r.path.startsWith('/api/') && !r.path.includes('*'),
  );
  assert.ok(routes.length > 20);
  for (const route of routes) {
    const path = route.path.replace(/\/$/, '').replace(/:(\w+)/g, '{$1}');
    assert.ok(spec.paths[path]?.[route.method.toLowerCase()], `${route.method} ${path} is documented`);
  }
  for (const path of [
    '/api/actors/{name}',
    '/api/feeds',
    '/api/feeds/import',
    '/api/feeds/export',
    '/api/feeds/{id}',
  ])
    assert.ok(spec.paths[path], path);

  const validate = new Ajv({ strict: false }).compile(spec.components.schemas.Error);
  const produced: [string, string, Response | Promise<Response>][] = [
    ['/api/documents', 'post', send('POST', '/api/documents', { text: 'x' }, {})],
    ['/api/documents', 'post', send('POST', '/api/documents', { text: 'x' }, reader)],
    ['/api/documents', 'post', send('POST', '/api/documents', {}, admin)],
    ['/api/documents/{id}', 'get', app.request('/api/documents/nope')],
    ['/api/comments', 'get', app.request('/api/comments?status=nope', { headers: admin })],
    [
      '/api/auth/login',
      'post',
      send('POST', '/api/auth/login', { name: 'ada', password: 'wrong password' }, {}),
    ],
    ['/api/users/{name}', 'delete', app.request('/api/users/nobody', { method: 'DELETE', headers: admin })],
  ];
  for (const [path, method, pending] of produced) {
    const response = await pending;
    const body: unknown = await response.json();
    assert.ok(validate(body), `${method} ${path} ${response.status}: ${JSON.stringify(validate.errors)}`);
    assert.ok(
      spec.paths[path]?.[method]?.responses[String(response.status)],
      `${response.status} documented for ${method} ${path}`,
    );
  }
});
