// Scores for the shipped model without looking up, token after token, the features that depend on
// one word alone. Most templates read a single token (the word itself, or its left or right
// neighbour); their summed weights are kept per word and gazetteer tag, so a frequent word costs one
// lookup instead of twenty-four; so are the weights of word pairs (per pair of words) and of the tags
// before a word (per word, for each tag). Only the shapes around a token are looked up each time. The sums are of integers,
// so scores equal CompactModel.scores exactly (tested).
import { allowed, TEMPLATES, wordShape, type TokenView } from './features.ts';
import type { CompactModel, Nested } from './perceptron.ts';

const K = Object.fromEntries(TEMPLATES.map((name, k) => [name, k])) as Record<
  (typeof TEMPLATES)[number],
  number
>;
/**
 * Summed weights per word: the word itself, then as the token before, after, two before, two after;
 * then, for each tag before it (each class, then the sentence start), the features pairing that tag
 * with the word and with its shape.
 */
const GROUPS = 5;
const CACHE_LIMIT = 200_000;
const PAIR_LIMIT = 1_000_000;
const EDGE = '<s>';

/** A word (surface text) as the scorer knows it. */
interface Word {
  lower: string;
  shape: string;
  /** Summed weights with no gazetteer tag (most words), and by gazetteer tag. */
  plain: Int32Array | null;
  tagged: Map<string, Int32Array> | null;
  /** Per word seen after this one: the pair's weights (ww+1 for this word, then w-1w for the next). */
  next: Map<Word, Int32Array>;
}

const edgeWord = (): Word => ({ lower: EDGE, shape: EDGE, plain: null, tagged: null, next: new Map() });

/** One sentence's tokens as the scorer reads them. */
interface Sentence {
  words: Word[];
  gazetteer: readonly string[];
  sums: Int32Array[];
  /** pairs[i]: the weights of the pair (token i - 1, token i), sentence edges included. */
  pairs: Int32Array[];
  allCaps: boolean;
}

export class CachedScorer {
  readonly classes: string[];
  private readonly n: number;
  private words = new Map<string, Word>();
  private edge = edgeWord();
  private pairCount = 0;
  /** The weights of a pair that has none. */
  private readonly noPair: Int32Array;
  private readonly maps: readonly Nested[];
  private readonly table: Int32Array;
  private readonly edges: Int32Array;
  /** transitions[(p2 * (n + 1) + p) * n + c]: weights of the two tags before (p = n: the sentence start). */
  private readonly transitions: Int32Array;
  /** allowedAfter[p][c]: class c may follow class p (p = n: the sentence start). */
  private readonly allowedAfter: boolean[][];

  constructor(model: CompactModel) {
    this.classes = model.classes;
    this.n = model.classes.length;
    this.maps = model.maps;
    this.table = model.table;
    this.edges = this.compute(EDGE, EDGE, EDGE, '');
    this.noPair = new Int32Array(2 * this.n);
    const tags = [...this.classes, EDGE];
    this.allowedAfter = tags.map((prev) => this.classes.map((tag) => allowed(tag, prev)));
    this.transitions = new Int32Array(tags.length * tags.length * this.n);
    tags.forEach((prev2, p2) =>
      tags.forEach((prev, p) => {
        const at = (p2 * tags.length + p) * this.n;
        this.add(this.transitions, at, K['t-1'], prev);
        this.add2(this.transitions, at, K['t-2t-1'], prev2, prev);
      }),
    );
  }

  private tagIndex(tag: string): number {
    const c = this.classes.indexOf(tag);
    return c < 0 ? this.n : c;
  }

  /** Scores of token i of a sentence, given the two tags before it. */
  scores(
    views: readonly TokenView[],
    i: number,
    prev: string,
    prev2: string,
    allCaps: boolean,
    out: Float64Array,
  ): Float64Array {
    const sentence = this.sentence(
      views.map((v) => v.text),
      views.map((v) => v.gazetteer),
      allCaps,
    );
    const sums = new Int32Array(this.n);
    this.score(sentence, i, this.tagIndex(prev), this.tagIndex(prev2), sums);
    out.set(sums);
    return out;
  }

