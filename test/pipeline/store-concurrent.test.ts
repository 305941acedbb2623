// Writers storing at once, as `sitrep worker` processes do: each through its own connection, each
// unit writing its document before it waits for the tracing lock (PostgreSQL). One address is stored once;
// copies stored at once are still traced to their source; units of several pages (as a worker's
// StoreBatcher makes) keep both, and a unit that fails is stored again page by page. On SQLite and
// PostgreSQL.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { RawInput } from '../../src/extract/index.ts';
import { readText, storeReading, storeReadingOnce, storeReadingsOnce } from '../../src/pipeline/index.ts';
import { StoreBatcher } from '../../src/queue/store-batch.ts';
import { SitrepError } from '../../src/model/errors.ts';
import type { Store } from '../../src/store/index.ts';
import { join, ORIGIN_PARAGRAPHS, OTHER_PARAGRAPHS, TITLE } from '../trace/news.ts';
import { postgresTarget, sqliteTarget, type StoreHarness } from '../store/targets.ts';

function page(text: string, name: string): { input: RawInput; reading: ReturnType<typeof readText> } {
  return {
    input: { bytes: Buffer.from(`${TITLE}\n\n${text}`), contentType: 'text/plain', url: null, name },
    reading: readText({ text, title: TITLE }, { minEventConfidence: 0 }),
  };
}

/** The sites that republish the source in these tests. */
const COPY_SITES = ['Wire East', 'Wire West', 'Coast Daily', 'Valley Post', 'Harbour News', 'Nord Times'];

/** A copy as a syndicating site makes one: its own opening line, the story's paragraphs after it. */
function copyText(site: string): string {
  return join([`(${site}) Republished with permission.`, ...ORIGIN_PARAGRAPHS]);
}

/**
 * The writers: one store per connection on PostgreSQL; on SQLite one store, whose units run one at
 * a time (a second connection in the same process would wait for the file lock with the event loop
 * blocked, so the first could never finish).
 */
async function writers(h: StoreHarness, count: number): Promise<Store[]> {
  if (h.config.kind === 'sqlite') return Array.from({ length: count }, () => h.store);
  const stores = [h.store];
  while (stores.length < count) stores.push(await h.openAnother());
  return stores;
}

