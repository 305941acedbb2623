// A document's text reduced to what tracing compares: word tokens, hashed word 5-grams (shingles)
// as a sorted set, and the normalised forms used to spot attribution (site names, linked hosts).

/** Words per shingle: long enough that unrelated texts rarely share one, short enough for edits. */
export const SHINGLE_WORDS = 5;
const WORD_RUN = /[\p{L}\p{N}]+/gu;
const LINK = /https?:\/\/[^\s"<>)\]]+/g;

export interface Fingerprint {
  /** Sorted, unique shingle hashes of the whole text. */
  shingles: Uint32Array;
  /**
   * Per paragraph (of 3+ shingles), its sorted unique shingles, one paragraph after another;
   * `paragraphEnds[i]` is where paragraph i ends in it.
   */
  paragraphs: Uint32Array;
  paragraphEnds: Uint32Array;
  /** Number of words in the text. */
  words: number;
  /** Hash of each word (`wordHash` of its lower-cased form), in text order: names are looked up in it. */
  wordHashes: Uint32Array;
  /** Host names (without www.) and full URLs linked from the text. */
  links: Set<string>;
}

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

/** Paragraphs of `a` with at least half of their shingles in `b` (a sorted set). */
export function sharedParagraphs(a: Fingerprint, b: Uint32Array): number {
  let n = 0;
  let from = 0;
  for (const to of a.paragraphEnds) {
    if (2 * intersectionSize(a.paragraphs, b, from, to, lowerBound(b, a.paragraphs[from]!)) >= to - from) n++;
    from = to;
  }
  return n;
}

/** The first index of sorted `values` holding `value` or more. */
function lowerBound(values: Uint32Array, value: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function fingerprint(text: string): Fingerprint {
  const lower = text.toLowerCase();
  const scan = scanWords(lower);
  const { hashes, starts } = scan;
  const words = scan.words;
  // every 5-gram once: a paragraph's shingles are the run of them lying inside it
  const all = windowHashes(hashes, 0, words);
  // paragraphs (each sorted in place) then the whole text: a paragraph's windows are a run of `all`
  const paragraphs = new Uint32Array(all.length);
  const ends: number[] = [];
  let end = 0;
  for (let i = 0; i + 1 < starts.length; i++) {
    const from = starts[i]!;
    const count = starts[i + 1]! - from - SHINGLE_WORDS + 1;
    if (count < 3) continue;
    const para = paragraphs.subarray(end, end + count);
    para.set(all.subarray(from, from + count));
    end += uniqueInPlace(para);
    ends.push(end);
  }
  const links = new Set<string>();
  if (text.includes('http')) {
    for (const m of text.match(LINK) ?? []) {
      const url = m.replace(/[.,;:]+$/, '');
      links.add(normaliseUrl(url));
      const host = hostOf(url);
      if (host) links.add(host);
    }
  }
  return {
    shingles: uniqueSorted(all),
    paragraphs: paragraphs.slice(0, end),
    paragraphEnds: Uint32Array.from(ends),
    words,
    wordHashes: hashes.slice(0, words),
    links,
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

function shingleOf(hashes: ArrayLike<number>, at: number): number {
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

export function hostOf(url: string | null | undefined): string | null {
  if (!url) return null;
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