  /** IOB tags of one sentence, greedy left to right, never I-X after anything but X. */
  tag(texts: readonly string[], gazetteer: readonly string[], allCaps: boolean): string[] {
    const sentence = this.sentence(texts, gazetteer, allCaps);
    const n = this.n;
    const tags: string[] = [];
    const sums = new Int32Array(n);
    let prev = n;
    let prev2 = n;
    for (let i = 0; i < sentence.words.length; i++) {
      this.score(sentence, i, prev, prev2, sums);
      const ok = this.allowedAfter[prev]!;
      let best = -1;
      for (let c = 0; c < n; c++) {
        if (!ok[c]) continue;
        if (best < 0 || sums[c]! > sums[best]!) best = c;
      }
      prev2 = prev;
      prev = best;
      tags.push(this.classes[best]!);
    }
    return tags;
  }

  private sentence(texts: readonly string[], gazetteer: readonly string[], allCaps: boolean): Sentence {
    if (this.words.size >= CACHE_LIMIT || this.pairCount >= PAIR_LIMIT) {
      this.words = new Map();
      this.edge = edgeWord();
      this.pairCount = 0;
    }
    const words = texts.map((text) => this.word(text));
    const sums = words.map((word, i) => this.sums(word, texts[i]!, gazetteer[i] ?? ''));
    const pairs: Int32Array[] = [];
    for (let i = 0; i <= words.length; i++)
      pairs.push(this.pair(words[i - 1] ?? this.edge, words[i] ?? this.edge));
    return { words, gazetteer, sums, pairs, allCaps };
  }

  private word(text: string): Word {
    let word = this.words.get(text);
    if (!word) {
      word = {
        lower: text.toLowerCase(),
        shape: wordShape(text),
        plain: null,
        tagged: null,
        next: new Map(),
      };
      this.words.set(text, word);
    }
    return word;
  }

  private pair(first: Word, second: Word): Int32Array {
    let weights = first.next.get(second);
    if (!weights) {
      const n = this.n;
      weights = new Int32Array(2 * n);
      const some = this.add2(weights, 0, K['ww+1'], first.lower, second.lower);
      const more = this.add2(weights, n, K['w-1w'], first.lower, second.lower);
      if (!some && !more) weights = this.noPair;
      first.next.set(second, weights);
      this.pairCount++;
    }
    return weights;
  }

  /** Scores of token i after the tags of classes prev and prev2 (n: the sentence start). */
  private score(s: Sentence, i: number, prev: number, prev2: number, out: Int32Array): void {
    const n = this.n;
    const last = s.words.length - 1;
    const own = s.sums[i]!;
    const before = i >= 1 ? s.sums[i - 1]! : this.edges;
    const after = i < last ? s.sums[i + 1]! : this.edges;
    const before2 = i >= 2 ? s.sums[i - 2]! : this.edges;
    const after2 = i < last - 1 ? s.sums[i + 2]! : this.edges;
    const byTag = (GROUPS + prev) * n;
    const transitions = this.transitions;
    const transition = (prev2 * (n + 1) + prev) * n;
    for (let c = 0; c < n; c++)
      out[c] =
        own[c]! +
        before[n + c]! +
        after[2 * n + c]! +
        before2[3 * n + c]! +
        after2[4 * n + c]! +
        own[byTag + c]! +
        transitions[transition + c]!;
    const pairBefore = s.pairs[i]!;
    const pairAfter = s.pairs[i + 1]!;
    for (let c = 0; c < n; c++) out[c]! += pairBefore[n + c]! + pairAfter[c]!;
    const w = s.words[i]!.lower;
    const shape = s.words[i]!.shape;
    const beforeShape = i >= 1 ? s.words[i - 1]!.shape : EDGE;
    const afterShape = i < last ? s.words[i + 1]!.shape : EDGE;
    this.add3(out, 0, K['s-1s+1'], beforeShape, shape, afterShape);
    if (i === 0) {
      this.add(out, 0, K.first, '');
      this.add(out, 0, K.firstW, w);
    }
    if (s.allCaps) {
      this.add(out, 0, K['caps-sent'], '');
      this.add(out, 0, K['caps-sent-w'], w);
      this.add(out, 0, K['caps-g'], s.gazetteer[i] ?? '');
    }
  }

