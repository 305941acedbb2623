// Longest-match lookup of multi-word phrases over token keys.
import type { Token } from './text.ts';
import { normalizeKey } from './text.ts';

export interface PhraseHit<T> {
  /** Index of the first and one past the last token. */
  from: number;
  to: number;
  value: T;
}

/** Where an index keeps its phrases: a Map, or a store that decodes compiled values on use. */
export interface PhraseStore<T> {
  get(key: string): T | undefined;
  has(key: string): boolean;
  set(key: string, value: T): unknown;
  entries(): IterableIterator<[string, T]>;
  /** The keys alone, without decoding any value. */
  keys(): IterableIterator<string>;
}

/** What an index is made of, to save it and restore it without re-adding every phrase. */
export interface PhraseIndexParts<T> {
  phrases: PhraseStore<T>;
  prefixes: Set<string>;
  maxWords: number;
}

export class PhraseIndex<T> {
  private readonly phrases: PhraseStore<T> = new Map<string, T>();
  /** Every proper prefix of a stored phrase, so that a scan stops as soon as no phrase can follow. */
  private readonly prefixes = new Set<string>();
  private maxWords = 1;

  /** An index with these parts (compiled data read back). */
  static fromParts<T>(parts: PhraseIndexParts<T>): PhraseIndex<T> {
    const index = new PhraseIndex<T>();
    Object.assign(index, parts);
    return index;
  }

  parts(): PhraseIndexParts<T> {
    return { phrases: this.phrases, prefixes: this.prefixes, maxWords: this.maxWords };
  }

  /** Adds a phrase unless an earlier entry already owns it (first writer wins). */
  add(phrase: string, value: T, { overwrite = false } = {}): void {
    this.addKey(phraseKey(phrase), value, { overwrite });
  }

  /** Adds under a key made by `phraseKey` (when the caller needs the key itself too). */
  addKey(key: string, value: T, { overwrite = false } = {}): void {
    if (!key) return;
    if (!overwrite && this.phrases.has(key)) return;
    this.phrases.set(key, value);
    // Every proper prefix ends before a space: slicing there needs no split and join.
    let words = 1;
    for (let at = key.indexOf(' '); at >= 0; at = key.indexOf(' ', at + 1), words++)
      this.prefixes.add(key.slice(0, at));
    this.maxWords = Math.max(this.maxWords, words);
  }

  /** Every stored phrase key (space-joined token keys) with its value. */
  entries(): IterableIterator<[string, T]> {
    return this.phrases.entries();
  }

  /** Every stored phrase key, without reading the values (a compiled store decodes them on use). */
  keys(): IterableIterator<string> {
    return this.phrases.keys();
  }

  get(phrase: string): T | undefined {
    return this.phrases.get(phraseKey(phrase));
  }

  /** The value stored under an already normalised key (from `entries()` or a DeletionIndex). */
  getKey(key: string): T | undefined {
    return this.phrases.get(key);
  }

  /** The longest phrase starting at token `from`, if any. */
  matchAt(tokens: readonly Token[], from: number): PhraseHit<T> | null {
    let key = '';
    let best: PhraseHit<T> | null = null;
    for (let to = from; to < tokens.length && to - from < this.maxWords; to++) {
      const k = tokens[to]!.key;
      if (!k) break;
      key = key ? `${key} ${k}` : k;
      const value = this.phrases.get(key);
      if (value !== undefined) best = { from, to: to + 1, value };
      if (!this.prefixes.has(key)) break;
    }
    return best;
  }

  /** Every non-overlapping longest match, left to right. */
  scan(tokens: readonly Token[]): PhraseHit<T>[] {
    const hits: PhraseHit<T>[] = [];
    for (let i = 0; i < tokens.length;) {
      const hit = this.matchAt(tokens, i);
      if (hit) {
        hits.push(hit);
        i = hit.to;
      } else i++;
    }
    return hits;
  }
}

/** Phrases are stored as space-joined token keys so "U.S." and "US" meet. */
/** Words of ASCII letters and digits, one space apart: their key is their lower case (fast path). */
const PLAIN_PHRASE = /^[A-Za-z0-9]+(?: [A-Za-z0-9]+)*$/;

export function phraseKey(phrase: string): string {
  if (PLAIN_PHRASE.test(phrase)) {
    const lower = phrase.toLowerCase();
    return lower.startsWith('the ') ? lower.slice(4) : lower;
  }
  return normalizeKey(phrase.replace(/(\p{L})['’]s\b/gu, "$1 's").replace(/([,()])/g, ' $1 '))
    .split(/\s+/)
    .filter(Boolean)
    .join(' ')
    .replace(/^the (?=\S)/, '');
}
