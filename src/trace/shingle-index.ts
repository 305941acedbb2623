// The in-memory inverted index from sampled shingle hash to the documents holding it, in typed
// arrays: an open-addressing table with one row per hash (hash, count, and the document itself when
// it is the only one, else the head of a linked list of document keys in one pool). Most shingles
// belong to one document, so most take one 12-byte row and no list entry; a row is read in one cache
// line. It only grows: the Tracer keeps a window of recent documents with two of these (the current
// and the previous generation) and drops the older one whole.

const EMPTY = -1;
/** Row layout: hash, document count (0 marks a free row), document key or list head. */
const STRIDE = 3;
/** Rows in use at most, of all rows (linear probing stays short below this). */
const MAX_LOAD = 0.7;
/** Rows in use of all rows when sized for an expected number of hashes: room to spare, little waste. */
const SIZED_LOAD = 0.6;

export class ShingleIndex {
  private rows: Uint32Array;
  /** Rows in the table (any number: a hash's home row is scaled to it, not masked). */
  private slots: number;
  private used = 0;
  private docOf: Int32Array;
  private next: Int32Array;
  private postings = 0;

  /**
   * `expected`: distinct hashes the index is sized for, `expectedPostings`: list entries (both grow
   * past them): a generation sized like the one before it neither regrows nor leaves much unused.
   */
  constructor(expected = 1 << 11, expectedPostings = 1024) {
    this.slots = Math.max(1 << 12, Math.ceil(expected / SIZED_LOAD));
    this.rows = new Uint32Array(this.slots * STRIDE);
    const pool = Math.max(1024, Math.ceil(expectedPostings * 1.05));
    this.docOf = new Int32Array(pool);
    this.next = new Int32Array(pool);
  }

  /** List entries held (documents beyond the first under a hash). */
  get listed(): number {
    return this.postings;
  }

  /** Distinct hashes held. */
  get hashes(): number {
    return this.used;
  }

  /** The row of `hash`, or -1 when no document is listed under it. */
  find(hash: number): number {
    const slot = this.slotOf(hash);
    return this.rows[slot * STRIDE + 1] === 0 ? -1 : slot;
  }

  /** Documents listed in a row found by `find` (0 for -1). */
  countAt(slot: number): number {
    return slot < 0 ? 0 : this.rows[slot * STRIDE + 1]!;
  }

  /** Documents listed under `hash` (0 when none). */
  count(hash: number): number {
    return this.countAt(this.find(hash));
  }

  /** Times the table has grown (moving every row: rows found before are no longer where they were). */
  grown = 0;

  /** Lists `doc` under `hash` unless `cap` documents are listed there already (counting `also`). */
  add(hash: number, doc: number, cap: number, also = 0): void {
    let slot = this.slotOf(hash);
    let at = slot * STRIDE;
    const count = this.rows[at + 1]!;
    if (count !== 0) {
      this.addAt(slot, doc, cap, also);
      return;
    }
    if (also >= cap) return;
    if (this.used + 1 > this.slots * MAX_LOAD) {
      this.grow();
      slot = this.slotOf(hash);
      at = slot * STRIDE;
    }
    this.used++;
    this.rows[at] = hash;
    this.rows[at + 1] = 1;
    this.rows[at + 2] = doc;
  }

  /** As `add`, for a hash held already, at its row (found by `find`, the table not grown since). */
  addAt(slot: number, doc: number, cap: number, also = 0): void {
    const at = slot * STRIDE;
    const count = this.rows[at + 1]!;
    if (count + also >= cap) return;
    // the row held its one document inline: it moves to the list
    if (count === 1) this.rows[at + 2] = this.push(this.rows[at + 2]!, EMPTY);
    this.rows[at + 2] = this.push(doc, this.rows[at + 2]!);
    this.rows[at + 1] = count + 1;
  }

  /**
   * Adds one to `hits[doc]` for each document listed in a row found by `find`, and appends to
   * `touched` the documents counted for the first time.
   */
  addHitsAt(slot: number, hits: Int32Array, touched: number[]): void {
    if (slot < 0) return;
    const at = slot * STRIDE;
    if (this.rows[at + 1] === 1) {
      const doc = this.rows[at + 2]!;
      if (hits[doc]!++ === 0) touched.push(doc);
      return;
    }
    for (let p = this.rows[at + 2]! | 0; p !== EMPTY; p = this.next[p]!) {
      const doc = this.docOf[p]!;
      if (hits[doc]!++ === 0) touched.push(doc);
    }
  }

  /** Appends to `out` the documents listed in a row found by `find` (nothing for -1). */
  docsAt(slot: number, out: number[]): void {
    if (slot < 0) return;
    const at = slot * STRIDE;
    if (this.rows[at + 1] === 1) {
      out.push(this.rows[at + 2]!);
      return;
    }
    for (let p = this.rows[at + 2]! | 0; p !== EMPTY; p = this.next[p]!) out.push(this.docOf[p]!);
  }

  /** Bytes held by the typed arrays. */
  get bytes(): number {
    return this.rows.length * 4 + this.docOf.length * 8;
  }

  private push(doc: number, next: number): number {
    if (this.postings === this.docOf.length) {
      this.docOf = growInt(this.docOf);
      this.next = growInt(this.next);
    }
    const p = this.postings++;
    this.docOf[p] = doc;
    this.next[p] = next;
    return p;
  }

  /** The slot holding `hash`, or the free slot where it would go. */
  private slotOf(hash: number): number {
    const { rows, slots } = this;
    // 24 well-mixed bits scaled to the table (exact in doubles up to 2^29 rows)
    let slot = Math.floor(((Math.imul(hash ^ (hash >>> 16), 0x45d9f3b) >>> 8) * slots) / 0x1000000);
    while (rows[slot * STRIDE + 1] !== 0 && rows[slot * STRIDE] !== hash)
      slot = slot + 1 === slots ? 0 : slot + 1;
    return slot;
  }

  private grow(): void {
    this.grown++;
    const old = this.rows;
    this.slots *= 2;
    this.rows = new Uint32Array(this.slots * STRIDE);
    for (let at = 0; at < old.length; at += STRIDE) {
      if (old[at + 1] === 0) continue;
      const to = this.slotOf(old[at]!) * STRIDE;
      this.rows[to] = old[at]!;
      this.rows[to + 1] = old[at + 1]!;
      this.rows[to + 2] = old[at + 2]!;
    }
  }
}

/** Half as much again: the pool of a full generation is not left a third empty on average. */
function growInt(values: Int32Array): Int32Array {
  const bigger = new Int32Array(Math.ceil(values.length * 1.5));
  bigger.set(values);
  return bigger;
}
