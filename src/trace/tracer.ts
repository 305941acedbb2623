// The trace index: documents arrive one at a time; each is compared with earlier documents that
// share rare shingles, linked to those sharing enough text, and given a parent, origin and relation.
// A document that turns out to be the source of earlier arrivals re-parents them.
import {
  NO_LINKS,
  ShingleProbe,
  shingleTag,
  fingerprint,
  flatName,
  hostOf,
  nameHashes,
  normaliseUrl,
  sharedParagraphs,
  type Fingerprint,
} from './fingerprint.ts';
import { chooseParent, isSourceOf, relationOf } from './decide.ts';
import { ShingleIndex } from './shingle-index.ts';
import { Stories } from './stories.ts';
import type { FrozenDoc } from './frozen.ts';
import {
  RELATIONS,
  type Link,
  type Relation,
  type TraceDoc,
  type TraceInput,
  type TraceResult,
} from './types.ts';

export interface TracerOptions {
  /** Documents kept per shingle; later ones are not indexed under a shingle this common. */
  postingCap?: number;
  /** Candidates compared in full per new document (most shared shingles first). */
  maxCandidates?: number;
  /** Least shingles two documents must share to be linked. */
  minCommon?: number;
  /** Least share of the smaller document's shingles found in the other to be linked. */
  minShare?: number;
  /**
   * Documents kept comparable in memory (the most recent arrivals, between half this and this many);
   * older ones keep their decision but leave the index, so memory stays bounded on an endless stream.
   */
  window?: number;
  /**
   * Forget a document entirely when it leaves the window (its id and decision too): for a tracer
   * whose decisions live elsewhere (a store), so its memory stays flat however many documents pass.
   */
  forgetLeaving?: boolean;
  /** Group origins into stories (a tracer whose stories a store groups leaves this off). */
  stories?: boolean;
  /**
   * Called for each document as it leaves the window, while it still holds its fingerprint (a store's
   * warm index keeps a sparse sample of it, to find copies of older documents).
   */
  onLeave?: ((doc: TraceDoc) => void) | null;
}

const NO_WORDS = new Uint32Array(0);
const NO_SHINGLES = new Uint32Array(0);
const NO_TAGS = new Uint16Array(0);
const EMPTY_FINGERPRINT: Fingerprint = {
  shingles: new Uint32Array(0),
  paragraphSpans: new Uint32Array(0),
  words: 0,
  wordHashes: new Uint32Array(0),
  links: NO_LINKS,
};

/** Text compared per document: its beginning, which every copy of it shares; keeps a huge page cheap. */
export const MAX_TRACED_CHARS = 200_000;

