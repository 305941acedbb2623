// A user's own API tokens over HTTP (create, list, revoke) and the discussion on a story, in-process
// on a real SQLite store holding the bundled seed and a traced copy of it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { createApp } from '../../src/server/index.ts';
import { openApiDocument } from '../../src/server/openapi.ts';
import { openStore, type Store, type FeedStore } from '../../src/store/index.ts';
import { addPage } from '../../src/pipeline/index.ts';
import { loadInput } from '../../src/ingest/index.ts';
import { tempDir } from '../helpers/cli.ts';
import { tokenHeaders } from '../helpers/auth.ts';
import { buildDocument } from '../store/news-builder.ts';
import { kenya } from '../store/stories.ts';

const SEED = new URL('../../sample-data/zerohedge-iran-china-2022-04-27.txt', import.meta.url).pathname;
const dir = tempDir();
let store: Store;
let app: ReturnType<typeof createApp>;
let feeds: FeedStore;
let seedId = '';
let copyId = '';
let admin: Record<string, string> = {};
let reader: Record<string, string> = {};

before(async () => {
  store = await openStore({ kind: 'sqlite', path: join(dir.path, 'tokens.db') });
  seedId = (await addPage(store, await loadInput(SEED))).id;
  copyId = (await store.addDocument(buildDocument(kenya))).id;
  // The seed names a story; the other document is filed as a copy of it.
  const origin = { parent: null, origin: seedId, relation: null, story: seedId, shared: 0 } as const;
  await store.saveTrace({ record: { documentId: seedId, seq: 1, ...origin }, reparented: [] });
  await store.saveTrace({
    record: {
      documentId: copyId,
      seq: 2,
      parent: seedId,
      origin: seedId,
      relation: 'identical',
      story: seedId,
      shared: 1,
    },

    reparented: [],
  });
  feeds = store.feeds;
  app = createApp({ store, feeds });
  admin = await tokenHeaders(store, 'ada', 'admin');
  reader = await tokenHeaders(store, 'rita', 'reader');
});
after(async () => {
  await store.close();
  dir.remove();
});

