// Tracing a document as it is stored, against a warm index: each process (each Store object) keeps
// a Tracer over the store's newest traced documents (its window, by arrival order), loaded in bulk
// from their stored fingerprints the first time it traces, and brought up to date before each trace
// from the documents other processes traced since (arrival numbers above the newest it has). The new
// document is traced in memory, as `sitrep trace --jsonl` traces a stream; its record, fingerprint,
// any earlier copies it turns out to be the source of, and (for an origin) its story are written in
// the caller's unit, so a document is never stored without its trace.
//
// Locking contract: the read of the newest arrival number, the catch-up, the trace and the write
// must run under `store.lockTracing()` inside one unit (as storeReading does): then no other process
// traces between this one's catch-up and its write, arrival numbers are unique, and every document
// stored before is in the index. The lock is needed around the trace step only (reading and storing
// the document itself may run outside it).
import type { Article } from '../model/index.ts';
import { SitrepError } from '../model/errors.ts';
import type { StoredTrace, Store, StoryNameEntry, TraceRecord, TraceWrite } from '../store/index.ts';
import {
  ReachIndex,
  Tracer,
  describeInput,
  freezeDoc,
  leadNames,
  storyMatches,
  thawDoc,
  thawWords,
  traceInputFromArticle,
  type FrozenDoc,
  type TraceDoc,
  type TraceInput,
} from '../trace/index.ts';

/** Origins read back per name when grouping stories (the latest ones). */
const NAMES_PER_NAME = 32;
/**
 * Stored documents kept comparable per process (the newest by arrival; ~5 KB per document): a
 * document's copies among them are found and compared in full, as in `sitrep trace`.
 */
export const STORED_WINDOW = 20_000;
/**
 * Stored documents a new one is compared with per process, counting the window: those older than
 * the window keep only a sparse sample of their shingles in memory (`ReachIndex`, ~0.2 KB each), and
 * the few a new document shares samples with are read back from the store and compared in full.
 */
export const STORED_REACH = 100_000;

/**
 * SITREP_TRACE_WINDOW if set, else STORED_WINDOW: memory (~5 KB a document per process) against
 * how many documents are compared without reading them back (the reach is at least the window).
 */
export function storedTraceWindow(env: NodeJS.ProcessEnv = process.env): number {
  const given = env.SITREP_TRACE_WINDOW;
  if (given === undefined || given === '') return STORED_WINDOW;
  const n = Number(given);
  if (!Number.isInteger(n) || n < 1000)
    throw new SitrepError(
      'config_invalid',
      `SITREP_TRACE_WINDOW must be a whole number ≥ 1000, not "${given}"`,
    );
  return n;
}
/** Traced documents read per query when loading or catching up. */
const READ_PAGE = 2000;

/** An origin as stories are grouped by (its names' lists hold it). */
type NamedOrigin = Omit<StoryNameEntry, 'name'> & {
  /** Names shared with the origin whose story is being found, counted in `findStory`'s round `round`. */
  shared: number;
  round: number;
};

/** One process's warm index over a store. */
class WarmIndex {
  readonly tracer: Tracer;
  /** Older documents than the window, by a sample of their shingles (arrival numbers). */
  readonly reach: ReachIndex;
  /** The newest arrival number taken in. */
  head = 0;
  /** The last document traced here, until it is seen stored (its unit may have rolled back). */
  pending: string | null = null;
  /** The store's write epoch when this process last wrote a trace (see Store.writeEpoch). */
  epoch: number | null = null;
  /**
   * Per headline-and-lead name, the latest origins naming it (at most NAMES_PER_NAME, oldest first):
   * one object per origin, shared by its names' lists, and each name's text held once (the key).
   */
  readonly names = new Map<string, NamedOrigin[]>();
  /** Arrival numbers of documents read back from beyond the window (held by the tracer again). */
  readonly recalled = new Set<number>();
  /** Counts `findStory`'s rounds (see NamedOrigin.round). */
  storyRound = 0;
  /** Arrival number below which names were last dropped (they follow the reach). */
  private namesFrom = 0;
  /** Documents the names and the reach index cover (the window and older ones). */
  readonly reachSpan: number;
  constructor(readonly window: number) {
    this.reachSpan = Math.max(window, STORED_REACH);
    this.reach = new ReachIndex(this.reachSpan - window);
    // stories are grouped over the stored names (findStory), not by the tracer; a tracer's arrival
    // order is the store's (its documents' `order`)
    this.tracer = new Tracer({
      window,
      forgetLeaving: true,
      stories: false,
      onLeave: (doc) => {
        if (this.reachSpan > this.window) this.reach.add(doc.order, doc.fp.wordHashes);
      },
    });
  }

