// Indexes for misspelt names, so that a look-up never scans the knowledge base: a deletion index
// (SymSpell) over single words, and an index of multi-word names by the words they contain.
import { allowedEdits, editDistance } from './fuzzy.ts';
import { normalizeKey } from './text.ts';

export interface NearWord {
  word: string;
  distance: number;
}

/**
 * Words and every form with up to `allowedEdits(length)` letters deleted. Two words within k edits of
 * each other share a form with at most k letters deleted from each, so the candidates of a query are
 * found by looking up its own deletions; each is then checked with the real edit distance.
 */
const MAX_ANSWERS = 50_000;

export class DeletionIndex {
  private readonly words: string[] = [];
  private readonly known = new Set<string>();
  /** Built on the first look-up: most runs never need it. */
  private deletions: Map<string, number[]> | null = null;
  /**
   * Deletions indexed per known word, at most: a look-up within k edits needs only forms with up to k
   * letters deleted on the known word's side (each edit of an alignment deletes at most one letter
   * there), so an index for one-edit look-ups is a fraction of the full one.
   */
  private indexedDepth = 0;
  /** Answers already given, by limit and word (texts repeat their words); emptied when a word is added. */
  private readonly answers = new Map<string, NearWord[]>();

  add(word: string): void {
    if (!word || this.known.has(word)) return;
    this.known.add(word);
    this.words.push(word);
    this.answers.clear();
    if (this.deletions) this.index(this.words.length - 1);
  }

  has(word: string): boolean {
    return this.known.has(word);
  }

  /** Words within `limit` edits (default: what the longer word allows), nearest first, then oldest. */
  near(word: string, limit?: number): NearWord[] {
    if (!word) return [];
    const key = `${limit ?? ''}\u0000${word}`;
    let answer = this.answers.get(key);
    if (answer === undefined) {
      if (this.answers.size >= MAX_ANSWERS) this.answers.clear();
      this.answers.set(key, (answer = this.lookUp(word, limit)));
    }
    return answer.map((n) => ({ ...n }));
  }

  private lookUp(word: string, limit?: number): NearWord[] {
    const needed = Math.min(limit ?? 2, 2);
    if (!this.deletions || needed > this.indexedDepth) {
      this.deletions = new Map();
      this.indexedDepth = needed;
      for (let id = 0; id < this.words.length; id++) this.index(id);
    }
    // Deleting what the query's own length allows is enough: when the known word is longer, some of
    // the edits are deletions on its side.
    const depth = Math.min(limit ?? 2, allowedEdits(word.length));
    const ids = new Set<number>();
    for (const form of deletionsOf(word, depth)) for (const id of this.deletions.get(form) ?? []) ids.add(id);
    const out: (NearWord & { id: number })[] = [];
    for (const id of ids) {
      const known = this.words[id]!;
      const max = Math.min(limit ?? Infinity, allowedEdits(Math.max(known.length, word.length)));
      const distance = known === word ? 0 : editDistance(word, known, max);
      if (distance <= max) out.push({ word: known, distance, id });
    }
    return out
      .sort((a, b) => a.distance - b.distance || a.id - b.id)
      .map(({ word: w, distance }) => ({ word: w, distance }));
  }

  private index(id: number): void {
    const word = this.words[id]!;
    for (const form of deletionsOf(word, Math.min(allowedEdits(word.length), this.indexedDepth))) {
      const list = this.deletions!.get(form);
      if (list) list.push(id);
      else this.deletions!.set(form, [id]);
    }
  }
}

/** The word and every form with 1..depth letters deleted (each form once). */
export function deletionsOf(word: string, depth: number): Set<string> {
  const out = new Set([word]);
  let frontier = [word];
  for (let d = 0; d < depth; d++) {
    const next: string[] = [];
    for (const w of frontier) {
      for (let i = 0; i < w.length; i++) {
        const form = w.slice(0, i) + w.slice(i + 1);
        if (!out.has(form)) {
          out.add(form);
          next.push(form);
        }
      }
    }
    frontier = next;
  }
  return out;
}

export interface IndexedName<T> {
  entry: T;
  /** The name as normalised words. */
  words: string[];
}

/** Multi-word names of entries, found by any of their words spelt exactly or nearly. */
export class NameWordIndex<T> {
  private readonly byWord = new Map<string, IndexedName<T>[]>();
  private readonly spellings = new DeletionIndex();

  add(entry: T, name: string): void {
    const words = name.split(/\s+/).map(normalizeKey);
    const named: IndexedName<T> = { entry, words };
    for (const word of new Set(words)) {
      if (!word) continue;
      const list = this.byWord.get(word);
      if (list) list.push(named);
      else this.byWord.set(word, [named]);
      this.spellings.add(word);
    }
  }

  /** Names that contain `word` exactly. */
  withWord(word: string): readonly IndexedName<T>[] {
    return this.byWord.get(word) ?? [];
  }

  /** Names that contain `word` or a spelling within its allowed edits. */
  withNearWord(word: string): IndexedName<T>[] {
    return this.spellings.near(word).flatMap((n) => this.byWord.get(n.word) ?? []);
  }
}