const call = (method: string, path: string, auth: Record<string, string>, body?: unknown) =>
  app.request(path, {
    method,
    headers: { 'content-type': 'application/json', ...auth },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

interface TokenOut {
  id: string;
  label: string;
  createdAt: string;
}

test('a signed-in user creates, lists and revokes their own API tokens; the token is shown once', async () => {
  const created = await call('POST', '/api/auth/tokens', reader, { label: 'nightly export' });
  assert.equal(created.status, 201);
  const { token, id, label } = (await created.json()) as TokenOut & { token: string };
  assert.match(token, /^sitrep_[\w-]{40,}$/);
  assert.match(id, /^[0-9a-f]{16}$/);
  assert.equal(label, 'nightly export');
  const bearer = { authorization: `Bearer ${token}` };
  const me = (await (await call('GET', '/api/auth/me', bearer)).json()) as { user: { name: string } };
  assert.equal(me.user.name, 'rita', 'the new token signs in as its owner');

  const listText = await (await call('GET', '/api/auth/tokens', bearer)).text();
  assert.ok(!listText.includes(token), 'the token is never listed');
  const listed = (JSON.parse(listText) as { tokens: TokenOut[] }).tokens;
  assert.deepEqual(listed.map((t) => t.label).sort(), ['nightly export', 'test']);
  assert.ok(listed.some((t) => t.id === id));

  // Another user cannot see or revoke it.
  const adminList = (await (await call('GET', '/api/auth/tokens', admin)).json()) as { tokens: TokenOut[] };
  assert.ok(!adminList.tokens.some((t) => t.id === id));
  assert.equal((await call('DELETE', `/api/auth/tokens/${id}`, admin)).status, 404);

  assert.equal((await call('DELETE', `/api/auth/tokens/${id}`, reader)).status, 204);
  const refused = await call('GET', '/api/auth/me', bearer);
  assert.equal(refused.status, 401, 'a revoked token is refused');
  assert.match(await refused.text(), /revoked or mistyped/);
  assert.equal((await call('DELETE', `/api/auth/tokens/${id}`, reader)).status, 404, 'gone already');

  assert.equal((await call('GET', '/api/auth/tokens', {})).status, 401, 'anonymous has no tokens');
  assert.equal((await call('POST', '/api/auth/tokens', {}, {})).status, 401);
  const badLabel = await call('POST', '/api/auth/tokens', reader, { label: '', extra: 1 });
  assert.equal(badLabel.status, 400);
});

test('a story has its own discussion: held, moderated, threaded, never mixed with the article, email never shown', async () => {
  const email = 'story.reader@example.net';
  const posted = await call('POST', `/api/stories/${seedId}/comments`, reader, {
    name: 'Noor',
    email,
    body: 'Two of these reports look like the same wire copy.',
  });
  assert.equal(posted.status, 202, 'a first comment from an unknown email waits');
  const held = ((await posted.json()) as { comment: { id: string; status: string } }).comment;
  assert.equal(held.status, 'pending');
  const publicList = async () =>
    (
      (await (await call('GET', `/api/stories/${seedId}/comments`, {})).json()) as {
        comments: { id: string }[];
      }
    ).comments;
  assert.deepEqual(await publicList(), []);
  assert.equal((await call('POST', `/api/comments/${held.id}/approve`, admin)).status, 200);
  assert.deepEqual(
    (await publicList()).map((c) => c.id),
    [held.id],
  );
  const reply = await call('POST', `/api/stories/${seedId}/comments`, reader, {
    name: 'Noor',
    email,
    body: 'The second one drops the last paragraph.',
    parentId: held.id,
  });
  assert.equal(reply.status, 201, 'a known email is published at once');

  const onArticle = (await (await call('GET', `/api/documents/${seedId}/comments`, {})).json()) as {
    comments: unknown[];
  };
  assert.deepEqual(onArticle.comments, [], "the article's own discussion stays apart");
  const queue = (await (await call('GET', '/api/comments?status=approved', admin)).json()) as {
    comments: { id: string; storyId?: string }[];
  };
  assert.equal(queue.comments.find((c) => c.id === held.id)?.storyId, seedId);

  for (const path of [`/api/stories/${copyId}/comments`, '/api/stories/0000000000000000/comments']) {
    assert.equal((await call('GET', path, {})).status, 404, path);
    const post = await call('POST', path, reader, { name: 'N', email, body: 'Hello there.' });
    assert.equal(post.status, 404, path);
    assert.match(await post.text(), /no story with id/);
  }
  assert.equal(
    (await call('POST', `/api/stories/${seedId}/comments`, {}, { name: 'N', email, body: 'Hi.' })).status,
    401,
    'commenting needs a login',
  );
  for (const path of [`/api/stories/${seedId}/comments`, '/api/comments?status=approved']) {
    const text = await (await call('GET', path, admin)).text();
    assert.ok(!text.includes(email), path);
  }
});

test('every documented write route refuses a request without a session or token, and any from another origin', async () => {
  const paths = (openApiDocument() as { paths: Record<string, Record<string, unknown>> }).paths;
  const writes = Object.entries(paths).flatMap(([path, methods]) =>
    Object.keys(methods)
      .filter((m) => ['post', 'put', 'patch', 'delete'].includes(m))
      .map((m) => [m.toUpperCase(), path.replace(/\{[^}]+\}/g, seedId)] as const),
  );
  assert.ok(writes.length >= 15, `${writes.length} write routes`);
  const before = await store.stats();
  const open = new Set(['POST /api/auth/login', 'POST /api/auth/logout']);
  for (const [method, path] of writes) {
    const key = `${method} ${path.replace(seedId, '{id}')}`;
    const body = JSON.stringify({
      text: 'Officials said the talks would resume.',
      url: 'https://x.example/',
    });
    const anonymous = await app.request(path, {
      method,
      headers: { 'content-type': 'application/json' },
      body,
    });
    if (!open.has(key)) {
      assert.equal(anonymous.status, 401, `${key} without a login`);
      assert.equal(((await anonymous.json()) as { error: { code: string } }).error.code, 'unauthorized');
    }
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/json']) {
      const foreign = await app.request(path, {
        method,
        headers: { 'content-type': type, origin: 'https://evil.example', ...admin },
        body,
      });
      assert.equal(foreign.status, 403, `${key} as ${type} from another origin, with an admin token`);
    }
  }
  assert.deepEqual(await store.stats(), before, 'nothing changed');
  assert.equal((await store.listUsers()).length, 2);
});