  /** Takes in an origin's names (in arrival order), and drops those of origins that left the reach. */
  addNames(entries: readonly StoryNameEntry[]): void {
    let origin: NamedOrigin = { documentId: '', seq: -1, names: 0, publishedMs: null, shared: 0, round: 0 };
    for (const entry of entries) {
      // an origin's entries come one after another
      if (origin.seq !== entry.seq || origin.documentId !== entry.documentId) {
        const { documentId, seq, names, publishedMs } = entry;
        origin = { documentId, seq, names, publishedMs, shared: 0, round: 0 };
      }
      const list = this.names.get(entry.name);
      if (!list) this.names.set(entry.name, [origin]);
      else {
        list.push(origin);
        if (list.length > NAMES_PER_NAME) list.shift();
      }
    }
    const from = this.head - this.reachSpan;
    if (from - this.namesFrom < this.window / 2) return;
    for (const [name, list] of this.names) {
      let keep = 0;
      while (keep < list.length && list[keep]!.seq <= from) keep++;
      if (keep === list.length) this.names.delete(name);
      else if (keep) list.splice(0, keep);
    }
    this.namesFrom = from;
  }
}

const warmIndexes = new WeakMap<Store, WarmIndex>();
/** Traces running now in this process (under the tracing lock), per store: its warm index is in use. */
const tracingNow = new WeakMap<Store, number>();
/** A catch-up running outside the tracing lock (catchUpBeforeLock), awaited before tracing. */
const unlockedCatchUps = new WeakMap<Store, Promise<void>>();

/**
 * Runs a trace under the tracing lock with the warm index to itself: after any catch-up begun
 * outside the lock (they share the index), and marked busy so that none begins meanwhile.
 */
async function tracingAlone<T>(store: Store, work: () => Promise<T>): Promise<T> {
  const running = unlockedCatchUps.get(store);
  if (running) await running.catch(() => {});
  tracingNow.set(store, (tracingNow.get(store) ?? 0) + 1);
  try {
    return await work();
  } finally {
    const left = tracingNow.get(store)! - 1;
    if (left) tracingNow.set(store, left);
    else tracingNow.delete(store);
  }
}

/**
 * Takes into this process's warm index what other processes traced and committed since it was
 * last brought up to date, before the caller takes the tracing lock: what was committed is read
 * the same with or without the lock (arrival numbers are given and committed under it, so the
 * committed ones have no gap), and the catch-up under the lock is left with the units committed
 * meanwhile. With several workers this is most of the reading back of each other's documents,
 * which would otherwise keep every other worker waiting. Nothing is done for an index not loaded
 * yet (the first load runs under the lock), while this process traces into the store, or when the
 * last document traced here is not seen stored (its unit rolled back: the locked trace reloads).
 */
export async function catchUpBeforeLock(store: Store): Promise<void> {
  const warm = warmIndexes.get(store);
  if (!warm || warm.head === 0 || tracingNow.has(store) || unlockedCatchUps.has(store)) return;
  const running = (async () => {
    const pending = warm.pending;
    const { lastSeq, traced } = await store.traceHead(pending ? [pending] : []);
    if (pending && !traced.includes(pending)) return;
    if (warm.pending === pending) warm.pending = null;
    if (warmIndexes.get(store) === warm) await catchUp(store, warm, lastSeq);
  })();
  unlockedCatchUps.set(store, running);
  try {
    await running;
  } finally {
    unlockedCatchUps.delete(store);
  }
}