for (const target of [sqliteTarget, await postgresTarget()]) {
  /** One test on this store: a fresh harness and `count` writers, cleaned up whatever happens. */
  const storeTest = (
    name: string,
    count: number,
    body: (h: StoreHarness, stores: Store[]) => Promise<void>,
  ): void => {
    test(`${target.name}: ${name}`, { skip: target.skip }, async () => {
      if (target.fail) assert.fail(target.fail);
      const h = await target.create();
      try {
        await body(h, await writers(h, count));
      } finally {
        await h.cleanup();
      }
    });
  };

  storeTest(`writers given one address at once store it once`, 3, async (h, stores) => {
    // Different bytes each time (a page that changed between fetches), one address.
    const pages = [0, 1, 2, 3, 4, 5].map((i) =>
      page(join([ORIGIN_PARAGRAPHS[i]!, ...OTHER_PARAGRAPHS]), `version-${i}`),
    );
    const results = await Promise.all(
      pages.map(({ input, reading }, i) =>
        storeReadingOnce(stores[i % stores.length]!, input, reading, 'https://news.example/floods'),
      ),
    );
    assert.equal(results.filter((r) => r.status === 'added').length, 1, JSON.stringify(results));
    assert.equal(new Set(results.map((r) => r.id)).size, 1, JSON.stringify(results));
    assert.equal((await h.store.listDocuments()).total, 1);
    const [id] = results.map((r) => r.id);
    assert.equal((await h.store.getTraces([id!])).length, 1, 'the stored page is traced');
  });

  storeTest(
    `copies stored at once from several connections are traced to their source`,
    3,
    async (h, stores) => {
      const source = page(join(ORIGIN_PARAGRAPHS), 'source');
      const copies = COPY_SITES.map((site) => page(copyText(site), site));
      const other = page(join(OTHER_PARAGRAPHS), 'other');
      // The source and an unrelated story first, then every copy at once.
      const first = await storeReading(h.store, source.input, source.reading, 'source');
      await storeReading(h.store, other.input, other.reading, 'other');
      const added = await Promise.all(
        copies.map(({ input, reading }, i) =>
          storeReading(stores[i % stores.length]!, input, reading, input.name),
        ),
      );
      assert.deepEqual(
        added.map((r) => r.status),
        copies.map(() => 'added'),
      );
      const traces = await h.store.getTraces(added.map((r) => r.id));
      assert.equal(traces.length, copies.length, 'every copy is traced');
      for (const trace of traces) {
        assert.equal(trace.origin, first.id, JSON.stringify(trace));
        assert.ok(trace.parent, JSON.stringify(trace));
      }
      // Traced one at a time: each has its own place in the order.
      assert.equal(new Set(traces.map((t) => t.seq)).size, traces.length);
    },
  );

  storeTest(
    `of two first arrivals of one story stored at once, the later is traced to the earlier`,
    2,
    async (h, stores) => {
      const pair = ['Lake Herald', 'Fjord Weekly'].map((site) =>
        page(join([`${site} reports.`, ...OTHER_PARAGRAPHS]), site),
      );
      const both = await Promise.all(
        pair.map(({ input, reading }, i) => storeReading(stores[i]!, input, reading, input.name)),
      );
      const traces = await h.store.getTraces(both.map((r) => r.id));
      assert.equal(traces.length, 2);
      const [earlier, later] = [...traces].sort((x, y) => x.seq - y.seq);
      assert.equal(earlier!.parent, null, JSON.stringify(traces));
      assert.equal(later!.parent, earlier!.documentId, JSON.stringify(traces));
      assert.equal(later!.origin, earlier!.documentId, JSON.stringify(traces));
    },
  );

  storeTest(
    `units of several pages, from several connections at once, store each address once and trace copies to their source`,
    3,
    async (h, stores) => {
      const source = page(join(ORIGIN_PARAGRAPHS), 'source');
      const first = await storeReading(h.store, source.input, source.reading, 'source');
      const copies = COPY_SITES.map((site) => page(copyText(site), site));
      // One address in every unit, each time with other bytes (the page changed between fetches).
      const versions = [0, 1, 2].map((i) =>
        page(join([ORIGIN_PARAGRAPHS[i]!, ...OTHER_PARAGRAPHS]), `v${i}`),
      );
      const shared = 'https://news.example/rates';
      const units = [0, 1, 2].map((u) => [
        { ...copies[2 * u]!, origin: copies[2 * u]!.input.name },
        { ...versions[u]!, origin: shared },
        { ...copies[2 * u + 1]!, origin: copies[2 * u + 1]!.input.name },
        // the same address twice in one unit: the second is the first's
        { ...versions[(u + 1) % 3]!, origin: shared },
      ]);
      const results = await Promise.all(units.map((pages, u) => storeReadingsOnce(stores[u]!, pages)));
      const ofShared = results.flatMap((r) => [r[1]!, r[3]!]);
      assert.equal(ofShared.filter((r) => r.status === 'added').length, 1, JSON.stringify(ofShared));
      assert.equal(new Set(ofShared.map((r) => r.id)).size, 1, JSON.stringify(ofShared));
      const added = results.flatMap((r) => [r[0]!, r[2]!]);
      assert.deepEqual(
        added.map((r) => r.status),
        copies.map(() => 'added'),
      );
      assert.equal((await h.store.listDocuments()).total, 1 + copies.length + 1);
      const traces = await h.store.getTraces(added.map((r) => r.id));
      assert.equal(traces.length, copies.length, 'every copy is traced');
      for (const trace of traces) {
        assert.equal(trace.origin, first.id, JSON.stringify(trace));
        assert.ok(trace.parent, JSON.stringify(trace));
      }
      assert.equal((await h.store.getTraces([ofShared[0]!.id])).length, 1, 'the stored page is traced');
    },
  );

  storeTest(
    `a worker's pages given at once are stored in few units; a unit that fails is stored page by page`,
    1,
    async (h) => {
      const source = page(join(ORIGIN_PARAGRAPHS), 'source');
      const copies = COPY_SITES.slice(0, 4).map((site) => page(copyText(site), site));
      let units = 0;
      let failing = '';
      // The real store, but its writes of one chosen address fail (as a full disk or a broken
      // connection would), and its units are counted.
      const store = new Proxy(h.store, {
        get(target, key) {
          const value = Reflect.get(target, key, target) as unknown;
          if (key === 'unit')
            return <T>(work: () => Promise<T>) => {
              units++;
              return target.unit(work);
            };
          if (key === 'addDocument')
            return (doc: { origin: string }) => {
              if (doc.origin === failing) throw new SitrepError('store_failed', `cannot write ${doc.origin}`);
              return target.addDocument(doc as never);
            };
          return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
        },
      });
      const batcher = new StoreBatcher(store);
      const all = [source, ...copies];
      const results = await Promise.all(all.map((p) => batcher.add({ ...p, origin: p.input.name })));
      assert.deepEqual(
        results.map((r) => r.status),
        all.map(() => 'added'),
      );
      // the first page alone (nothing waited), then the others, given meanwhile, in one unit
      assert.equal(units, 2);
      const traces = await h.store.getTraces(results.slice(1).map((r) => r.id));
      for (const trace of traces) assert.equal(trace.origin, results[0]!.id, JSON.stringify(trace));

      failing = 'bad';
      units = 0;
      const more = [0, 1, 2, 3].map((i) =>
        page(join([OTHER_PARAGRAPHS[i]!, ...ORIGIN_PARAGRAPHS]), `more-${i}`),
      );
      const origins = ['more-0', 'more-1', 'bad', 'more-3'];
      const settled = await Promise.allSettled(
        more.map((p, i) => batcher.add({ ...p, origin: origins[i]! })),
      );
      assert.deepEqual(
        settled.map((s) => s.status),
        ['fulfilled', 'fulfilled', 'rejected', 'fulfilled'],
      );
      assert.match(String((settled[2] as PromiseRejectedResult).reason), /cannot write bad/);
      // the first alone; the other three together (rolled back), then one by one
      assert.equal(units, 1 + 1 + 3);
      assert.equal(await h.store.documentByOrigin('bad'), null);
      for (const origin of ['more-0', 'more-1', 'more-3']) {
        const id = await h.store.documentByOrigin(origin);
        assert.ok(id, origin);
        assert.equal((await h.store.getTraces([id])).length, 1, `${origin} is traced`);
      }
    },
  );

  storeTest(
    `a worker reads back what others traced before it takes the tracing lock, and traces against it`,
    2,
    async (h, stores) => {
      const [other, mine] = stores as [Store, Store];
      // The worker's store, whose reads of traced documents are noted: before or after its unit
      // took the tracing lock.
      let locked = false;
      const readsAfterLock: number[] = [];
      const worker = new Proxy(mine, {
        get(target, key) {
          const value = Reflect.get(target, key, target) as unknown;
          if (key === 'lockTracing')
            return async () => {
              await target.lockTracing();
              locked = true;
            };
          if (key === 'readTracesAfter')
            return (after: number, limit: number) => {
              if (locked) readsAfterLock.push(after);
              return target.readTracesAfter(after, limit);
            };
          if (key === 'unit')
            return <T>(work: () => Promise<T>) => {
              locked = false;
              return target.unit(work);
            };
          return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
        },
      });
      // the worker's warm index is loaded by a page of its own
      const own = page(join(OTHER_PARAGRAPHS), 'own');
      await storeReadingsOnce(worker, [{ ...own, origin: 'own' }]);
      // another worker stores the source and a copy
      const source = page(join(ORIGIN_PARAGRAPHS), 'source');
      const first = await storeReading(other, source.input, source.reading, 'source');
      const early = page(copyText(COPY_SITES[0]!), COPY_SITES[0]!);
      await storeReading(other, early.input, early.reading, early.input.name);
      readsAfterLock.length = 0;
      const copies = COPY_SITES.slice(1, 3).map((site) => page(copyText(site), site));
      const added = await storeReadingsOnce(
        worker,
        copies.map((c) => ({ ...c, origin: c.input.name })),
      );
      assert.deepEqual(readsAfterLock, [], 'nothing left to read back under the lock');
      const traces = await h.store.getTraces(added.map((r) => r.id));
      assert.equal(traces.length, copies.length, 'every copy is traced');
      for (const trace of traces) {
        assert.equal(trace.origin, first.id, JSON.stringify(trace));
        assert.ok(trace.parent, JSON.stringify(trace));
      }
    },
  );
}
