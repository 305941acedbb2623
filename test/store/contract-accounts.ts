// The store contract for accounts, comments, exports and the folded article list; contract.test.ts runs these on both databases.
import assert from 'node:assert/strict';
import { SitrepError } from '../../src/model/index.ts';
import type { Store, TraceRecord } from '../../src/store/index.ts';
import { buildDocument } from './news-builder.ts';
import { allStories, brazil, germany, japan, kenya } from './stories.ts';
import type { StoreHarness } from './targets.ts';

type Case = (h: StoreHarness) => Promise<void>;

async function collect<T>(rows: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const row of rows) out.push(row);
  return out;
}

const comment = (documentId: string, over: Partial<Parameters<Store['addComment']>[0]> = {}) => ({
  documentId,
  parentId: null,
  name: 'Amina',
  email: 'Amina@Example.org',
  body: 'The figures in the third paragraph do not add up.',
  status: 'approved' as const,
  ...over,
});

/** A trace record as the tracer writes it: an origin (no parent) or a copy. */
const trace = (
  documentId: string,
  seq: number,
  story: string,
  parent: string | null = null,
): TraceRecord => ({
  documentId,
  seq,
  parent,
  origin: parent ?? documentId,
  relation: parent ? 'identical' : null,
  story,
  shared: parent ? 1 : 0,
});