/** Documents kept comparable per process for this store; a test sets a small one (before tracing). */
export function setStoredTraceWindow(store: Store, window: number): void {
  warmIndexes.set(store, new WarmIndex(window));
}

/** Lets go of this process's warm index over a store (closed, or to be loaded again from it). */
export function forgetWarmIndex(store: Store): void {
  warmIndexes.delete(store);
}

export async function traceStoredDocument(store: Store, id: string, article: Article): Promise<TraceRecord> {
  return traceStoredInput(store, prepareTrace(id, article));
}

/** What tracing computes from the document alone, before reading the store. */
export interface PreparedTrace {
  input: TraceInput;
  described: FrozenDoc;
}

/**
 * The document's own part of tracing (its fingerprint: CPU, no store read), so that a writer can do
 * it before it takes the tracing lock.
 */
export function prepareTrace(id: string, article: Article): PreparedTrace {
  const input = traceInputFromArticle(id, article);
  return { input, described: describeInput(input) };
}

/** Where a trace reads the records of traced documents and writes its own. */
interface TraceSink {
  getTraces(ids: readonly string[]): Promise<TraceRecord[]>;
  save(write: TraceWrite): Promise<void>;
  /** Writes a copy with its parent's origin and story (as Store.saveCopyTrace); null if no parent. */
  saveCopy(write: TraceWrite): Promise<TraceRecord | null>;
}

function storeSink(store: Store): TraceSink {
  return {
    getTraces: (ids) => store.getTraces(ids),
    save: (write) => store.saveTrace(write),
    saveCopy: (write) => store.saveCopyTrace(write),
  };
}

/**
 * The trace writes of one unit, saved together at its end in one statement, and read back from here
 * meanwhile. A write that merges stories or re-parents copies updates stored rows, so it is saved at
 * once with those before it: what is held here is never older than the store.
 */
class UnitTraces implements TraceSink {
  private readonly held: TraceWrite[] = [];
  constructor(private readonly store: Store) {}

  async getTraces(ids: readonly string[]): Promise<TraceRecord[]> {
    if (!this.held.length) return this.store.getTraces(ids);
    const mine = new Map(this.held.map((write) => [write.record.documentId, write.record]));
    const rest = ids.filter((id) => !mine.has(id));
    const stored = rest.length ? await this.store.getTraces(rest) : [];
    const held = ids.flatMap((id) => mine.get(id) ?? []);
    return [...stored, ...held].sort((a, b) => a.seq - b.seq);
  }

  async save(write: TraceWrite): Promise<void> {
    this.held.push(write);
    if (write.reparented.length || write.mergedStories?.length) await this.flush();
  }

  async saveCopy(write: TraceWrite): Promise<TraceRecord | null> {
    const [parent] = await this.getTraces([write.record.parent!]);
    if (!parent) return null;
    const record = { ...write.record, origin: parent.origin, story: parent.story };
    const reparented = write.reparented.map((r) => ({ ...r, origin: record.origin, story: record.story }));
    await this.save({ ...write, record, reparented });
    return record;
  }

  async flush(): Promise<void> {
    await this.store.saveTraces(this.held.splice(0));
  }
}

/**
 * Traces a unit's documents in the order given, under one hold of the tracing lock (the caller's,
 * as for traceStoredInput): one read of the newest arrival number and one catch-up for all of them,
 * and their records saved together. A document traced already, an index holding what the store does
 * not, or a parent no longer stored sends the rest one by one through traceStoredInput.
 */
export function traceStoredInputs(store: Store, prepared: readonly PreparedTrace[]): Promise<TraceRecord[]> {
  return tracingAlone(store, () => traceInputsWarm(store, prepared));
}