/** Links kept per document: enough to find the closest source among many copies. */
const MAX_LINKS = 48;
const VIA_LINE = /(?:^|\n)[ \t]*via:?[ \t]+\S/i;
const UPDATE_MARK = /^(?:update\b|\(updates?\b|updated?\s*[,:\d])/i;

export class Tracer {
  /** Per key, the document while it is in the window (null after). */
  private readonly held: (TraceDoc | null)[] = [];
  /** Key per id, for every document ever added. */
  private readonly byId = new Map<string, number>();
  /** Every document's decision, by key, kept compact after the document leaves the window. */
  private readonly decisions = new Decisions();
  private current = new ShingleIndex();
  private previous: ShingleIndex | null = null;
  /** Key of the first document indexed in the current generation, and in the previous one. */
  private generationStart = 0;
  private previousStart = 0;
  private readonly options: Required<TracerOptions>;
  private readonly stories = new Stories();
  /** Per document key, shared shingles with the document being traced (reset after each). */
  private hits = new Int32Array(1024);
  /** The shingles of the document being added (or restored), counted in candidates' texts. */
  private readonly probe = new ShingleProbe();
  /** A candidate's shingles, when its paragraphs are compared. */
  private readonly otherProbe = new ShingleProbe();
  /** Where the current generation's fingerprints are kept (dropped with the generation). */
  private arena = new Arena();
  /** Scratch for the sampled shingles of the document being added. */
  private sampled = new Uint32Array(256);
  /** One site name (and its word hashes) per site, shared by its documents. */
  private readonly sites = new Map<string, { siteName: string; siteWords: Uint32Array }>();

  constructor(options: TracerOptions = {}) {
    this.options = {
      postingCap: 64,
      maxCandidates: 24,
      minCommon: 6,
      minShare: 0.3,
      window: 100_000,
      forgetLeaving: false,
      stories: true,
      onLeave: null,
      ...options,
    };
  }

  get size(): number {
    return this.held.length;
  }

  /** The documents in the window (still comparable), in arrival order. */
  get docs(): TraceDoc[] {
    return this.held.filter((doc): doc is TraceDoc => doc !== null);
  }

  /**
   * Traces one document against everything added before it; returns the documents whose result
   * changed. `order`: its arrival number (default: how many were added before it), compared with
   * other documents' only (a store gives its own numbers).
   */
  add(input: TraceInput, described?: FrozenDoc, order?: number): TraceDoc[] {
    this.turnGeneration();
    // made here, its arrays are scratch until the arena copies them
    const frozen = described ?? describeInput(input, true);
    const doc = this.makeDoc(input.id, frozen, order);
    const sampled = this.sampledOf(frozen.fp.shingles);
    doc.links = this.findLinks(doc, frozen.fp.shingles, sampled);
    this.index(doc, sampled);
    this.hold(doc);
    this.settle(doc);
    const changed = [doc];
    for (const link of doc.links) {
      const other = link.other;
      // An earlier document only needs the link when the newcomer may be its source (re-parenting).
      if (!isSourceOf(doc, other, link.common)) continue;
      if (other.links.length >= MAX_LINKS) continue;
      other.links.push({
        other: doc,
        common: link.common,
        // the probe holds the newcomer's shingles still
        paragraphs: sharedParagraphs(other.fp, this.probe),
      });
      if (this.settle(other)) changed.push(other);
    }
    if (!doc.parent && this.options.stories) this.stories.addOrigin(doc, input.title ?? '', input.text);
    return changed;
  }

  /**
   * Takes in a document traced before (by a store) as it was: comparable, indexed, with no links
   * yet. Its stored parent, if any, is attached by `restoreParent` once both are in.
   */
  restore(id: string, frozen: FrozenDoc, order?: number): TraceDoc {
    this.turnGeneration();
    const doc = this.makeDoc(id, frozen, order);
    this.index(doc, this.sampledOf(frozen.fp.shingles));
    this.hold(doc);
    return doc;
  }

  /** Gives a restored document its stored decision: its parent (restored too) and how it copies it. */
  restoreParent(doc: TraceDoc, parent: TraceDoc, relation: Relation | null, shared: number): void {
    if (createsCycle(doc, parent)) return;
    doc.links.push({
      other: parent,
      common: this.probe.loadWindows(doc.fp.wordHashes).commonWindows(parent.fp.wordHashes, 0),
      paragraphs: sharedParagraphs(doc.fp, this.otherProbe.loadWindows(parent.fp.wordHashes)),
    });
    doc.parent = parent;
    doc.relation = relation;
    doc.shared = shared;
    this.decisions.set(doc);
    this.stories.join(doc, parent);
  }

  /** The document with this id while it is in the window. */
  get(id: string): TraceDoc | undefined {
    const key = this.byId.get(id);
    return key === undefined ? undefined : (this.held[key] ?? undefined);
  }

  /** Whether a document with this id was added (in the window or before it). */
  has(id: string): boolean {
    return this.byId.has(id);
  }

  result(doc: TraceDoc): TraceResult {
    return this.resultAt(doc.key);
  }

  /** The decision for any document added, in the window or not. */
  resultOf(id: string): TraceResult | undefined {
    const key = this.byId.get(id);
    return key === undefined ? undefined : this.resultAt(key);
  }

  /** Every document's decision, in arrival order. */
  *results(): Generator<TraceResult> {
    for (let key = 0; key < this.held.length; key++) yield this.resultAt(key);
  }

  private resultAt(key: number): TraceResult {
    const { decisions } = this;
    const parent = decisions.parent(key);
    return {
      id: decisions.ids[key]!,
      parent: parent < 0 ? null : decisions.ids[parent]!,
      origin: decisions.ids[decisions.origin(key)]!,
      relation: decisions.relation(key),
      story: decisions.ids[this.stories.storyOf(key)]!,
      shared: decisions.shared(key),
    };
  }

  private hold(doc: TraceDoc): void {
    this.held.push(doc);
    this.byId.set(doc.id, doc.key);
    this.decisions.add(doc.id);
    this.stories.register(doc);
  }

  /** Re-decides a document's parent; true when it changed. */
  private settle(doc: TraceDoc): boolean {
    const link = chooseParent(doc);
    const parent = link?.other ?? null;
    if (parent && createsCycle(doc, parent)) return false;
    const relation = link ? relationOf(link.other, doc, link.common) : null;
    const shared = link ? link.common / Math.max(1, doc.size) : 0;
    if (parent === doc.parent && relation === doc.relation) return false;
    doc.parent = parent;
    if (parent) this.stories.join(doc, parent);
    doc.relation = relation;
    doc.shared = shared;
    this.decisions.set(doc);
    return true;
  }

  private makeDoc(id: string, described: FrozenDoc, order?: number): TraceDoc {
    const key = this.held.length;
    const site = this.siteOf(described.siteName);
    // one literal, so every TraceDoc has the same shape
    return {
      key,
      id,
      order: order ?? key,
      siteName: site.siteName,
      siteWords: site.siteWords,
      host: described.host,
      url: described.url,
      time: described.time,
      title: described.title,
      fp: this.arena.keep(described.fp),
      tags: this.arena.tags(described.fp.shingles),
      size: described.fp.shingles.length,
      words: described.fp.words,
      credits: described.credits,
      attributed: described.attributed,
      updateMark: described.updateMark,
      links: [],
      parent: null,
      relation: null,
      shared: 0,
    };
  }

  private siteOf(siteName: string): { siteName: string; siteWords: Uint32Array } {
    if (!siteName) return NO_SITE;
    let site = this.sites.get(siteName);
    if (!site) {
      site = { siteName, siteWords: nameHashes(siteName) };
      this.sites.set(siteName, site);
    }
    return site;
  }

  /** Links to earlier documents sharing enough text; `shingles`: the document's (kept only while it is added). */
  private findLinks(doc: TraceDoc, shingles: Uint32Array, sampled: Uint32Array): Link[] {
    const { minCommon, minShare, maxCandidates } = this.options;
    if (this.hits.length < this.held.length + 1) {
      const bigger = new Int32Array(Math.max(1024, this.held.length * 2));
      bigger.set(this.hits);
      this.hits = bigger;
    }
    // rare shingles first: a list at its cap is boilerplate or a mass-duplicated text, read only
    // when the rare ones found nothing
    let touched = this.countHits(sampled, true);
    if (!touched.some((key) => this.hits[key]! * 4 >= minCommon)) {
      for (const key of touched) this.hits[key] = 0;
      touched = this.countHits(sampled, false);
    }
    // one sampled shingle in common is chance for a long text; a short one may have only a few
    const least = Math.min(2, Math.max(1, Math.ceil(sampled.length * minShare)));
    const candidates: number[] = [];
    for (const key of touched) if (this.hits[key]! >= least) candidates.push(key);
    candidates.sort((a, b) => this.hits[b]! - this.hits[a]! || a - b);
    if (candidates.length > maxCandidates) candidates.length = maxCandidates;
    for (const key of touched) this.hits[key] = 0;
    const links: Link[] = [];
    if (!candidates.length) return links;
    this.probe.load(shingles);
    for (const key of candidates) {
      const other = this.held[key]!;
      const smaller = Math.max(1, Math.min(doc.size, other.size));
      const need = leastCommon(minCommon, minShare, smaller);
      if (this.probe.tagBound(other.tags, need) < need) continue;
      const common = this.probe.commonWindows(other.fp.wordHashes, need);
      if (common >= need) {
        // a link's count ran to the end: every shingle of this document it found is marked
        const paragraphs = sharedParagraphs(doc.fp, this.probe.found);
        links.push({ other, common, paragraphs });
      }
    }
    return links;
  }

  /** The sampled shingles (those the index holds) of a document's shingles. */
  private sampledOf(all: Uint32Array): Uint32Array {
    if (this.sampled.length < all.length) this.sampled = new Uint32Array(all.length * 2);
    const out = this.sampled;
    let n = 0;
    for (let i = 0; i < all.length; i++) if (isSampled(all[i]!)) out[n++] = all[i]!;
    return out.subarray(0, n);
  }

  /**
   * Where each sampled shingle of the document being added lies in the current and the previous
   * generation (rows from `find`), looked up once for `countHits` (both passes) and `index`: the
   * rows are scattered over tens of megabytes, and a second look at one costs as much as the first.
   */
  private looked: Uint32Array | null = null;
  private currentRows = new Int32Array(256);
  private previousRows = new Int32Array(256);

  private lookUp(sampled: Uint32Array): void {
    if (this.looked === sampled) return;
    if (this.currentRows.length < sampled.length) {
      this.currentRows = new Int32Array(sampled.length * 2);
      this.previousRows = new Int32Array(sampled.length * 2);
    }
    const { current, previous, currentRows, previousRows } = this;
    for (let i = 0; i < sampled.length; i++) {
      const h = sampled[i]!;
      currentRows[i] = current.find(h);
      previousRows[i] = previous ? previous.find(h) : -1;
    }
    this.looked = sampled;
  }

  /** Adds up indexed shingles shared with each earlier document; returns the documents touched. */
  private countHits(sampled: Uint32Array, rareOnly: boolean): number[] {
    const cap = this.options.postingCap;
    const touched: number[] = [];
    this.lookUp(sampled);
    const { current, previous, hits, currentRows, previousRows } = this;
    for (let i = 0; i < sampled.length; i++) {
      const inCurrent = currentRows[i]!;
      const inPrevious = previousRows[i]!;
      if (rareOnly && current.countAt(inCurrent) + (previous?.countAt(inPrevious) ?? 0) >= cap) continue;
      current.addHitsAt(inCurrent, hits, touched);
      previous?.addHitsAt(inPrevious, hits, touched);
    }
    return touched;
  }

  private index(doc: TraceDoc, sampled: Uint32Array): void {
    const cap = this.options.postingCap;
    const { current, previous } = this;
    // the rows looked up for this document, while the table has not grown since (a grown table
    // moves every row; a hash not held has no row yet: it is placed by `add`)
    const looked = this.looked === sampled;
    this.looked = null;
    const grown = current.grown;
    const { currentRows, previousRows } = this;
    for (let i = 0; i < sampled.length; i++) {
      const h = sampled[i]!;
      if (!looked) current.add(h, doc.key, cap, previous?.count(h) ?? 0);
      else {
        const also = previous ? previous.countAt(previousRows[i]!) : 0;
        const row = currentRows[i]!;
        if (row >= 0 && current.grown === grown) current.addAt(row, doc.key, cap, also);
        else current.add(h, doc.key, cap, also);
      }
    }
  }

  /**
   * Starts a new index generation when the current one holds half a window: the generation before
   * it leaves the index, and its documents keep their decisions but drop what comparisons need.
   */
  private turnGeneration(): void {
    const half = Math.max(1, Math.ceil(this.options.window / 2));
    if (this.held.length - this.generationStart < half) return;
    for (let key = this.previousStart; key < this.generationStart; key++) {
      // a document in the window may still name this one its parent: it keeps what decisions read
      const doc = this.held[key]!;
      this.options.onLeave?.(doc);
      doc.fp = EMPTY_FINGERPRINT;
      doc.tags = NO_TAGS;
      doc.links = NO_LINKED;
      this.held[key] = null;
      if (this.options.forgetLeaving) {
        this.byId.delete(doc.id);
        this.decisions.forget(key);
      }
    }
    this.stories.forgetBefore(this.generationStart);
    this.previous = this.current;
    this.previousStart = this.generationStart;
    // sized for as many hashes as the generation before: no regrowing on a steady stream
    this.current = new ShingleIndex(this.previous.hashes, this.previous.listed);
    this.arena = new Arena();
    this.generationStart = this.held.length;
  }
}

/**
 * Fingerprint arrays of one generation, copied into large shared chunks: a kept document costs no
 * allocation of its own, and the chunks go whole when the generation leaves the window (thousands
 * of small buffers freed one by one leave the process's memory fragmented and its RSS high).
 */
class Arena {
  private chunk = new Uint32Array(0);
  private used = 0;
  /**
   * Size of the next chunk: small for a tracer holding a few documents, up to 32 MB (large enough
   * that the C library maps it on its own and gives it back when freed).
   */
  private next = 1 << 14;

  /** The fingerprint with its arrays moved into the arena. */
  keep(fp: Fingerprint): Fingerprint {
    const { words } = fp;
    // word hashes and paragraph spans lie in one run when `fingerprint` made them
    const joined =
      fp.wordHashes.buffer === fp.paragraphSpans.buffer &&
      fp.paragraphSpans.byteOffset === fp.wordHashes.byteOffset + 4 * words;
    const wordsAndSpans = joined
      ? this.copy(
          new Uint32Array(fp.wordHashes.buffer, fp.wordHashes.byteOffset, words + fp.paragraphSpans.length),
        )
      : null;
    // the sorted shingles are not kept: comparisons hash a kept text's shingles from its words
    return {
      shingles: NO_SHINGLES,
      paragraphSpans: wordsAndSpans ? wordsAndSpans.subarray(words) : this.copy(fp.paragraphSpans),
      words,
      wordHashes: wordsAndSpans ? wordsAndSpans.subarray(0, words) : this.copy(fp.wordHashes),
      links: fp.links,
      storedParagraphs: fp.storedParagraphs,
    };
  }

  /** The shingles' tags (`shingleTag`), two to a 32-bit slot of the arena. */
  tags(shingles: Uint32Array): Uint16Array {
    const n = shingles.length;
    const room = this.room((n + 1) >> 1);
    const tags = new Uint16Array(room.buffer, room.byteOffset, n);
    for (let i = 0; i < n; i++) tags[i] = shingleTag(shingles[i]!);
    return tags;
  }

  private copy(values: Uint32Array): Uint32Array {
    const kept = this.room(values.length);
    kept.set(values);
    return kept;
  }

  /** `n` slots of the arena (a new array if `n` is large). */
  private room(n: number): Uint32Array {
    if (n > 1 << 16) return new Uint32Array(n);
    if (this.used + n > this.chunk.length) {
      this.chunk = new Uint32Array(Math.max(this.next, n));
      this.next = Math.min(1 << 23, this.next * 2);
      this.used = 0;
    }
    const room = this.chunk.subarray(this.used, this.used + n);
    this.used += n;
    return room;
  }
}

const RELATION_CODES: (Relation | null)[] = [null, ...RELATIONS];

/**
 * Each document's id and decision by key, in typed arrays: what a document keeps once it leaves
 * the window (about 60 bytes with its id, against kilobytes for a comparable one).
 */
class Decisions {
  readonly ids: string[] = [];
  private parents = new Int32Array(1024);
  private relations = new Uint8Array(1024);
  /** Share found in the parent, in thousandths (as results round it). */
  private shares = new Uint16Array(1024);

  add(id: string): void {
    const key = this.ids.length;
    this.ids.push(id);
    if (key === this.parents.length) {
      const size = key * 2;
      this.parents = grown(this.parents, new Int32Array(size));
      this.relations = grown(this.relations, new Uint8Array(size));
      this.shares = grown(this.shares, new Uint16Array(size));
    }
    this.parents[key] = -1;
  }

  /** Lets go of the id of a document that left the window (results no longer read it). */
  forget(key: number): void {
    this.ids[key] = '';
  }

  set(doc: TraceDoc): void {
    this.parents[doc.key] = doc.parent ? doc.parent.key : -1;
    this.relations[doc.key] = RELATION_CODES.indexOf(doc.relation);
    this.shares[doc.key] = Math.round(doc.shared * 1000);
  }

  parent(key: number): number {
    return this.parents[key]!;
  }

  relation(key: number): Relation | null {
    return RELATION_CODES[this.relations[key]!]!;
  }

  shared(key: number): number {
    return this.shares[key]! / 1000;
  }

  /** The root of the key's parent chain (a cycle, which settling prevents, stops the walk). */
  origin(key: number): number {
    let current = key;
    for (let steps = 0; this.parents[current]! >= 0 && steps < this.ids.length; steps++) {
      current = this.parents[current]!;
      if (current === key) break;
    }
    return current;
  }
}

function grown<T extends Int32Array | Uint8Array | Uint16Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

/** Links of every document that left the window. */
const NO_LINKED: Link[] = [];
Object.freeze(NO_LINKED);
/** Credits of every document that credits nothing. */
const NO_CREDITS: string[] = [];
Object.freeze(NO_CREDITS);

const NO_SITE = { siteName: '', siteWords: NO_WORDS };

/** The least shingles in common that link two documents: `minCommon`, and `minShare` of the smaller. */
function leastCommon(minCommon: number, minShare: number, smaller: number): number {
  let need = Math.ceil(minShare * smaller);
  // exactly the count where common / smaller >= minShare starts to hold, whatever the rounding
  while (need > 0 && (need - 1) / smaller >= minShare) need--;
  while (need / smaller < minShare) need++;
  return Math.max(minCommon, need);
}

/**
 * Only one shingle in four (chosen by hash, so every document picks the same ones) is indexed: a copy
 * shares dozens of shingles with its source, so it still meets it, at a quarter of the index.
 */
export function isSampled(hash: number): boolean {
  return (hash & 3) === 0;
}

/** The via line's link counts as linked from the text (extract takes the line out of the text). */
function withLink(fp: Fingerprint, url: string | null | undefined): Fingerprint {
  if (!url) return fp;
  const links = new Set(fp.links);
  links.add(normaliseUrl(url));
  const host = hostOf(url);
  if (host) links.add(host);
  return { ...fp, links };
}

/** What tracing compares of a document: its fingerprint, site, time, title and credits. */
export function describeInput(input: TraceInput, transient = false): FrozenDoc {
  const body = input.text.length > MAX_TRACED_CHARS ? input.text.slice(0, MAX_TRACED_CHARS) : input.text;
  const text = input.title ? `${input.title}\n\n${body}` : body;
  const named = [input.via?.name, ...(input.citedSources ?? [])].filter((n): n is string => Boolean(n));
  const credits = named.length ? named.map(flatName) : NO_CREDITS;
  return {
    siteName: input.site ? flatName(input.site) : '',
    host: hostOf(input.url),
    url: input.url ? normaliseUrl(input.url) : null,
    time: input.published ? Date.parse(input.published) : NaN,
    title: input.title ?? '',
    fp: withLink(fingerprint(text, transient), input.via?.url),
    credits,
    attributed: credits.length > 0 || VIA_LINE.test(input.text),
    updateMark: UPDATE_MARK.test(input.title ?? '') || UPDATE_MARK.test(input.text.trimStart()),
  };
}

/** At most this many index keys per document go to a store (the smallest sampled hashes). */
export const MAX_STORED_KEYS = 1000;

/** The sampled shingle hashes that index a document in a store, as `Tracer` indexes it in memory. */
export function indexKeys(input: TraceInput): number[] {
  const text = input.title ? `${input.title}\n\n${input.text}` : input.text;
  const keys: number[] = [];
  for (const h of fingerprint(text).shingles.sort()) {
    if (!isSampled(h)) continue;
    keys.push(h);
    if (keys.length >= MAX_STORED_KEYS) break;
  }
  return keys;
}

export function originOf(doc: TraceDoc): TraceDoc {
  let current = doc;
  const seen = new Set<TraceDoc>([doc]);
  while (current.parent && !seen.has(current.parent)) {
    current = current.parent;
    seen.add(current);
  }
  return current;
}

function createsCycle(doc: TraceDoc, parent: TraceDoc): boolean {
  for (let p: TraceDoc | null = parent; p; p = p.parent) if (p === doc) return true;
  return false;
}
