// The in-memory inverted index from sampled shingle hash to the documents holding it, in typed
// arrays: an open-addressing table of hashes, each with a count and a linked list of document keys
// in one pool. A Map of arrays costs ~60 bytes per distinct shingle; this costs ~20. It only grows:
// the Tracer keeps a window of recent documents with two of these (the current and the previous
// generation) and drops the older one whole.

const EMPTY = -1;

export class ShingleIndex {
  private keys: Uint32Array;
  /** Documents listed under the slot's hash; 0 marks an empty slot. */
  private counts: Uint16Array;
  private heads: Int32Array;
  private used = 0;
  private mask: number;
  private docOf: Int32Array;
  private next: Int32Array;
  private postings = 0;

  constructor(slots = 1 << 12) {
    this.keys = new Uint32Array(slots);
    this.counts = new Uint16Array(slots);
    this.heads = new Int32Array(slots);
    this.mask = slots - 1;
    this.docOf = new Int32Array(slots);
    this.next = new Int32Array(slots);
  }

  /** Documents listed under `hash` (0 when none). */
  count(hash: number): number {
    const slot = this.find(hash);
    return slot < 0 ? 0 : this.counts[slot]!;
  }

  /** Lists `doc` under `hash` unless `cap` documents are listed there already (counting `also`). */
  add(hash: number, doc: number, cap: number, also = 0): void {
    let slot = this.slotOf(hash);
    if (this.counts[slot]! + also >= cap) return;
    if (this.counts[slot]! === 0) {
      if ((this.used + 1) * 2 > this.keys.length) {
        this.grow();
        slot = this.slotOf(hash);
      }
      this.used++;
      this.keys[slot] = hash;
      this.heads[slot] = EMPTY;
    }
    if (this.postings === this.docOf.length) {
      this.docOf = growInt(this.docOf);
      this.next = growInt(this.next);
    }
    const at = this.postings++;
    this.docOf[at] = doc;
    this.next[at] = this.heads[slot]!;
    this.heads[slot] = at;
    this.counts[slot]!++;
  }

  /**
   * Adds one to `hits[doc]` for each document listed under `hash`, and appends to `touched` the
   * documents counted for the first time.
   */
  addHits(hash: number, hits: Int32Array, touched: number[]): void {
    const slot = this.find(hash);
    if (slot < 0) return;
    for (let at = this.heads[slot]!; at !== EMPTY; at = this.next[at]!) {
      const doc = this.docOf[at]!;
      if (hits[doc]!++ === 0) touched.push(doc);
    }
  }

  /** Bytes held by the typed arrays. */
  get bytes(): number {
    return this.keys.length * 10 + this.docOf.length * 8;
  }

  private find(hash: number): number {
    const slot = this.slotOf(hash);
    return this.counts[slot]! === 0 ? -1 : slot;
  }

  /** The slot holding `hash`, or the empty slot where it would go. */
  private slotOf(hash: number): number {
    let slot = Math.imul(hash ^ (hash >>> 16), 0x45d9f3b) & this.mask;
    while (this.counts[slot]! !== 0 && this.keys[slot] !== hash) slot = (slot + 1) & this.mask;
    return slot;
  }

  private grow(): void {
    const { keys, counts, heads } = this;
    const size = keys.length * 2;
    this.keys = new Uint32Array(size);
    this.counts = new Uint16Array(size);
    this.heads = new Int32Array(size);
    this.mask = size - 1;
    for (let i = 0; i < keys.length; i++) {
      if (counts[i]! === 0) continue;
      const slot = this.slotOf(keys[i]!);
      this.keys[slot] = keys[i]!;
      this.counts[slot] = counts[i]!;
      this.heads[slot] = heads[i]!;
    }
  }
}

function growInt(values: Int32Array): Int32Array {
  const bigger = new Int32Array(values.length * 2);
  bigger.set(values);
  return bigger;
}