async function traceInputsWarm(store: Store, prepared: readonly PreparedTrace[]): Promise<TraceRecord[]> {
  if (prepared.length === 1) return [await traceStoredInput(store, prepared[0]!)];
  const records: TraceRecord[] = [];
  const oneByOne = async (from: number) => {
    for (const rest of prepared.slice(from)) records.push(await traceStoredInput(store, rest));
    return records;
  };
  const warm = warmIndexes.get(store) ?? new WarmIndex(storedTraceWindow());
  warmIndexes.set(store, warm);
  const ids = prepared.map((p) => p.input.id);
  const { lastSeq, traced } = await store.traceHead(warm.pending ? [...ids, warm.pending] : ids);
  if ((warm.pending && !traced.includes(warm.pending)) || ids.some((id) => traced.includes(id)))
    return oneByOne(0);
  warm.pending = null;
  if (lastSeq > warm.head) await catchUp(store, warm, lastSeq);
  const unit = new UnitTraces(store);
  for (const [i, p] of prepared.entries()) {
    const record = await traceWarm(store, warm, p, lastSeq + 1 + i, false, unit);
    if (!record) {
      // the index was out of date (and is dropped): what was traced before is kept
      await unit.flush();
      return oneByOne(i);
    }
    records.push(record);
  }
  await unit.flush();
  return records;
}

/** Traces one stored document (by what tracing reads of it) against the traced ones. */
export function traceStoredInput(store: Store, prepared: PreparedTrace): Promise<TraceRecord> {
  return tracingAlone(store, () => traceInputWarm(store, prepared));
}

async function traceInputWarm(store: Store, prepared: PreparedTrace): Promise<TraceRecord> {
  const id = prepared.input.id;
  for (let attempt = 0; ; attempt++) {
    const warm = warmIndexes.get(store) ?? new WarmIndex(storedTraceWindow());
    warmIndexes.set(store, warm);
    // most traces read nothing first (see readHead): no await then
    const head = readHead(store, warm, id);
    const { lastSeq, traced } = head instanceof Promise ? await head : head;
    if (warm.pending && !traced.includes(warm.pending)) {
      // what this process traced last was rolled back (or deleted): the index holds a document the
      // store does not; it is loaded again
      warmIndexes.set(store, new WarmIndex(warm.window));
      continue;
    }
    warm.pending = null;
    if (traced.includes(id)) {
      const [stored] = await store.getTraces([id]);
      if (stored) return stored;
    }
    if (lastSeq > warm.head) await catchUp(store, warm, lastSeq);
    const record = await traceWarm(store, warm, prepared, lastSeq + 1, attempt > 0);
    if (record) return record;
  }
}

/**
 * The newest arrival number, and which of the document and the last one traced here are stored:
 * read from the store, unless this process has held the write lock since its last trace with
 * nothing undone (see Store.writeEpoch): then the index is up to date and the last one stored.
 */
function readHead(
  store: Store,
  warm: WarmIndex,
  id: string,
): { lastSeq: number; traced: string[] } | Promise<{ lastSeq: number; traced: string[] }> {
  const epoch = store.writeEpoch();
  if (epoch !== null && epoch === warm.epoch && !warm.tracer.has(id))
    return { lastSeq: warm.head, traced: warm.pending ? [warm.pending] : [] };
  return store.traceHead(warm.pending ? [id, warm.pending] : [id]);
}

/**
 * Takes in the documents traced after the index's newest (on the first call, the reach: the window
 * restored in full, older ones sampled into the reach index).
 */
