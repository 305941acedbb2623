// Writers storing at once, as `sitrep worker` processes do: each through its own connection, each
// unit writing its document before it waits for the tracing lock (PostgreSQL). One address is stored once;
// copies stored at once are still traced to their source. On SQLite and PostgreSQL.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { RawInput } from '../../src/extract/index.ts';
import { readText, storeReading, storeReadingOnce } from '../../src/pipeline/index.ts';
import type { Store } from '../../src/store/index.ts';
import { join, ORIGIN_PARAGRAPHS, OTHER_PARAGRAPHS, TITLE } from '../trace/news.ts';
import { postgresTarget, sqliteTarget, type StoreHarness } from '../store/targets.ts';

function page(text: string, name: string): { input: RawInput; reading: ReturnType<typeof readText> } {
  return {
    input: { bytes: Buffer.from(`${TITLE}\n\n${text}`), contentType: 'text/plain', url: null, name },
    reading: readText({ text, title: TITLE }, { minEventConfidence: 0 }),
  };
}

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
  test(`${target.name}: writers given one address at once store it once`, { skip: target.skip }, async () => {
    if (target.fail) assert.fail(target.fail);
    const h = await target.create();
    try {
      const stores = await writers(h, 3);
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
    } finally {
      await h.cleanup();
    }
  });

  test(
    `${target.name}: copies stored at once from several connections are traced to their source`,
    { skip: target.skip },
    async () => {
      if (target.fail) assert.fail(target.fail);
      const h = await target.create();
      try {
        const stores = await writers(h, 3);
        const source = page(join(ORIGIN_PARAGRAPHS), 'source');
        const copies = [
          'Wire East',
          'Wire West',
          'Coast Daily',
          'Valley Post',
          'Harbour News',
          'Nord Times',
        ].map((site) => page(copyText(site), site));
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
      } finally {
        await h.cleanup();
      }
    },
  );

  test(
    `${target.name}: of two first arrivals of one story stored at once, the later is traced to the earlier`,
    { skip: target.skip },
    async () => {
      if (target.fail) assert.fail(target.fail);
      const h = await target.create();
      try {
        const stores = await writers(h, 2);
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
      } finally {
        await h.cleanup();
      }
    },
  );
}
