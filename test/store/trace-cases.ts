// Trace records and the shingle index in the store, and tracing as documents are stored: written
// once, run on SQLite and PostgreSQL by contract.test.ts.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { articleFromText } from '../../src/extract/index.ts';
import { traceStoredDocument, traceUntraced } from '../../src/pipeline/index.ts';
import { prepareTrace, setStoredTraceWindow, traceStoredInputs } from '../../src/pipeline/trace-stored.ts';
import type { Store, TraceRecord } from '../../src/store/index.ts';
import { thawDoc } from '../../src/trace/index.ts';
import { ORIGIN_PARAGRAPHS, OTHER_PARAGRAPHS, TITLE, join } from '../trace/news.ts';
import type { StoreHarness } from './targets.ts';

type Case = (h: StoreHarness) => Promise<void>;

/** Stores a plain-text document (no understanding needed here) and traces it, as `sitrep add` does. */
/** Stores plain-text documents in one unit and traces them together, as a worker's unit does. */
async function addTracedTogether(
  store: Store,
  docs: { text: string; meta: { url: string; title?: string; published?: string } }[],
): Promise<TraceRecord[]> {
  return store.unit(async () => {
    const prepared = [];
    for (const { text, meta } of docs) {
      const reading = { article: articleFromText(text, meta), entities: [], quotes: [], events: [] };
      const { id } = await store.addDocument(
        { raw: Buffer.from(text), contentType: 'text/plain', origin: meta.url, reading },
        { lookUpFirst: false },
      );
      prepared.push(prepareTrace(id, reading.article));
    }
    await store.lockTracing();
    return traceStoredInputs(store, prepared);
  });
}

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

  async 'a copy of a document older than the window is found through the reach index, also after a restart'(
    h,
  ) {
    // a tracer holding 2 to 4 documents; reposts of another story pass in between
    const reposts = async (store: Store, from: number) => {
      for (let i = from; i < from + 10; i++) {
        const text = `${join(OTHER_PARAGRAPHS)}\n\nPosted by the business desk of Rates ${i}`;
        await addTraced(store, text, { url: `https://rates${i}.example/cut` });
      }
    };
    setStoredTraceWindow(h.store, 4);
    const origin = await addTraced(h.store, ORIGIN, ORIGIN_META);
    await reposts(h.store, 0);
    const copy = await addTraced(h.store, REPOST, { url: 'https://aggregator.example/1', title: TITLE });
    assert.equal(copy.trace.parent, origin.id);
    assert.equal(copy.trace.relation, 'identical');
    const store = await h.reopen();
    setStoredTraceWindow(store, 4);
    await reposts(store, 10);
    const excerpt = await addTraced(store, EXCERPT, { url: 'https://briefs.example/1', title: TITLE });
    assert.equal(excerpt.trace.origin, origin.id);
    assert.equal(excerpt.trace.relation, 'excerpt');
  },

  async "a copy's trace is written with its parent's stored origin and story, and not when the parent is not stored"({
    store,
  }) {
    const origin = await addTraced(store, ORIGIN, ORIGIN_META);
    const copy = await addTraced(store, REPOST, { url: 'https://aggregator.example/1', title: TITLE });
    const storeText = async (text: string, url: string) => {
      const reading = { article: articleFromText(text, { url }), entities: [], quotes: [], events: [] };
      const added = await store.addDocument({
        raw: Buffer.from(text),
        contentType: 'text/plain',
        origin: url,
        reading,
      });
      return added.id;
    };
    const excerpt = await storeText(EXCERPT, 'https://briefs.example/1');
    const record: TraceRecord = {
      documentId: excerpt,
      seq: copy.trace.seq + 1,
      parent: copy.id,
      origin: excerpt,
      relation: 'excerpt',
      story: excerpt,
      shared: 0.9,
    };
    const written = await store.saveCopyTrace({ record, reparented: [] });
    const expected = { ...record, origin: origin.id, story: origin.trace.story };
    assert.deepEqual(written, expected);
    assert.deepEqual(await store.getTraces([excerpt]), [expected]);
    const orphan = await storeText(join(OTHER_PARAGRAPHS), 'https://rates.example/cut');
    const unstored = { ...record, documentId: orphan, seq: record.seq + 1, parent: 'no-such-document' };
    assert.equal(await store.saveCopyTrace({ record: unstored, reparented: [] }), null);
    assert.deepEqual(await store.getTraces([orphan]), []);
  },

  async 'documents traced together in one unit are traced as one by one: parents, re-parented copies'({
    store,
  }) {
    const before = await addTraced(store, EXCERPT, { url: 'https://briefs.example/1', title: TITLE });
    const [copy, copyOfCopy, origin, repost] = await addTracedTogether(store, [
      { text: REPOST, meta: { url: 'https://aggregator.example/1', title: TITLE } },
      {
        text: `${REPOST}\n\nvia Aggregator https://aggregator.example/1`,
        meta: { url: 'https://third.example/2', title: TITLE },
      },
      { text: ORIGIN, meta: ORIGIN_META },
      {
        text: `${ORIGIN}\n\nShared from Nordic Wire.`,
        meta: { url: 'https://fourth.example/3', title: TITLE },
      },
    ]);
    assert.equal(copyOfCopy!.parent, copy!.documentId, 'a parent traced earlier in the unit is found');
    assert.deepEqual(
      [copy!.seq, copyOfCopy!.seq, origin!.seq, repost!.seq],
      [1, 2, 3, 4].map((n) => before.trace.seq + n),
      'arrival numbers follow the order given',
    );
    assert.equal(repost!.origin, origin!.documentId);
    const stored = await store.getTraces([
      before.id,
      copy!.documentId,
      copyOfCopy!.documentId,
      origin!.documentId,
    ]);
    const byId = new Map(stored.map((r) => [r.documentId, r]));
    assert.equal(
      byId.get(copy!.documentId)!.parent,
      origin!.documentId,
      'the copy before its source is re-parented',
    );
    assert.equal(
      byId.get(copyOfCopy!.documentId)!.origin,
      origin!.documentId,
      'and its copy gets the origin',
    );
    assert.equal(
      byId.get(before.id)!.origin,
      origin!.documentId,
      'so does the excerpt traced before the unit',
    );
    assert.equal(new Set(stored.map((r) => r.story)).size, 1, 'one story');
    assert.deepEqual(await store.getTraces([repost!.documentId]), [repost], 'records are saved as returned');
  },

  async 're-parenting a document under one of its own copies is not saved: no family becomes a cycle'({
    store,
  }) {
    const add = async (text: string, origin: string) =>
      (
        await store.addDocument({
          raw: Buffer.from(text),
          contentType: 'text/plain',
          origin,
          reading: { article: articleFromText(text, {}), entities: [], quotes: [], events: [] },
        })
      ).id;
    const [a, b, c] = [
      await add(ORIGIN, 'https://a.example/1'),
      await add(REPOST, 'https://b.example/2'),
      await add(EXCERPT, 'https://c.example/3'),
    ];
    const record = (documentId: string, seq: number, parent: string | null): TraceRecord => ({
      documentId,
      seq,
      parent,
      origin: a,
      relation: parent ? 'identical' : null,
      story: a,
      shared: parent ? 1 : 0,
    });
    await store.saveTraces([
      { record: record(a, 1, null), reparented: [] },
      { record: record(b, 2, a), reparented: [] },
    ]);
    // c, a copy of b, claims to be the source of a (a warm index that missed what made b a's copy)
    await store.saveTrace({
      record: record(c, 3, b),
      reparented: [{ ...record(a, 1, c), origin: c, story: c }],
    });
    const traces = await store.getTraces([a, b, c]);
    assert.deepEqual(
      traces.map((t) => [t.documentId, t.parent, t.origin]),
      [
        [a, null, a],
        [b, a, a],
        [c, b, a],
      ],
    );
  },

  async 'documents by origin: one read for several origins, the earliest document of each'({ store }) {
    const add = (text: string, origin: string) =>
      store.addDocument({
        raw: Buffer.from(text),
        contentType: 'text/plain',
        origin,
        reading: { article: articleFromText(text, {}), entities: [], quotes: [], events: [] },
      });
    await add(ORIGIN, 'https://a.example/1');
    await add(REPOST, 'https://a.example/1');
    const earliest = await store.documentByOrigin('https://a.example/1');
    const other = await add(EXCERPT, 'https://b.example/2');
    const found = await store.documentsByOrigin([
      'https://a.example/1',
      'https://b.example/2',
      'https://c.example/3',
      'https://a.example/1',
    ]);
    assert.deepEqual([...found].sort(), [
      ['https://a.example/1', earliest],
      ['https://b.example/2', other.id],
    ]);
    assert.equal((await store.documentsByOrigin([])).size, 0);
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

  async 'traced documents are read back after an arrival number, with their fingerprints'({ store }) {
    assert.deepEqual(await store.traceHead(['none']), { lastSeq: 0, traced: [] });
    assert.deepEqual(await store.readTracesAfter(0, 10), []);
    const a = await addTraced(store, ORIGIN, ORIGIN_META);
    const b = await addTraced(
      store,
      'A short note with nothing in common with anything else stored here at all.',
    );
    const c = await addTraced(store, EXCERPT, { url: 'https://briefs.example/1', title: TITLE });
    assert.equal(c.trace.parent, a.id);
    const head = await store.traceHead([b.id, 'none']);
    assert.equal(head.lastSeq, c.trace.seq);
    assert.deepEqual(head.traced, [b.id]);
    const all = await store.readTracesAfter(0, 10);
    assert.deepEqual(
      all.map((r) => r.documentId),
      [a.id, b.id, c.id],
    );
    const thawed = thawDoc(all[0]!.fingerprint!);
    assert.equal(thawed?.title, TITLE, 'the fingerprint thaws to what tracing compared');
    const rest = await store.readTracesAfter(a.trace.seq, 1);
    assert.deepEqual(
      rest.map((r) => r.documentId),
      [b.id],
    );
    assert.deepEqual(rest[0]!.parent, null);
  },

  async 'a second worker traces against what the first traced after its index was loaded'(h) {
    const other = await h.openAnother();
    const note = await addTraced(
      other,
      'A short note with nothing in common with anything else stored here at all.',
    );
    assert.equal(note.trace.parent, null);
    // the first store object traces now: its index is loaded from the store, with the note
    const origin = await addTraced(h.store, ORIGIN, ORIGIN_META);
    // the second one's index was loaded before the origin came: it catches up from the store
    const copy = await addTraced(other, REPOST, { url: 'https://aggregator.example/1', title: TITLE });
    assert.equal(copy.trace.parent, origin.id);
    assert.ok(copy.trace.seq > origin.trace.seq);
    const excerpt = await addTraced(h.store, EXCERPT, { url: 'https://briefs.example/1', title: TITLE });
    assert.equal(excerpt.trace.origin, origin.id);
  },

  async 'a trace rolled back with its unit leaves nothing that later documents link to'({ store }) {
    await assert.rejects(
      store.unit(async () => {
        await store.lockTracing();
        await addTraced(store, ORIGIN, ORIGIN_META);
        throw new Error('the unit fails after tracing');
      }),
      /the unit fails after tracing/,
    );
    const copy = await addTraced(store, REPOST, { url: 'https://aggregator.example/1', title: TITLE });
    assert.equal(copy.trace.parent, null, 'the rolled-back original is not its source');
    const origin = await addTraced(store, ORIGIN, ORIGIN_META);
    const [copyNow] = await store.getTraces([copy.id]);
    assert.equal(copyNow!.parent, origin.id, 'the original stored again re-parents it');
  },
};