async function catchUp(store: Store, warm: WarmIndex, lastSeq: number): Promise<void> {
  if (lastSeq <= warm.head) return;
  // a cold index starts one reach back (arrival numbers have gaps only where documents were deleted);
  // later catch-ups restore all (the reach takes documents in arrival order as they leave the window)
  const cold = warm.head === 0;
  if (cold) warm.head = Math.max(0, lastSeq - warm.reachSpan);
  const sampledThrough = cold ? lastSeq - warm.window : 0;
  while (warm.head < lastSeq) {
    const page = await store.readTracesAfter(warm.head, READ_PAGE);
    if (!page.length) break;
    // older than the window: a sample of its words; else its frozen form unless held already
    const sampled = (record: StoredTrace) => record.seq <= sampledThrough;
    const samples = page.map((record) =>
      sampled(record) && record.fingerprint ? thawWords(record.fingerprint) : null,
    );
    const frozens: (FrozenDoc | null | undefined)[] = [];
    for (const record of page)
      frozens.push(
        sampled(record) || warm.tracer.has(record.documentId) ? undefined : await frozenOf(store, record),
      );
    // names of origins traced before fingerprints held them (an origin's fingerprint holds them now)
    const names = page.some(
      (record, i) =>
        !record.parent &&
        (sampled(record) ? !samples[i]?.leadNames : frozens[i] !== undefined && !frozens[i]?.leadNames),
    )
      ? await store.readStoryNames(warm.head, page.at(-1)!.seq)
      : [];
    const restored: TraceDoc[] = [];
    for (const [i, record] of page.entries()) {
      warm.head = Math.max(warm.head, record.seq);
      if (sampled(record)) {
        const sample = samples[i];
        if (!sample) continue;
        warm.reach.add(record.seq, sample.wordHashes);
        if (sample.leadNames) names.push(...nameEntries(record.documentId, record.seq, sample));
        continue;
      }
      const frozen = frozens[i];
      if (!frozen) continue;
      restored.push(warm.tracer.restore(record.documentId, frozen, record.seq));
      if (frozen.leadNames) names.push(...nameEntries(record.documentId, record.seq, frozen));
    }
    restoreParents(warm, page, restored);
    warm.addNames(names.sort((a, b) => a.seq - b.seq));
  }
}

/** Gives restored documents (in the order of `records`) their stored parents, when held. */
function restoreParents(warm: WarmIndex, records: readonly StoredTrace[], restored: TraceDoc[]): void {
  for (let i = 0, j = 0; i < records.length && j < restored.length; i++) {
    const record = records[i]!;
    const doc = restored[j]!;
    if (doc.id !== record.documentId) continue;
    j++;
    const parent = record.parent ? warm.tracer.get(record.parent) : undefined;
    if (parent) warm.tracer.restoreParent(doc, parent, record.relation, record.shared);
  }
}

/**
 * Reads back the documents older than the window that share a sample of shingles with a new one
 * (`found` by the ReachIndex, arrival numbers) and restores them into the tracer, so the new document
 * is compared with them in full (and they are held again, for its next copies).
 */
async function recall(store: Store, warm: WarmIndex, found: number[]): Promise<void> {
  // the set only avoids reading one twice; a document read again is seen held (tracer.has)
  if (warm.recalled.size > warm.window) warm.recalled.clear();
  const records: StoredTrace[] = [];
  for (const seq of found.sort((a, b) => a - b)) {
    warm.recalled.add(seq);
    const [record] = await store.readTracesAfter(seq - 1, 1);
    if (record?.seq === seq && !warm.tracer.has(record.documentId)) records.push(record);
  }
  const restored: TraceDoc[] = [];
  for (const record of records) {
    const frozen = await frozenOf(store, record);
    if (frozen) restored.push(warm.tracer.restore(record.documentId, frozen, record.seq));
  }
  restoreParents(warm, records, restored);
}

function nameEntries(
  documentId: string,
  seq: number,
  frozen: { leadNames?: string[]; time: number },
): StoryNameEntry[] {
  const names = frozen.leadNames ?? [];
  const publishedMs = Number.isFinite(frozen.time) ? frozen.time : null;
  return names.map((name) => ({ name, documentId, seq, names: names.length, publishedMs }));
}

/** A stored document's comparable form: its frozen fingerprint, or (traced before they were kept) its text. */
async function frozenOf(store: Store, record: StoredTrace): Promise<FrozenDoc | null> {
  const frozen = record.fingerprint ? thawDoc(record.fingerprint) : null;
  if (frozen) return frozen;
  const doc = await store.getDocument(record.documentId);
  return doc ? describeInput(traceInputFromArticle(doc.id, doc.reading.article)) : null;
}

/**
 * Traces the document in the warm index and writes its trace; null when its parent is not stored
 * (the index was out of date: deleted, or written by a unit that rolled back), to be tried again on
 * a freshly loaded index, unless `last`.
 */
