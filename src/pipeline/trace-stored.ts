// Tracing a document as it is stored. Its neighbourhood is read back as fingerprints, not texts: one
// query for the index entries of all its sampled shingles (each shingle lists at most POSTING_CAP
// documents, so the read is bounded however large the store grows), one for the fingerprints and
// records of the closest candidates, one for their parents. They go into a Tracer as they were
// decided, the new document is traced against them, and its record, fingerprint, index keys, any
// earlier copies it turns out to be the source of, and (for an origin) its story are written back.
import type { Article } from '../model/index.ts';
import type { StoredTrace, Store, TraceRecord } from '../store/index.ts';
import {
  MAX_STORED_KEYS,
  Tracer,
  describeInput,
  freezeDoc,
  isSampled,
  leadNames,
  storyMatches,
  thawDoc,
  traceInputFromArticle,
  type FrozenDoc,
  type TraceDoc,
  type TraceInput,
} from '../trace/index.ts';

/** Stored documents compared in full per new document (most shared index keys first). */
const MAX_CANDIDATES = 24;
/** Documents an index key lists at most; a key this common is boilerplate or a mass duplicate. */
export const POSTING_CAP = 64;
/** Origins read back per name when grouping stories (the latest ones). */
const NAMES_PER_NAME = 32;
/** Least shingles two documents must share to be linked (the Tracer's default). */
const MIN_COMMON = 6;
/** Least share of the smaller document found in the other to be linked (the Tracer's default). */
const MIN_SHARE = 0.3;

export async function traceStoredDocument(store: Store, id: string, article: Article): Promise<TraceRecord> {
  return traceStoredInput(store, prepareTrace(id, article));
}

/** What tracing computes from the document alone, before reading the store. */
export interface PreparedTrace {
  input: TraceInput;
  described: FrozenDoc;
  /** The index keys it is looked up and stored under. */
  keys: number[];
}

/**
 * The document's own part of tracing (its fingerprint and index keys: CPU, no store read), so a
 * writer can do it before it takes the tracing lock.
 */
export function prepareTrace(id: string, article: Article): PreparedTrace {
  const input = traceInputFromArticle(id, article);
  const described = describeInput(input);
  return { input, described, keys: storeKeys(described.fp.shingles) };
}

/** Traces one stored document (by what tracing reads of it) against the traced ones. */
export async function traceStoredInput(store: Store, prepared: PreparedTrace): Promise<TraceRecord> {
  const { input, described, keys } = prepared;
  const id = input.id;
  const tracer = new Tracer();
  const entries = await store.readTraceIndex(keys, id);
  const listed = new Map<number, number>();
  for (const e of entries) listed.set(e.hash, (listed.get(e.hash) ?? 0) + 1);
  const candidates = pickCandidates(entries, listed, keys.length);
  const near = await store.getTraceFingerprints(candidates);
  const missing = [...new Set(near.map((r) => r.parent))].filter(
    (p): p is string => p !== null && !near.some((r) => r.documentId === p),
  );
  const stored = [...near, ...(await store.getTraceFingerprints(missing))].sort((a, b) => a.seq - b.seq);
  const byId = new Map(stored.map((r) => [r.documentId, r]));
  for (const record of stored) {
    const frozen = record.fingerprint ? thawDoc(record.fingerprint) : null;
    if (frozen) tracer.restore(record.documentId, frozen);
    else {
      // traced before fingerprints were kept: read its text once more
      const doc = await store.getDocument(record.documentId);
      if (doc)
        tracer.restore(record.documentId, describeInput(traceInputFromArticle(doc.id, doc.reading.article)));
    }
  }
  for (const record of stored) {
    const doc = tracer.get(record.documentId);
    const parent = record.parent ? tracer.get(record.parent) : undefined;
    if (doc && parent) tracer.restoreParent(doc, parent, record.relation, record.shared);
  }
  tracer.add(input, described);
  const doc = tracer.get(id)!;
  const parent = doc.parent ? byId.get(doc.parent.id) : undefined;
  const record: TraceRecord = {
    documentId: id,
    seq: await store.nextTraceSeq(),
    parent: parent?.documentId ?? null,
    origin: parent?.origin ?? id,
    relation: parent ? doc.relation : null,
    story: parent?.story ?? id,
    shared: parent ? round(doc.shared) : 0,
  };
  const reparented = stored
    .filter((r) => r.parent !== id && tracer.get(r.documentId)?.parent === doc)
    .map((r) => copyRecord(r, tracer.get(r.documentId)!, record));
  const story = parent ? null : await findStory(store, record, input, doc);
  if (story) record.story = story.story;
  await store.saveTrace({
    record,
    // the kept document holds no sorted shingles: the frozen form is made from what was described
    fingerprint: freezeDoc(described),
    hashes: keys.filter((h) => (listed.get(h) ?? 0) < POSTING_CAP),
    reparented,
    names: story
      ? { names: story.names, publishedMs: Number.isFinite(doc.time) ? doc.time : null }
      : undefined,
    mergedStories: story?.merged,
  });
  return record;
}

