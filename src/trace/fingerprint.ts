// A document's text reduced to what tracing compares: word tokens, hashed word 5-grams (shingles)
// as a sorted set, and the normalised forms used to spot attribution (site names, linked hosts).

/** Words per shingle: long enough that unrelated texts rarely share one, short enough for edits. */
export const SHINGLE_WORDS = 5;
const WORD = /[\p{L}\p{N}]+/gu;
const LINK = /https?:\/\/[^\s"<>)\]]+/g;

export interface Fingerprint {
  /** Sorted, unique shingle hashes of the whole text. */
  shingles: Uint32Array;
  /** Per paragraph (of 3+ shingles), its shingles in text order. */
  paragraphs: Uint32Array[];
  /** Number of words in the text. */
  words: number;
  /** Lower-cased words joined by single spaces, wrapped in spaces (for " name " look-ups). */
  flat: string;
  /** Host names (without www.) and full URLs linked from the text. */
  links: Set<string>;
}

export function wordHash(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export function tokens(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

export function shingleHashes(words: string[]): Uint32Array {
  const hashes = words.map(wordHash);
  return uniqueSorted(windowHashes(hashes, 0, hashes.length));
}

function uniqueSorted(values: Uint32Array): Uint32Array {
  values.sort();
  let n = 0;
  for (let i = 0; i < values.length; i++)
    if (i === 0 || values[i] !== values[i - 1]) values[n++] = values[i]!;
  return values.slice(0, n);
}

/** Size of the intersection of two sorted sets. */
export function intersectionSize(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
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
  for (const para of a.paragraphs) if (2 * intersectionSize(para, b) >= para.length) n++;
  return n;
}

export function fingerprint(text: string): Fingerprint {
  const lower = text.toLowerCase();
  const words: string[] = [];
  const hashes: number[] = [];
  const paragraphStarts: number[] = [0];
  let last = 0;
  for (const m of lower.matchAll(WORD)) {
    if (words.length && PARAGRAPH_BREAK.test(lower.slice(last, m.index))) paragraphStarts.push(words.length);
    words.push(m[0]);
    hashes.push(wordHash(m[0]));
    last = m.index + m[0].length;
  }
  paragraphStarts.push(words.length);
  const all = windowHashes(hashes, 0, hashes.length);
  const paragraphs: Uint32Array[] = [];
  for (let i = 0; i + 1 < paragraphStarts.length; i++) {
    const para = windowHashes(hashes, paragraphStarts[i]!, paragraphStarts[i + 1]!);
    if (para.length >= 3) paragraphs.push(uniqueSorted(para));
  }
  const links = new Set<string>();
  for (const m of text.match(LINK) ?? []) {
    const url = m.replace(/[.,;:]+$/, '');
    links.add(normaliseUrl(url));
    const host = hostOf(url);
    if (host) links.add(host);
  }
  return {
    shingles: uniqueSorted(all),
    paragraphs,
    words: words.length,
    flat: ` ${words.join(' ')} `,
    links,
  };
}

const PARAGRAPH_BREAK = /\n\s*\n/;

/** Hashes of the word 5-grams lying within words [from, to). */
function windowHashes(hashes: number[], from: number, to: number): Uint32Array {
  const count = Math.max(0, to - from - SHINGLE_WORDS + 1);
  const out = new Uint32Array(count);
  for (let i = 0; i < count; i++) out[i] = shingleOf(hashes, from + i);
  return out;
}

function shingleOf(hashes: readonly number[], at: number): number {
  let h = 0x9e3779b9;
  for (let j = 0; j < SHINGLE_WORDS; j++) h = Math.imul(h ^ hashes[at + j]!, 0x85ebca6b) + j;
  h ^= h >>> 13;
  return Math.imul(h, 0xc2b2ae35) >>> 0;
}

/** " name " form of a site name, for whole-word look-ups in `Fingerprint.flat`. */
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