  private sums(word: Word, text: string, gazetteer: string): Int32Array {
    if (!gazetteer) return (word.plain ??= this.compute(text, word.lower, word.shape, ''));
    word.tagged ??= new Map();
    let sums = word.tagged.get(gazetteer);
    if (!sums) word.tagged.set(gazetteer, (sums = this.compute(text, word.lower, word.shape, gazetteer)));
    return sums;
  }

  /** Each group's summed weights for one word (the sentence edge: "<s>", no gazetteer tag). */
  private compute(text: string, lower: string, shape: string, gazetteer: string): Int32Array {
    const n = this.n;
    const sums = new Int32Array((GROUPS + n + 1) * n);
    const suffix3 = lower.slice(-3);
    // The word itself.
    this.add(sums, 0, K.b, '');
    this.add(sums, 0, K.w, lower);
    this.add(sums, 0, K.W, text);
    this.add(sums, 0, K.s, shape);
    this.add(sums, 0, K.p1, lower.slice(0, 1));
    this.add(sums, 0, K.p2, lower.slice(0, 2));
    this.add(sums, 0, K.p3, lower.slice(0, 3));
    this.add(sums, 0, K.x1, lower.slice(-1));
    this.add(sums, 0, K.x2, lower.slice(-2));
    this.add(sums, 0, K.x3, suffix3);
    this.add(sums, 0, K.x4, lower.slice(-4));
    this.add(sums, 0, K.len, String(Math.min(lower.length, 10)));
    this.add(sums, 0, K.g, gazetteer);
    this.add2(sums, 0, K.gs, gazetteer, shape);
    // As the token before the one scored.
    this.add(sums, n, K['w-1'], lower);
    this.add(sums, n, K['s-1'], shape);
    this.add(sums, n, K['g-1'], gazetteer);
    this.add(sums, n, K['x3-1'], suffix3);
    // As the token after.
    this.add(sums, 2 * n, K['w+1'], lower);
    this.add(sums, 2 * n, K['s+1'], shape);
    this.add(sums, 2 * n, K['g+1'], gazetteer);
    this.add(sums, 2 * n, K['x3+1'], suffix3);
    // Two before, two after.
    this.add(sums, 3 * n, K['w-2'], lower);
    this.add(sums, 4 * n, K['w+2'], lower);
    // After each tag.
    for (let p = 0; p <= n; p++) {
      const prev = p < n ? this.classes[p]! : EDGE;
      this.add2(sums, (GROUPS + p) * n, K['t-1w'], prev, lower);
      this.add2(sums, (GROUPS + p) * n, K['t-1s'], prev, shape);
    }
    return sums;
  }

  private add(out: Int32Array, at: number, k: number, a: string): void {
    const row = this.maps[k]!.get(a);
    if (typeof row === 'number') this.addRow(out, at, row);
  }

  /** Adds the pair feature's weights; false when the model has no such feature. */
  private add2(out: Int32Array, at: number, k: number, a: string, b: string): boolean {
    const inner = this.maps[k]!.get(a);
    if (inner === undefined || typeof inner === 'number') return false;
    const row = inner.get(b);
    if (typeof row !== 'number') return false;
    this.addRow(out, at, row);
    return true;
  }

  private add3(out: Int32Array, at: number, k: number, a: string, b: string, c: string): void {
    const inner = this.maps[k]!.get(a);
    if (inner === undefined || typeof inner === 'number') return;
    const inner2 = inner.get(b);
    if (inner2 === undefined || typeof inner2 === 'number') return;
    const row = inner2.get(c);
    if (typeof row === 'number') this.addRow(out, at, row);
  }

  private addRow(out: Int32Array, at: number, row: number): void {
    const table = this.table;
    for (let c = 0; c < this.n; c++) out[at + c]! += table[row + c]!;
  }
}
