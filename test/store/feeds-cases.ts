// The feed registry in the store and the store's units and batches: written once, run on SQLite
// and PostgreSQL by contract.test.ts.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import type { Store } from '../../src/store/index.ts';
import { buildDocument, type StorySpec } from './news-builder.ts';
import { allStories, brazil, germany, japan, kenya } from './stories.ts';
import type { StoreHarness } from './targets.ts';

type Case = (h: StoreHarness) => Promise<void>;

const T0 = Date.UTC(2026, 0, 5, 8, 0, 0);

async function count(store: Store): Promise<number> {
  return (await store.stats()).documents;
}

export const feedCases: Record<string, Case> = {
  async 'feeds: added once, found by id and address, listed, due by next poll time'({ store }) {
    const a = await store.feeds.add('https://harbour.example/feed.xml', 'Harbour', T0);
    assert.equal(a.added, true);
    assert.equal(a.feed.url, 'https://harbour.example/feed.xml');
    assert.equal(a.feed.nextPollAt, T0);
    const again = await store.feeds.add('https://harbour.example/feed.xml', 'Other title', T0 + 5);
    assert.equal(again.added, false);
    assert.equal(again.feed.id, a.feed.id);
    assert.equal(again.feed.title, 'Harbour');
    const b = (await store.feeds.add('https://rail.example/rss', null, T0)).feed;
    assert.deepEqual(await store.feeds.get(a.feed.id), a.feed);
    assert.deepEqual(await store.feeds.get(String(b.id)), b);
    assert.equal((await store.feeds.get('https://nowhere.example/feed'))?.id, undefined);
    assert.deepEqual(
      (await store.feeds.list()).map((f) => f.url),
      ['https://harbour.example/feed.xml', 'https://rail.example/rss'],
    );
    await store.feeds.recordSuccess(
      b.id,
      {
        title: 'Rail',
        siteUrl: 'https://rail.example/',
        etag: '"v1"',
        lastModified: null,
        contentHash: 'abc',
        ttlMinutes: null,
        intervalMinutes: 30,
        nextPollAt: T0 + 30 * 60_000,
        newItems: 4,
        unconditional: false,
      },
      T0,
    );
    assert.deepEqual(
      (await store.feeds.due(T0 + 60_000)).map((f) => f.id),
      [a.feed.id],
    );
    assert.equal(await store.feeds.nextPollAt(), T0);
    const rail = (await store.feeds.get(b.id))!;
    assert.equal(rail.title, 'Rail');
    assert.equal(rail.itemsSeen, 4);
    assert.equal(rail.etag, '"v1"');
    assert.equal(rail.pollsSinceUnconditional, 1);
    assert.equal(rail.lastSuccessAt, T0);
  },

  async 'feeds: a failure is counted with its category until a success clears it'({ store }) {
    const { feed } = await store.feeds.add('https://harbour.example/feed.xml', null, T0);
    for (const n of [1, 2])
      await store.feeds.recordFailure(
        feed.id,
        { category: 'timeout', message: 'no answer in 20 s', nextPollAt: T0 + n * 120_000 },
        T0 + n,
      );
    let health = await store.feeds.health(T0 + 1000);
    assert.deepEqual(health, { feeds: 1, due: 0, failing: 1, nextPollAt: T0 + 240_000 });
    const failed = (await store.feeds.get(feed.id))!;
    assert.equal(failed.errorCount, 2);
    assert.equal(failed.lastErrorCategory, 'timeout');
    assert.equal(failed.lastErrorAt, T0 + 2);
    await store.feeds.recordSuccess(
      feed.id,
      {
        title: null,
        siteUrl: null,
        etag: null,
        lastModified: null,
        contentHash: null,
        ttlMinutes: null,
        intervalMinutes: 60,
        nextPollAt: T0 + 3_600_000,
        newItems: 0,
        unconditional: true,
      },
      T0 + 300_000,
    );
    health = await store.feeds.health(T0 + 300_000);
    assert.equal(health.failing, 0);
    assert.equal((await store.feeds.get(feed.id))!.lastErrorCategory, 'timeout', 'the last error is kept');
  },

  async 'feeds: items are seen by GUID within a feed and by address across feeds, once each'({ store }) {
    const a = (await store.feeds.add('https://harbour.example/feed.xml')).feed;
    const b = (await store.feeds.add('https://rail.example/rss')).feed;
    const item = {
      guid: 'report-1',
      link: 'https://harbour.example/news/1.html?utm_source=rss',
      title: 'One',
    };
    assert.equal(await store.feeds.hasSeen(a.id, item), false);
    const row = await store.feeds.markSeen(a.id, item, T0);
    assert.equal(await store.feeds.markSeen(a.id, item, T0 + 1), row, 'marking twice keeps one row');
    assert.equal(await store.feeds.hasSeen(a.id, { guid: 'report-1', link: null }), true);
    assert.equal(
      await store.feeds.hasSeen(b.id, { guid: 'report-1', link: null }),
      false,
      'GUIDs are per feed',
    );
    assert.equal(
      await store.feeds.hasSeen(b.id, { guid: 'x', link: 'https://www.harbour.example/news/1.html' }),
      true,
      'the normalised address is seen across feeds',
    );
    await store.feeds.unmarkSeen(row);
    assert.equal(await store.feeds.hasSeen(a.id, item), false);
    await store.feeds.markSeen(a.id, item);
    assert.equal(await store.feeds.remove(a.id), true);
    assert.equal(await store.feeds.remove(a.id), false);
    assert.equal(
      await store.feeds.hasSeen(b.id, { guid: null, link: item.link }),
      false,
      'removed with its feed',
    );
  },

  async 'feeds: a permanent redirect moves the feed unless the new address is followed'({ store }) {
    const a = (await store.feeds.add('http://harbour.example/feed')).feed;
    const b = (await store.feeds.add('https://rail.example/rss')).feed;
    assert.equal(await store.feeds.moveTo(a.id, 'https://harbour.example/feed.xml'), true);
    assert.equal((await store.feeds.get(a.id))!.url, 'https://harbour.example/feed.xml');
    assert.equal(await store.feeds.moveTo(a.id, b.url), false);
  },

  async 'feeds: an import runs once per source and keeps feeds already followed'({ store }) {
    const kept = (await store.feeds.add('https://harbour.example/feed.xml', 'Mine')).feed;
    const old = {
      ...kept,
      id: 7,
      title: 'Old title',
      itemsSeen: 12,
      errorCount: 3,
      lastErrorCategory: 'http_5xx',
    };
    const rail = { ...kept, id: 8, url: 'https://rail.example/rss', title: 'Rail', itemsSeen: 2 };
    const seen = [
      { feedUrl: rail.url, guid: 'r1', link: 'https://rail.example/1', title: 'R1', seenAt: T0 },
      { feedUrl: old.url, guid: 'h1', link: 'https://harbour.example/1', title: 'H1', seenAt: T0 },
    ];
    assert.deepEqual(await store.feeds.importOnce('sqlite:/old/sitrep.db', [old, rail], seen), {
      feeds: 1,
      seen: 1,
    });
    assert.equal(await store.feeds.importOnce('sqlite:/old/sitrep.db', [old, rail], seen), null);
    const feeds = await store.feeds.list();
    assert.deepEqual(
      feeds.map((f) => [f.url, f.title, f.itemsSeen]),
      [
        ['https://harbour.example/feed.xml', 'Mine', 0],
        ['https://rail.example/rss', 'Rail', 2],
      ],
    );
    assert.equal(await store.feeds.hasSeen(feeds[1]!.id, { guid: 'r1', link: null }), true);
  },

  async 'a unit that fails leaves nothing it wrote; one that succeeds keeps everything'({ store }) {
    await assert.rejects(
      store.unit(async () => {
        await store.addDocument(buildDocument(kenya));
        await store.feeds.add('https://harbour.example/feed.xml');
        throw new Error('stop');
      }),
      /stop/,
    );
    assert.equal(await count(store), 0);
    assert.deepEqual(await store.feeds.list(), []);
    await store.unit(async () => {
      await store.addDocument(buildDocument(kenya));
      await store.unit(() => store.addDocument(buildDocument(brazil)));
    });
    assert.equal(await count(store), 2);
  },

  async 'a write from outside a unit is kept when a unit running at the same time fails'({ store }) {
    const { id } = await store.addDocument(buildDocument(brazil));
    let started!: () => void;
    let release!: () => void;
    const inside = new Promise<void>((resolve) => (started = resolve));
    const gate = new Promise<void>((resolve) => (release = resolve));
    const failing = store.unit(async () => {
      await store.addDocument(buildDocument(kenya));
      started();
      await gate;
      throw new Error('stop');
    });
    await inside;
    // a request handler's write, from another task, while the unit awaits
    const outside = store.addComment(reader(id));
    release();
    await assert.rejects(failing, /stop/);
    await outside;
    assert.equal(await count(store), 1, 'the unit left nothing');
    assert.equal((await store.listComments(id)).length, 1, 'the outside write was not rolled back with it');
  },

  async 'a write from outside a batch is committed before it is reported done'(h) {
    const { store } = h;
    let seenByAnother: number | undefined;
    await store.batched(
      async () => {
        const { id } = await store.unit(() => store.addDocument(buildDocument(kenya)));
        // the batch's transaction is open between its units
        await store.addComment(reader(id));
        const other = await h.openAnother();
        seenByAnother = (await other.listComments(id)).length;
      },
      { maxUnits: 100, maxMs: 60_000 },
    );
    assert.equal(seenByAnother, 1, 'another connection saw the comment while the batch was still open');
  },

  async 'a batch commits its units, and a failed unit in it rolls back only itself'(h) {
    const { store } = h;
    const results = await store.batched(
      async () => {
        const out: string[] = [];
        for (const story of allStories) {
          try {
            await store.unit(async () => {
              await store.addDocument(buildDocument(story));
              if (story === germany) throw new Error('this one fails');
            });
            out.push('ok');
          } catch {
            out.push('failed');
          }
        }
        return out;
      },
      { maxUnits: 2 },
    );
    assert.equal(results.filter((r) => r === 'failed').length, 1);
    assert.equal(await count(store), allStories.length - 1);
    const other = await h.openAnother();
    assert.equal(
      (await other.stats()).documents,
      allStories.length - 1,
      'committed: another connection sees them',
    );
    assert.equal(await other.getDocument(idOf(germany)), null, 'the failed unit wrote nothing');
    assert.notEqual(await other.getDocument(idOf(japan)), null);
  },
};

function idOf(story: StorySpec): string {
  return createHash('sha256').update(buildDocument(story).raw).digest('hex').slice(0, 16);
}

/** A reader's comment, as the server stores it. */
function reader(documentId: string) {
  return {
    documentId,
    parentId: null,
    name: 'Amina',
    email: 'amina@example.org',
    body: 'Which agency reported this first?',
    status: 'approved' as const,
  };
}