export const accountCases: Record<string, Case> = {
  async 'documents: a folded list shows origins only, each with its copies in arrival order'({ store }) {
    const [a, b, c, d] = await Promise.all(
      [kenya, brazil, japan, germany].map(async (s) => (await store.addDocument(buildDocument(s))).id),
    );
    await store.saveTrace({ record: trace(a!, 1, a!), reparented: [] });
    await store.saveTrace({ record: trace(b!, 2, a!, a!), reparented: [] });
    await store.saveTrace({ record: trace(c!, 3, c!), reparented: [] });
    // d is a copy of the copy b: its origin is a
    await store.saveTrace({
      record: { ...trace(d!, 4, a!, b!), origin: a!, relation: 'rewrite', shared: 0.6 },

      reparented: [],
    });

    const flat = await store.listDocuments();
    assert.equal(flat.total, 4);
    assert.equal(flat.items[0]?.copies, undefined, 'an unfolded list carries no copies');

    const folded = await store.listDocuments({ foldCopies: true });
    assert.equal(folded.total, 2, 'two origins');
    const origin = folded.items.find((i) => i.id === a);
    assert.equal(origin?.copyCount, 2);
    assert.deepEqual(
      origin?.copies?.map((x) => [x.id, x.parent, x.relation, x.shared]),
      [
        [b, a, 'identical', 1],
        [d, b, 'rewrite', 0.6],
      ],
    );
    assert.equal(origin?.copies?.[1]?.title, germany.title);
    const lone = folded.items.find((i) => i.id === c);
    assert.deepEqual([lone?.copyCount, lone?.copies], [0, []]);
    assert.deepEqual(
      folded.items.map((i) => i.id),
      flat.items.map((i) => i.id).filter((id) => id === a || id === c),
      'origins keep the newest-first order',
    );

    const capped = await store.listDocuments({ foldCopies: true, copiesPerOrigin: 1 });
    const cappedOrigin = capped.items.find((i) => i.id === a);
    assert.deepEqual([cappedOrigin?.copyCount, cappedOrigin?.copies?.length], [2, 1]);
    const second = await store.listDocuments({ foldCopies: true, limit: 1, offset: 1 });
    assert.deepEqual([second.total, second.items.length], [2, 1]);
  },

  async 'API tokens: listed by an id from their hash (never the secret), revoked one at a time, only by their owner'({
    store,
  }) {
    await store.addUser({ name: 'zoe', role: 'reader', passwordHash: 'scrypt$1' });
    await store.addUser({ name: 'ada', role: 'admin', passwordHash: 'scrypt$2' });
    const hashA = 'a1'.repeat(32);
    const hashB = 'b2'.repeat(32);
    await store.addToken({ tokenHash: hashA, userName: 'zoe', label: 'nightly export' });
    await store.addToken({ tokenHash: hashB, userName: 'zoe', label: 'notebook' });
    await store.addToken({ tokenHash: 'c3'.repeat(32), userName: 'ada', label: 'admin script' });
    const listed = await store.listTokens('zoe');
    assert.deepEqual(listed.map((t) => [t.id, t.label]).sort(), [
      [hashA.slice(0, 16), 'nightly export'],
      [hashB.slice(0, 16), 'notebook'],
    ]);
    assert.ok(listed.every((t) => !JSON.stringify(t).includes(hashA) && t.createdAt.endsWith('Z')));
    assert.equal(await store.revokeToken('ada', hashA.slice(0, 16)), false, 'not her token');
    assert.equal(await store.revokeToken('zoe', 'a1'), false, 'a short prefix is no id');
    assert.equal(await store.revokeToken('zoe', hashA.slice(0, 16)), true);
    assert.equal(await store.revokeToken('zoe', hashA.slice(0, 16)), false, 'gone already');
    assert.equal(await store.tokenUser(hashA), null, 'a revoked token no longer signs in');
    assert.equal((await store.tokenUser(hashB))?.name, 'zoe');
    assert.deepEqual(
      (await store.listTokens('zoe')).map((t) => t.label),
      ['notebook'],
    );
    assert.deepEqual(await store.listTokens('nobody'), []);
  },

  async 'story comments: kept apart from the article discussion, found from any story they joined'({
    store,
  }) {
    const a = (await store.addDocument(buildDocument(kenya))).id;
    const b = (await store.addDocument(buildDocument(brazil))).id;
    const c = (await store.addDocument(buildDocument(japan))).id;
    await store.saveTrace({ record: trace(a, 1, a), reparented: [] });
    await store.saveTrace({ record: trace(b, 2, a, a), reparented: [] });
    await store.saveTrace({ record: trace(c, 3, c), reparented: [] });

    const onStory = await store.addComment(
      comment(a, { storyId: a, body: 'Which of these reports came first?' }),
    );
    assert.equal(onStory.storyId, a);
    const onArticle = await store.addComment(comment(a));
    assert.equal(onArticle.storyId, null);
    assert.deepEqual(
      (await store.listStoryComments(a))?.map((x) => x.id),
      [onStory.id],
    );
    assert.deepEqual(
      (await store.listComments(a)).map((x) => x.id),
      [onArticle.id],
      'the article discussion does not show story comments',
    );
    const summary = (await store.listDocuments()).items.find((d) => d.id === a);
    assert.equal(summary?.commentCount, 1, 'story comments are not counted on the article');

    assert.equal(await store.listStoryComments(b), null, 'a copy names no story');
    assert.equal(await store.listStoryComments('0000000000000000'), null);
    await assert.rejects(
      store.addComment(comment(b, { storyId: b })),
      (e: unknown) => e instanceof SitrepError && e.code === 'not_found' && e.message.includes('no story'),
    );
    await assert.rejects(
      store.addComment(comment(a, { storyId: a, parentId: onArticle.id })),
      (e: unknown) =>
        e instanceof SitrepError && e.code === 'invalid_input' && e.message.startsWith('parentId'),
    );
    await assert.rejects(
      store.addComment(comment(a, { parentId: onStory.id })),
      (e: unknown) => e instanceof SitrepError && e.code === 'invalid_input',
    );
    const reply = await store.addComment(comment(a, { storyId: a, parentId: onStory.id, name: 'Ben' }));
    assert.equal(reply.parentId, onStory.id);

    // Story c turns out to be part of story a: its discussion follows.
    const onC = await store.addComment(comment(c, { storyId: c, status: 'pending' }));
    assert.deepEqual(await store.listStoryComments(c), [], 'pending is not shown by default');
    await store.saveTrace({ record: trace(c, 3, a), reparented: [] });
    assert.deepEqual(
      (await store.listStoryComments(a, ['approved', 'pending']))?.map((x) => x.id),
      [onStory.id, reply.id, onC.id],
    );
    const queue = await store.listCommentsByStatus('pending');
    assert.equal(queue.items[0]?.storyId, c);
  },

  async 'users: added once, listed by name, password changes end their sessions, removal takes tokens'({
    store,
  }) {
    await store.addUser({ name: 'zoe', role: 'reader', passwordHash: 'scrypt$1' });
    await store.addUser({ name: 'ada', role: 'admin', passwordHash: 'scrypt$2' });
    await assert.rejects(store.addUser({ name: 'ada', role: 'reader', passwordHash: 'x' }), (e: unknown) => {
      assert.ok(e instanceof SitrepError && e.code === 'invalid_input' && e.message.includes("'ada'"));
      return true;
    });
    assert.deepEqual(
      (await store.listUsers()).map((u) => [u.name, u.role]),
      [
        ['ada', 'admin'],
        ['zoe', 'reader'],
      ],
    );
    assert.equal(await store.countUsers(), 2);
    assert.equal((await store.getUser('ada'))?.passwordHash, 'scrypt$2');
    assert.equal(await store.getUser('nobody'), null);

    const future = new Date(Date.now() + 3_600_000).toISOString();
    await store.addSession({ idHash: 'h1', userName: 'zoe', expiresAt: future });
    assert.equal((await store.sessionUser('h1'))?.name, 'zoe');
    assert.equal(
      await store.sessionUser('h1', new Date(Date.now() + 7_200_000).toISOString()),
      null,
      'expired',
    );
    assert.equal(await store.setPasswordHash('zoe', 'scrypt$3'), true);
    assert.equal(await store.sessionUser('h1'), null, 'a new password ends the session');
    assert.equal(await store.setPasswordHash('nobody', 'x'), false);

    await store.addSession({ idHash: 'h2', userName: 'zoe', expiresAt: future });
    await store.deleteSession('h2');
    assert.equal(await store.sessionUser('h2'), null, 'logout ends it');

    await store.addToken({ tokenHash: 't1', userName: 'zoe', label: 'script' });
    assert.equal((await store.tokenUser('t1'))?.role, 'reader');
    assert.equal(await store.removeUser('zoe'), true);
    assert.equal(await store.tokenUser('t1'), null, 'tokens go with the user');
    assert.equal(await store.removeUser('zoe'), false);
  },

  async 'comments: threaded, by status, never carry the email, counted in document summaries'({ store }) {
    const { id } = await store.addDocument(buildDocument(kenya));
    const first = await store.addComment(comment(id));
    assert.ok(!('email' in first));
    const reply = await store.addComment(
      comment(id, { parentId: first.id, name: 'Ben', email: 'ben@example.org', status: 'pending' }),
    );
    await store.addComment(comment(id, { name: 'Bot', email: 'bot@spam.example', status: 'spam' }));
    assert.equal(reply.parentId, first.id);

    const approved = await store.listComments(id);
    assert.deepEqual(
      approved.map((c) => c.name),
      ['Amina'],
    );
    const all = await store.listComments(id, ['approved', 'pending', 'spam']);
    assert.deepEqual(
      all.map((c) => c.name),
      ['Amina', 'Ben', 'Bot'],
    );
    assert.ok(
      all.every((c) => !JSON.stringify(c).includes('example.org')),
      'no email in any comment',
    );

    assert.equal(await store.isKnownCommenter('amina@EXAMPLE.org'), true, 'any case');
    assert.equal(await store.isKnownCommenter('ben@example.org'), false, 'pending does not count');

    const queue = await store.listCommentsByStatus('pending');
    assert.deepEqual([queue.total, queue.items[0]?.id], [1, reply.id]);
    assert.equal((await store.updateComment(reply.id, { status: 'approved' }))?.status, 'approved');
    assert.equal((await store.updateComment(reply.id, { body: 'Edited.' }))?.body, 'Edited.');
    assert.equal(await store.updateComment('no-such-comment', { body: 'x' }), null);

    const summary = (await store.listDocuments()).items.find((d) => d.id === id);
    assert.equal(summary?.commentCount, 2);

    assert.equal(await store.deleteComment(first.id), true);
    assert.deepEqual(
      await store.listComments(id, ['approved', 'pending', 'spam']).then((c) => c.map((x) => x.name)),
      ['Bot'],
      'replies go with their parent',
    );
    assert.equal(await store.deleteComment(first.id), false);
  },

  async 'a comment needs a stored document and a parent on the same document'({ store }) {
    const a = (await store.addDocument(buildDocument(kenya))).id;
    const b = (await store.addDocument(buildDocument(brazil))).id;
    await assert.rejects(
      store.addComment(comment('0000000000000000')),
      (e: unknown) => e instanceof SitrepError && e.code === 'not_found',
    );
    const onA = await store.addComment(comment(a));
    await assert.rejects(store.addComment(comment(b, { parentId: onA.id })), (e: unknown) => {
      assert.ok(e instanceof SitrepError && e.code === 'invalid_input' && e.message.startsWith('parentId'));
      return true;
    });
    assert.equal(await store.deleteDocument(a), true);
    assert.equal(await store.getComment(onA.id), null, 'comments go with their document');
  },

  async 'exports stream every matching row, in a stable order, with the filters of the lists'({ store }) {
    for (const story of allStories) await store.addDocument(buildDocument(story));
    const stats = await store.stats();
    const events = await collect(store.exportEvents());
    assert.equal(events.length, stats.events);
    const keys = events.map((e) => `${e.documentId}:${String(e.ordinal).padStart(4, '0')}`);
    assert.deepEqual(keys, [...keys].sort(), 'ordered by document and place');
    assert.equal(new Set(keys).size, keys.length, 'no row twice');
    assert.ok(events.every((e) => typeof e.addedAt === 'string' && e.addedAt.endsWith('Z')));

    const listed = await store.listEvents({ actor: 'KEN', limit: 1000 });
    const exported = await collect(store.exportEvents({ actor: 'KEN' }));
    assert.equal(exported.length, listed.total);
    assert.ok(exported.length > 0);
    const since = await collect(store.exportEvents({ since: '2024' }));
    assert.equal(since.length, (await store.listEvents({ since: '2024', limit: 1000 })).total);

    assert.equal((await collect(store.exportQuotes())).length, stats.quotes);
    const documents = await collect(store.exportDocuments());
    assert.equal(documents.length, stats.documents);
    assert.ok(documents.every((d) => d.reading.article.text.length > 0));
    assert.deepEqual(
      documents.map((d) => d.id),
      documents.map((d) => d.id).sort(),
    );
  },
};
