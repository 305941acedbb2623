// A document's text reduced to what tracing compares: word tokens, hashed word 5-grams (shingles)
// as a sorted set, and the normalised forms used to spot attribution (site names, linked hosts).

/** Words per shingle: long enough that unrelated texts rarely share one, short enough for edits. */
export const SHINGLE_WORDS = 5;
const WORD_RUN = /[\p{L}\p{N}]+/gu;
const LINK = /https?:\/\/[^\s"<>)\]]+/g;

export interface Fingerprint {
  /**
   * Unique shingle hashes of the whole text, in the order they first occur (read as a set; sorted in
   * fingerprints frozen before version 3).
   */
  shingles: Uint32Array;
  /**
   * Word ranges of the paragraphs of 3+ shingles, as [from, to) pairs into `wordHashes`: a
   * paragraph's shingles are recomputed from its words when needed (`sharedParagraphs`), so a kept
   * document does not hold a second copy of its shingles.
   */
  paragraphSpans: Uint32Array;
  /** Number of words in the text. */
  words: number;
  /** Hash of each word (`wordHash` of its lower-cased form), in text order: names are looked up in it. */
  wordHashes: Uint32Array;
  /** Host names (without www.) and full URLs linked from the text. */
  links: ReadonlySet<string>;
  /**
   * Per paragraph sorted shingles with their ends, as fingerprints frozen before paragraph spans
   * were kept stored them (`frozen.ts` version 1); used instead of `paragraphSpans` when present.
   */
  storedParagraphs?: { shingles: Uint32Array; ends: Uint32Array };
}

/** Shared by every fingerprint that links nothing (most of them). */
export const NO_LINKS: ReadonlySet<string> = new Set<string>();

export function wordHash(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export function tokens(text: string): string[] {
  return text.toLowerCase().match(WORD_RUN) ?? [];
}

export function shingleHashes(words: string[]): Uint32Array {
  const hashes = Uint32Array.from(words, (word) => wordHash(word));
  return uniqueSorted(windowHashes(hashes, 0, hashes.length));
}

let windowScratch = new Uint32Array(4096);

/**
 * A set of 32-bit values in a reused open-addressing table, emptied in O(1) (each slot is stamped
 * with the round that filled it): unique shingles without sorting them.
 */
class Dedupe {
  private table = new Uint32Array(1 << 10);
  private stamps = new Uint32Array(1 << 10);
  private stamp = 0;
  private bits = 10;

  /** Empties the set, sized for up to `n` values. */
  begin(n: number): void {
    let bits = 10;
    while (1 << bits < n * 2) bits++;
    if (1 << bits > this.table.length) {
      this.table = new Uint32Array(1 << bits);
      this.stamps = new Uint32Array(1 << bits);
      this.stamp = 0;
    }
    this.bits = bits;
    if (++this.stamp === 0xffffffff) {
      this.stamps.fill(0);
      this.stamp = 1;
    }
  }

  /** Adds a value; true when it was not in the set. */
  add(h: number): boolean {
    const { table, stamps, stamp } = this;
    const mask = (1 << this.bits) - 1;
    // shingle hashes are well mixed: their top bits pick the slot
    let slot = h >>> (32 - this.bits);
    while (stamps[slot] === stamp) {
      if (table[slot] === h) return false;
      slot = (slot + 1) & mask;
    }
    stamps[slot] = stamp;
    table[slot] = h;
    return true;
  }
}

const dedupe = new Dedupe();

/** The unique shingles of a run of word hashes, in first-occurrence order (into a reused buffer). */
function uniqueShingles(hashes: Uint32Array, transient: boolean): Uint32Array {
  const count = Math.max(0, hashes.length - SHINGLE_WORDS + 1);
  if (windowScratch.length < count) windowScratch = new Uint32Array(count * 2);
  const windows = windowScratch;
  dedupe.begin(count);
  let unique = 0;
  for (let i = 0; i < count; i++) {
    const h = shingleOf(hashes, i);
    if (dedupe.add(h)) windows[unique++] = h;
  }
  return transient ? windows.subarray(0, unique) : windows.slice(0, unique);
}

/** The unique shingles of a text from its word hashes, as `fingerprint` makes them. */
export function shinglesOfWords(wordHashes: Uint32Array): Uint32Array {
  return uniqueShingles(wordHashes, false);
}

function uniqueSorted(values: Uint32Array): Uint32Array {
  return values.slice(0, uniqueInPlace(values));
}

/** Sorts in place and moves the unique values to the front; returns how many there are. */
function uniqueInPlace(values: Uint32Array): number {
  values.sort();
  let n = 0;
  for (let i = 0; i < values.length; i++)
    if (i === 0 || values[i] !== values[i - 1]) values[n++] = values[i]!;
  return n;
}

/** Size of the intersection of two sorted sets (of `a` only the range [from, to), of `b` from `start`). */
export function intersectionSize(a: Uint32Array, b: Uint32Array, from = 0, to = a.length, start = 0): number {
  let i = from;
  let j = start;
  let n = 0;
  const bn = b.length;
  while (i < to && j < bn) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      n++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return n;
}

/** Paragraphs of `a` with at least half of their shingles in `b`. */
export function sharedParagraphs(a: Fingerprint, b: { has(hash: number): boolean }): number {
  const { shingles, ends } = a.storedParagraphs ?? paragraphShingles(a);
  let n = 0;
  let from = 0;
  for (let p = 0; p < ends.length; p++) {
    const to = ends[p]!;
    let found = 0;
    for (let i = from; i < to; i++) if (b.has(shingles[i]!)) found++;
    if (2 * found >= to - from) n++;
    from = to;
  }
  return n;
}

// The last fingerprint's paragraph shingles: a new document is compared with several candidates in a row.
let paragraphsOf: Fingerprint | null = null;
let paragraphBuffer = new Uint32Array(1024);
let paragraphEnds = new Uint32Array(64);
const paragraphDedupe = new Dedupe();

/** Each paragraph's unique shingles one after another, and where each ends (scratch buffers). */
function paragraphShingles(fp: Fingerprint): { shingles: Uint32Array; ends: Uint32Array } {
  const spans = fp.paragraphSpans;
  const count = spans.length >> 1;
  if (paragraphsOf !== fp) {
    paragraphsOf = null;
    if (paragraphBuffer.length < fp.words) paragraphBuffer = new Uint32Array(fp.words * 2);
    if (paragraphEnds.length < count) paragraphEnds = new Uint32Array(count * 2);
    let end = 0;
    for (let p = 0; p < count; p++) {
      const from = spans[2 * p]!;
      const windows = spans[2 * p + 1]! - from - SHINGLE_WORDS + 1;
      paragraphDedupe.begin(windows);
      for (let i = 0; i < windows; i++) {
        const h = shingleOf(fp.wordHashes, from + i);
        if (paragraphDedupe.add(h)) paragraphBuffer[end++] = h;
      }
      paragraphEnds[p] = end;
    }
    paragraphsOf = fp;
  }
  return { shingles: paragraphBuffer, ends: paragraphEnds.subarray(0, count) };
}

let keptScratch = new Uint32Array(4096);

/**
 * `transient`: the arrays are views of buffers the next call overwrites (for a caller that copies
 * them at once, as the Tracer does into its arena); saves two short-lived allocations per document.
 */
export function fingerprint(text: string, transient = false): Fingerprint {
  const lower = text.toLowerCase();
  const { hashes, words, starts } = scanWords(lower);
  // one allocation for the kept arrays: word hashes, then the paragraph spans
  const spanCount = starts.length - 1;
  const keptLength = words + 2 * spanCount;
  if (transient && keptScratch.length < keptLength) keptScratch = new Uint32Array(keptLength * 2);
  const kept = transient ? keptScratch.subarray(0, keptLength) : new Uint32Array(keptLength);
  kept.set(hashes.subarray(0, words));
  let spans = 0;
  for (let i = 0; i < spanCount; i++) {
    const from = starts[i]!;
    const to = starts[i + 1]!;
    if (to - from - SHINGLE_WORDS + 1 < 3) continue;
    kept[words + spans++] = from;
    kept[words + spans++] = to;
  }
  let links: Set<string> | null = null;
  if (text.includes('http')) {
    for (const m of text.match(LINK) ?? []) {
      const url = m.replace(/[.,;:]+$/, '');
      links ??= new Set();
      links.add(normaliseUrl(url));
      const host = hostOf(url);
      if (host) links.add(host);
    }
  }
  const wordHashes = kept.subarray(0, words);
  return {
    shingles: uniqueShingles(wordHashes, transient),
    paragraphSpans: kept.subarray(words, words + spans),
    words,
    wordHashes,
    links: links ?? NO_LINKS,
  };
}

const WORD_CHAR = /^[\p{L}\p{N}]$/u;
const SPACE_CHAR = /^\s$/;
/** Per UTF-16 code unit below 0x10000: 0 unknown, 1 word character, 2 space, 3 other. */
const CHAR_CLASS = new Uint8Array(0x10000);
const WORD = 1;
const SPACE = 2;

function charClass(code: number): number {
  let c = CHAR_CLASS[code]!;
  if (c === 0) {
    const ch = String.fromCharCode(code);
    c = WORD_CHAR.test(ch) ? WORD : SPACE_CHAR.test(ch) ? SPACE : 3;
    CHAR_CLASS[code] = c;
  }
  return c;
}

interface WordScan {
  /** FNV-1a hash of each word (as `wordHash`), in text order. */
  hashes: Uint32Array;
  words: number;
  /** Word index at which each paragraph starts, then the word count. */
  starts: number[];
}

let scratch = new Uint32Array(4096);

/**
 * One pass over lower-cased text: words are runs of letters and digits (as /[\p{L}\p{N}]+/u), each
 * hashed as it is read; a blank line (two line breaks with only spaces between) starts a paragraph.
 */
function scanWords(lower: string): WordScan {
  const n = lower.length;
  if (scratch.length < (n >> 1) + 1) scratch = new Uint32Array((n >> 1) + 1024);
  const hashes = scratch;
  const starts = [0];
  let words = 0;
  let h = 0;
  let inWord = false;
  // in a gap between words: 1 after a line break followed only by spaces, 2 once a blank line is seen
  let gap = 0;
  for (let i = 0; i < n; i++) {
    const code = lower.charCodeAt(i);
    let cls: number;
    let units = 1;
    if (code < 128) {
      cls =
        (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90)
          ? WORD
          : code === 32 || (code >= 9 && code <= 13)
            ? SPACE
            : 3;
    } else if (code >= 0xd800 && code <= 0xdbff && i + 1 < n) {
      const cp = lower.codePointAt(i)!;
      cls = WORD_CHAR.test(String.fromCodePoint(cp)) ? WORD : 3;
      units = cp > 0xffff ? 2 : 1;
    } else cls = charClass(code);
    if (cls === WORD) {
      if (!inWord) {
        if (gap === 2 && words) starts.push(words);
        gap = 0;
        inWord = true;
        h = 0x811c9dc5;
      }
      h = Math.imul(h ^ code, 0x01000193);
      if (units === 2) h = Math.imul(h ^ lower.charCodeAt(++i), 0x01000193);
    } else {
      if (inWord) {
        hashes[words++] = h >>> 0;
        inWord = false;
      }
      if (code === 10) gap = gap === 0 ? 1 : 2;
      else if (cls !== SPACE && gap === 1) gap = 0;
      if (units === 2) i++;
    }
  }
  if (inWord) hashes[words++] = h >>> 0;
  starts.push(words);
  return { hashes, words, starts };
}

/** Hashes of the word 5-grams lying within words [from, to). */
function windowHashes(hashes: ArrayLike<number>, from: number, to: number): Uint32Array {
  const count = Math.max(0, to - from - SHINGLE_WORDS + 1);
  const out = new Uint32Array(count);
  for (let i = 0; i < count; i++) out[i] = shingleOf(hashes, from + i);
  return out;
}

/** The shingle (hash of the word 5-gram) starting at word `at`. */
export function shingleOf(hashes: ArrayLike<number>, at: number): number {
  let h = 0x9e3779b9;
  for (let j = 0; j < SHINGLE_WORDS; j++) h = Math.imul(h ^ hashes[at + j]!, 0x85ebca6b) + j;
  h ^= h >>> 13;
  return Math.imul(h, 0xc2b2ae35) >>> 0;
}

/** Whether the words hashed in `name` occur one after another in `words` (a name named in a text). */
export function containsRun(words: Uint32Array, name: Uint32Array): boolean {
  if (!name.length) return false;
  const first = name[0]!;
  const last = words.length - name.length;
  outer: for (let i = words.indexOf(first); i >= 0 && i <= last; i = words.indexOf(first, i + 1)) {
    for (let j = 1; j < name.length; j++) if (words[i + j] !== name[j]) continue outer;
    return true;
  }
  return false;
}

/** Word hashes of a name, for `containsRun`. */
export function nameHashes(name: string): Uint32Array {
  return Uint32Array.from(tokens(name), (word) => wordHash(word));
}

/** " name " form of a site name, for comparing names word by word. */
export function flatName(name: string): string {
  return ` ${tokens(name).join(' ')} `;
}

/**
 * A plain http(s) URL (ASCII host name ending in a letter label; no user, port or spaces): its host is read
 * as the URL parser reads it, lower-cased, without parsing the rest. Anything else is parsed.
 */
const PLAIN_URL = /^https?:\/\/((?:[a-z0-9-]+\.)*[a-z][a-z0-9-]*)(?:[/?#][^\s\\]*)?$/i;

export function hostOf(url: string | null | undefined): string | null {
  if (!url) return null;
  const plain = PLAIN_URL.exec(url);
  if (plain) {
    const host = plain[1]!.toLowerCase();
    return host.startsWith('www.') ? host.slice(4) : host;
  }
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return null;
  }
}

export function normaliseUrl(url: string): string {
  return url
    .toLowerCase()
    .replace(/^https?:\/\/(www\.)?/, '')
    .replace(/[?#].*$/, '')
    .replace(/\/+$/, '');
}

/** 16 bits of a shingle hash: what a kept document holds per shingle to rule candidates out cheaply. */
export function shingleTag(hash: number): number {
  return hash >>> 16;
}

/**
 * One shingle set as an open-addressing table, to count how many of another set's shingles it
 * holds: a probe per shingle instead of a merge of both sorted sets, and a count that stops as soon
 * as it can no longer reach what the caller needs.
 */
export class ShingleProbe {
  private table = new Uint32Array(1 << 10);
  /** Per slot, the count (`round`) that last found it: each shingle is counted once per count. */
  private seen = new Uint32Array(1 << 10);
  private round = 0;
  private zeroSeen = 0;
  private bits = 10;
  private hasZero = false;

  /** Per 16-bit tag (`shingleTag`), whether a loaded shingle has it (filled by `load` only). */
  private readonly tagBits = new Int32Array(1 << 11);

  /** Loads `shingles` (replacing the set loaded before). */
  load(shingles: Uint32Array): this {
    this.clear(shingles.length);
    const bits = this.tagBits;
    bits.fill(0);
    for (let i = 0; i < shingles.length; i++) {
      const h = shingles[i]!;
      this.insert(h);
      const tag = shingleTag(h);
      bits[tag >>> 5]! |= 1 << (tag & 31);
    }
    return this;
  }

  /**
   * At least as many as the shingles of `tags` (another text's, one tag per shingle) the set
   * loaded by `load` holds: a shingle found has its tag found, and only a few others share a tag.
   * It stops, below `need`, once `need` is out of reach. A cheap test that rules most candidates out.
   */
  tagBound(tags: Uint16Array, need: number): number {
    const bits = this.tagBits;
    const n = tags.length;
    let count = 0;
    for (let i = 0; i < n; i++) {
      if ((i & 63) === 0 && count + n - i < need) return count;
      const tag = tags[i]!;
      count += (bits[tag >>> 5]! >>> (tag & 31)) & 1;
    }
    return count;
  }

  /** Loads the shingles of a text from its word hashes (as `fingerprint` makes them). */
  loadWindows(words: Uint32Array): this {
    const count = Math.max(0, words.length - SHINGLE_WORDS + 1);
    this.clear(count);
    for (let i = 0; i < count; i++) this.insert(shingleOf(words, i));
    return this;
  }

  has(h: number): boolean {
    if (h === 0) return this.hasZero;
    const { table } = this;
    const mask = (1 << this.bits) - 1;
    for (let slot = h >>> (32 - this.bits); table[slot] !== 0; slot = (slot + 1) & mask) {
      if (table[slot] === h) return true;
    }
    return false;
  }

  /**
   * How many distinct shingles of a text (given by its word hashes) the loaded set holds: its
   * shingles are hashed as they are read, so a kept document needs no sorted copy of them. When
   * that cannot reach `need`, some count below `need` instead (the rest is not read).
   */
  commonWindows(words: Uint32Array, need: number): number {
    const { table, seen } = this;
    const round = this.nextRound();
    const shift = 32 - this.bits;
    const mask = (1 << this.bits) - 1;
    const n = Math.max(0, words.length - SHINGLE_WORDS + 1);
    let count = 0;
    for (let i = 0; i < n; i++) {
      if ((i & 63) === 0 && count + n - i < need) return count;
      const h = shingleOf(words, i);
      if (h === 0) {
        if (this.hasZero && this.zeroSeen !== round) {
          this.zeroSeen = round;
          count++;
        }
        continue;
      }
      let slot = h >>> shift;
      for (let v = table[slot]!; v !== 0; v = table[slot]!) {
        if (v === h) {
          if (seen[slot] !== round) {
            seen[slot] = round;
            count++;
          }
          break;
        }
        slot = (slot + 1) & mask;
      }
    }
    return count;
  }

  /**
   * The loaded shingles the last full `commonWindows` count found in its text: the loaded
   * document's paragraphs are compared with that text without hashing it again.
   */
  readonly found = {
    has: (h: number): boolean => {
      if (h === 0) return this.hasZero && this.zeroSeen === this.round;
      const { table } = this;
      const mask = (1 << this.bits) - 1;
      for (let slot = h >>> (32 - this.bits); table[slot] !== 0; slot = (slot + 1) & mask) {
        if (table[slot] === h) return this.seen[slot] === this.round;
      }
      return false;
    },
  };

  private nextRound(): number {
    if (++this.round === 0xffffffff) {
      this.seen.fill(0);
      this.zeroSeen = 0;
      this.round = 1;
    }
    return this.round;
  }

  private clear(values: number): void {
    let bits = 10;
    while (1 << bits < values * 4) bits++;
    if (this.table.length < 1 << bits) {
      this.table = new Uint32Array(1 << bits);
      this.seen = new Uint32Array(1 << bits);
    } else {
      this.table.fill(0, 0, 1 << bits);
      this.seen.fill(0, 0, 1 << bits);
    }
    this.bits = bits;
    this.hasZero = false;
    this.zeroSeen = 0;
  }

  private insert(h: number): void {
    if (h === 0) {
      this.hasZero = true;
      return;
    }
    const { table } = this;
    const mask = (1 << this.bits) - 1;
    // shingle hashes are well mixed: their top bits pick the slot
    let slot = h >>> (32 - this.bits);
    while (table[slot] !== 0) {
      if (table[slot] === h) return;
      slot = (slot + 1) & mask;
    }
    table[slot] = h;
  }
}
