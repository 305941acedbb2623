// Trace records and the shingle index in the store, and tracing as documents are stored: written
// once, run on SQLite and PostgreSQL by contract.test.ts.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { articleFromText } from '../../src/extract/index.ts';
import { traceStoredDocument, traceUntraced } from '../../src/pipeline/index.ts';
import type { Store, TraceRecord } from '../../src/store/index.ts';
import { indexKeys, traceInputFromArticle } from '../../src/trace/index.ts';
import { ORIGIN_PARAGRAPHS, TITLE, join } from '../trace/news.ts';
import type { StoreHarness } from './targets.ts';

type Case = (h: StoreHarness) => Promise<void>;

/** Stores a plain-text document (no understanding needed here) and traces it, as `sitrep add` does. */
async function addTraced(
  store: Store,
  text: string,
  meta: { url?: string; title?: string; published?: string } = {},
): Promise<{ id: string; trace: TraceRecord }> {
  const reading = { article: articleFromText(text, meta), entities: [], quotes: [], events: [] };
  const { id } = await store.addDocument({
    raw: Buffer.from(text),
    contentType: 'text/plain',
    origin: meta.url ?? 'test',
    reading,
  });
  return { id, trace: await traceStoredDocument(store, id, reading.article) };
}

const ORIGIN = join(ORIGIN_PARAGRAPHS);
const REPOST = `${ORIGIN}\n\nThis article originally appeared on https://nordicwire.example/floods`;
const EXCERPT = `${join(ORIGIN_PARAGRAPHS.slice(0, 3))}\n\nRead more at https://nordicwire.example/floods`;
const ORIGIN_META = {
  url: 'https://nordicwire.example/floods',
  title: TITLE,
  published: '2024-03-05T09:00:00Z',
};

export const traceCases: Record<string, Case> = {
  async 'a stored copy is traced to the stored original, and the trace survives a restart'(h) {
    const origin = await addTraced(h.store, ORIGIN, ORIGIN_META);
    assert.equal(origin.trace.parent, null);
    const copy = await addTraced(h.store, REPOST, { url: 'https://aggregator.example/1', title: TITLE });
    assert.equal(copy.trace.parent, origin.id);
    assert.equal(copy.trace.origin, origin.id);
    assert.equal(copy.trace.relation, 'identical');
    assert.ok(copy.trace.shared > 0.8);
    const store = await h.reopen();
    const [stored] = await store.getTraces([copy.id]);
    assert.deepEqual(stored, copy.trace);
    const excerpt = await addTraced(store, EXCERPT, { url: 'https://briefs.example/1', title: TITLE });
    assert.equal(excerpt.trace.origin, origin.id);
    assert.equal(excerpt.trace.relation, 'excerpt');
    const family = await store.listTraceFamily(origin.id);
    assert.deepEqual(
      family.map((r) => r.documentId),
      [origin.id, copy.id, excerpt.id],
    );
  },

  async 'adding an older original after its copies re-parents them and their copies'({ store }) {
    const copy = await addTraced(store, REPOST, { url: 'https://aggregator.example/1', title: TITLE });
    const copyOfCopy = await addTraced(store, `${REPOST}\n\nvia Aggregator https://aggregator.example/1`, {
      url: 'https://third.example/2',
      title: TITLE,
    });
    assert.equal(copyOfCopy.trace.parent, copy.id);
    assert.equal(copy.trace.parent, null);
    const origin = await addTraced(store, ORIGIN, ORIGIN_META);
    assert.equal(origin.trace.parent, null);
    const [copyNow, copyOfCopyNow] = await store.getTraces([copy.id, copyOfCopy.id]);
    assert.equal(copyNow!.parent, origin.id);
    assert.equal(copyNow!.origin, origin.id);
    assert.equal(copyOfCopyNow!.parent, copy.id, 'the copy of the copy keeps its parent');
    assert.equal(copyOfCopyNow!.origin, origin.id, 'and gets the new origin');
    assert.equal(copyOfCopyNow!.story, copyNow!.story);
  },

  async 'seed: the seed and a copy without its via line and comment form are one family'({ store }) {
    const seed = readFileSync(
      new URL('../../sample-data/zerohedge-iran-china-2022-04-27.txt', import.meta.url),
      'utf8',
    );
    const copy = seed
      .split('\n')
      .filter((line) => !/^via\s/i.test(line.trim()))
      .filter((line) => !/^(Leave a Reply|Your email address will not be published)/.test(line.trim()))
      .join('\n');
    const original = await addTraced(store, seed);
    const stripped = await addTraced(store, copy);
    assert.equal(stripped.trace.parent, original.id);
    assert.equal(stripped.trace.origin, original.id);
  },

  async 'documents stored before tracing are traced by traceUntraced, oldest first'({ store }) {
    const untraced = async (text: string, meta: { url?: string; title?: string; published?: string }) => {
      const reading = { article: articleFromText(text, meta), entities: [], quotes: [], events: [] };
      return (
        await store.addDocument({ raw: Buffer.from(text), contentType: 'text/plain', origin: 'old', reading })
      ).id;
    };
    const origin = await untraced(ORIGIN, ORIGIN_META);
    const copy = await untraced(REPOST, { url: 'https://aggregator.example/1', title: TITLE });
    assert.deepEqual(await store.listUntraced(10), [origin, copy]);
    assert.equal(await traceUntraced(store), 2);
    assert.deepEqual(await store.listUntraced(10), []);
    const [, copyTrace] = await store.getTraces([origin, copy]);
    assert.equal(copyTrace!.parent, origin);
    assert.equal(await traceUntraced(store), 0, 'a second run has nothing left to trace');
  },

  async 'index keys find the documents that share them'({ store }) {
    const a = await addTraced(store, ORIGIN, ORIGIN_META);
    await addTraced(store, 'A short note with nothing in common with anything else stored here at all.');
    assert.deepEqual(await store.readTraceIndex([1, 2, 3], 'none'), []);
    assert.deepEqual(await store.readTraceIndex([], 'none'), []);
    const stored = await store.getDocument(a.id);
    const keys = indexKeys(traceInputFromArticle(a.id, stored!.reading.article));
    const entries = await store.readTraceIndex(keys.slice(0, 10), 'none');
    assert.deepEqual(new Set(entries.map((e) => e.documentId)), new Set([a.id]));
    assert.deepEqual(await store.readTraceIndex(keys.slice(0, 10), a.id), []);
    const copy = await addTraced(store, EXCERPT, { url: 'https://briefs.example/1', title: TITLE });
    assert.equal(copy.trace.parent, a.id);
  },
};