/** The sampled shingle hashes a store indexes a document under (the smallest, at most MAX_STORED_KEYS). */
function storeKeys(shingles: Uint32Array): number[] {
  const keys: number[] = [];
  for (const h of shingles) {
    if (!isSampled(h)) continue;
    keys.push(h);
    if (keys.length >= MAX_STORED_KEYS) break;
  }
  return keys;
}

/**
 * The stored documents sharing most index keys, as the Tracer picks them in memory: keys listing
 * fewer than the cap first; keys at the cap (boilerplate, mass duplicates) only when the rare ones
 * found nothing that could be a copy.
 */
function pickCandidates(
  entries: { hash: number; documentId: string }[],
  listed: Map<number, number>,
  sampled: number,
): string[] {
  const count = (rareOnly: boolean) => {
    const hits = new Map<string, number>();
    for (const e of entries) {
      if (rareOnly && listed.get(e.hash)! >= POSTING_CAP) continue;
      hits.set(e.documentId, (hits.get(e.documentId) ?? 0) + 1);
    }
    return hits;
  };
  let hits = count(true);
  if (![...hits.values()].some((n) => n * 4 >= MIN_COMMON)) hits = count(false);
  // one key in common is chance for a long text; a short one may have only a few
  const least = Math.min(2, Math.max(1, Math.ceil(sampled * MIN_SHARE)));
  return [...hits]
    .filter(([, n]) => n >= least)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, MAX_CANDIDATES)
    .map(([documentId]) => documentId);
}

interface StoryChoice {
  story: string;
  names: string[];
  merged: string[];
}

/**
 * An origin joins the story of earlier stored origins naming the same actors close in time (the
 * rules of src/trace/stories.ts); when it matches several stories they become one, under the earliest.
 */
async function findStory(
  store: Store,
  record: TraceRecord,
  input: TraceInput,
  doc: TraceDoc,
): Promise<StoryChoice> {
  const names = [...leadNames(input.title ?? '', input.text)];
  const entries = await store.findStoryNames(names, NAMES_PER_NAME);
  const shared = new Map<string, { count: number; entry: (typeof entries)[number] }>();
  for (const entry of entries) {
    if (entry.documentId === record.documentId) continue;
    const seen = shared.get(entry.documentId);
    if (seen) seen.count++;
    else shared.set(entry.documentId, { count: 1, entry });
  }
  const stories = new Map<string, number>();
  for (const { count, entry } of shared.values()) {
    if (!storyMatches(count, names.length, entry.names, doc.time, entry.publishedMs ?? NaN)) continue;
    const seq = stories.get(entry.story);
    if (seq === undefined || entry.seq < seq) stories.set(entry.story, entry.seq);
  }
  if (!stories.size) return { story: record.story, names, merged: [] };
  const ordered = [...stories].sort((a, b) => a[1] - b[1]).map(([story]) => story);
  return { story: ordered[0]!, names, merged: ordered.slice(1) };
}

function copyRecord(stored: StoredTrace, copy: TraceDoc, source: TraceRecord): TraceRecord {
  return {
    documentId: stored.documentId,
    seq: stored.seq,
    parent: source.documentId,
    origin: source.origin,
    relation: copy.relation,
    story: source.story,
    shared: round(copy.shared),
  };
}

function round(share: number): number {
  return Math.round(share * 1000) / 1000;
}

/** Traces stored documents that were never traced (stored before the trace migration), oldest first. */
export async function traceUntraced(store: Store, batch = 500): Promise<number> {
  let traced = 0;
  for (;;) {
    const ids = await store.listUntraced(batch);
    if (!ids.length) return traced;
    for (const id of ids) {
      const doc = await store.getDocument(id);
      if (!doc) continue;
      await traceStoredDocument(store, id, doc.reading.article);
      traced++;
    }
  }
}