async function traceWarm(
  store: Store,
  warm: WarmIndex,
  { input, described }: PreparedTrace,
  seq: number,
  last: boolean,
  sink: TraceSink = storeSink(store),
): Promise<TraceRecord | null> {
  const id = input.id;
  if (warm.reachSpan > warm.window) {
    const found = warm.reach.find(described.fp.shingles, (seq) => warm.recalled.has(seq));
    if (found.length) await recall(store, warm, found);
  }
  const changed = warm.tracer.add(input, described, seq);
  const doc = changed[0]!;
  warm.pending = id;
  // earlier copies it is the source of take its origin and (as now decided) its story
  const reparentedUnder = (source: TraceRecord) =>
    changed
      .filter((other) => other !== doc && other.parent === doc)
      .map((other) => copyRecord(other, other.order, source));
  if (doc.parent) {
    // a copy: its origin and story are its parent's as stored, read in the write
    const copy: TraceRecord = {
      documentId: id,
      seq,
      parent: doc.parent.id,
      origin: id,
      relation: doc.relation,
      story: id,
      shared: round(doc.shared),
    };
    const written = await sink.saveCopy({
      record: copy,
      // the kept document holds no sorted shingles: the frozen form is made from what was described
      fingerprint: freezeDoc(described),
      reparented: reparentedUnder(copy),
    });
    if (written) return wrote(store, warm, written);
    if (!last) {
      // its parent is not stored: the index was out of date
      warmIndexes.delete(store);
      return null;
    }
  }
  // an origin (or, on the last attempt, a copy whose parent is not stored)
  const record: TraceRecord = {
    documentId: id,
    seq,
    parent: null,
    origin: id,
    relation: null,
    story: id,
    shared: 0,
  };
  const story = await findStory(sink, warm, record, input, doc);
  record.story = story.story;
  const frozen: FrozenDoc = { ...described, leadNames: story.names };
  await sink.save({
    record,
    fingerprint: freezeDoc(frozen),
    reparented: reparentedUnder(record),
    mergedStories: story.merged,
  });
  wrote(store, warm, record);
  warm.addNames(nameEntries(id, seq, frozen));
  return record;
}

/** Notes a trace written by this process: the index's newest, and the store's write epoch. */
function wrote(store: Store, warm: WarmIndex, record: TraceRecord): TraceRecord {
  warm.head = Math.max(warm.head, record.seq);
  warm.epoch = store.writeEpoch();
  return record;
}

interface StoryChoice {
  story: string;
  names: string[];
  merged: string[];
}

/**
 * An origin joins the story of earlier stored origins naming the same actors close in time (the
 * rules of src/trace/stories.ts, over the names the warm index holds); when it matches several
 * stories they become one, under the earliest. Only the matched origins' stories are read.
 */
async function findStory(
  store: Pick<TraceSink, 'getTraces'>,
  warm: WarmIndex,
  record: TraceRecord,
  input: TraceInput,
  doc: TraceDoc,
): Promise<StoryChoice> {
  const names = [...leadNames(input.title ?? '', input.text)];
  // counted on the origins themselves (one object per origin, shared by its names' lists): no map
  // per trace
  const round = ++warm.storyRound;
  const sharing: NamedOrigin[] = [];
  for (const name of names) {
    const list = warm.names.get(name);
    if (!list) continue;
    for (const entry of list) {
      if (entry.documentId === record.documentId) continue;
      if (entry.round === round) entry.shared++;
      else {
        entry.round = round;
        entry.shared = 1;
        sharing.push(entry);
      }
    }
  }
  const matched: string[] = [];
  for (const entry of sharing) {
    if (storyMatches(entry.shared, names.length, entry.names, doc.time, entry.publishedMs ?? NaN))
      matched.push(entry.documentId);
  }
  if (!matched.length) return { story: record.story, names, merged: [] };
  const stories = new Map<string, number>();
  for (const origin of await store.getTraces(matched)) {
    const seq = stories.get(origin.story);
    if (seq === undefined || origin.seq < seq) stories.set(origin.story, origin.seq);
  }
  if (!stories.size) return { story: record.story, names, merged: [] };
  const ordered = [...stories].sort((a, b) => a[1] - b[1]).map(([story]) => story);
  return { story: ordered[0]!, names, merged: ordered.slice(1) };
}

function copyRecord(copy: TraceDoc, seq: number, source: TraceRecord): TraceRecord {
  return {
    documentId: copy.id,
    seq,
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
