// Beyond a Tracer's window: a sparse sample of each older document's shingles (one in 32, by hash, so
// every document samples the same ones), listed by the document's arrival number. A new document's
// sample finds the older documents it may copy (or be copied by), which a store's warm index then
// reads back and restores into its Tracer to be compared in full. About 11 entries per 350-word
// document (~0.2 KB), against ~5 KB for a document the Tracer keeps comparable: a store's warm index
// reaches far back in little memory.
import { SHINGLE_WORDS, shingleOf } from './fingerprint.ts';
import { ShingleIndex } from './shingle-index.ts';

/** Sampled: one shingle in 32 (a subset of the ones a Tracer indexes, one in four). */
const SAMPLE_MASK = 31;
/** Documents listed per sampled shingle; later ones are not (boilerplate, mass duplicates). */
const CAP = 64;
/** Older documents returned per lookup, most shared samples first. */
const MAX_FOUND = 4;

export class ReachIndex {
  private current = new ShingleIndex();
  private previous: ShingleIndex | null = null;
  private inCurrent = 0;
  /** The newest arrival number listed (a document restored into the window again is not re-listed). */
  through = 0;
  private readonly scratch: number[] = [];
  /** Samples shared per older document, for one `find` (emptied after it). */
  private readonly counts = new Map<number, number>();

  /** `span`: documents listed (the newest, between half this and this many). */
  constructor(private readonly span: number) {}

  /** Lists a document (arrival numbers ascending) by the shingles of its word hashes. */
  add(order: number, wordHashes: Uint32Array): void {
    if (order <= this.through) return;
    this.through = order;
    if (this.inCurrent >= Math.max(1, Math.ceil(this.span / 2))) {
      this.previous = this.current;
      this.current = new ShingleIndex(this.previous.hashes, this.previous.listed);
      this.inCurrent = 0;
    }
    this.inCurrent++;
    const sample = sampleOf(wordHashes, this.scratch);
    const { current, previous } = this;
    for (const h of sample) current.add(h, order, CAP, previous?.count(h) ?? 0);
  }

  /**
   * Older documents sharing samples with a text (its sorted unique shingles): those sharing at least
   * two (one, when the text holds three samples or fewer), at most four, most shared first; `skip`
   * leaves out those the Tracer holds already.
   */
  find(shingles: Uint32Array, skip: (order: number) => boolean): number[] {
    const { counts } = this;
    let samples = 0;
    const docs = this.scratch;
    for (let i = 0; i < shingles.length; i++) {
      const h = shingles[i]!;
      if ((h & SAMPLE_MASK) !== 0) continue;
      samples++;
      docs.length = 0;
      this.current.docsAt(this.current.find(h), docs);
      if (this.previous) this.previous.docsAt(this.previous.find(h), docs);
      for (const order of docs) counts.set(order, (counts.get(order) ?? 0) + 1);
    }
    // as a Tracer's candidates: one sample in common is chance for a long text
    const least = Math.min(2, Math.max(1, Math.ceil(samples * 0.3)));
    const found: number[] = [];
    for (const [order, count] of counts) if (count >= least && !skip(order)) found.push(order);
    if (found.length > 1) found.sort((a, b) => counts.get(b)! - counts.get(a)! || b - a);
    counts.clear();
    if (found.length > MAX_FOUND) found.length = MAX_FOUND;
    return found;
  }

  /** Bytes held by the typed arrays. */
  get bytes(): number {
    return this.current.bytes + (this.previous?.bytes ?? 0);
  }
}

/** The unique sampled shingles of a text's word hashes (into `out`). */
function sampleOf(wordHashes: Uint32Array, out: number[]): number[] {
  out.length = 0;
  const n = wordHashes.length - SHINGLE_WORDS + 1;
  for (let i = 0; i < n; i++) {
    const h = shingleOf(wordHashes, i);
    if ((h & SAMPLE_MASK) === 0 && !out.includes(h)) out.push(h);
  }
  return out;
}
