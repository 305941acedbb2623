// Scores for the shipped model without looking up, token after token, the features that depend on
// one word alone. Most templates read a single token (the word itself, or its left or right
// neighbour); their summed weights are kept per word and gazetteer tag, so a frequent word costs one
// lookup instead of twenty-four. Only the features over word pairs and earlier tags are looked up
// each time, straight from the token's strings (no feature row is filled). The sums are of integers,
// so scores equal CompactModel.scores exactly (tested).
import { allowed, TEMPLATES, wordShape, type TokenView } from './features.ts';
import type { CompactModel, Nested } from './perceptron.ts';

const K = Object.fromEntries(TEMPLATES.map((name, k) => [name, k])) as Record<
  (typeof TEMPLATES)[number],
  number
>;
/** Summed weights per word: the word itself, then as the token before, after, two before, two after. */
const GROUPS = 5;
const CACHE_LIMIT = 200_000;
const EDGE = '<s>';

/** One sentence's tokens as the scorer reads them. */
interface Sentence {
  texts: readonly string[];
  lowers: string[];
  shapes: string[];
  gazetteer: readonly string[];
  sums: Int32Array[];
  allCaps: boolean;
}

export class CachedScorer {
  readonly classes: string[];
  private readonly n: number;
  private readonly cache = new Map<string, Map<string, Int32Array>>();
  private readonly maps: readonly Nested[];
  private readonly table: Int32Array;
  private readonly edges: Int32Array;
  /** allowedAfter[p][c]: class c may follow class p (p = n: the sentence start). */
  private readonly allowedAfter: boolean[][];

  constructor(model: CompactModel) {
    this.classes = model.classes;
    this.n = model.classes.length;
    this.maps = model.maps;
    this.table = model.table;
    this.edges = this.compute(EDGE, EDGE, EDGE, '');
    this.allowedAfter = [...this.classes, EDGE].map((prev) => this.classes.map((tag) => allowed(tag, prev)));
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
      views.map((v) => v.lower),
      views.map((v) => v.shape),
    );
    const sums = new Int32Array(this.n);
    this.score(sentence, i, prev, prev2, sums);
    out.set(sums);
    return out;
  }

  /** IOB tags of one sentence, greedy left to right, never I-X after anything but X. */
  tag(texts: readonly string[], gazetteer: readonly string[], allCaps: boolean): string[] {
    const sentence = this.sentence(texts, gazetteer, allCaps);
    const n = this.n;
    const tags: string[] = [];
    const sums = new Int32Array(n);
    let prevClass = n;
    let prev = EDGE;
    let prev2 = EDGE;
    for (let i = 0; i < texts.length; i++) {
      this.score(sentence, i, prev, prev2, sums);
      const ok = this.allowedAfter[prevClass]!;
      let best = -1;
      for (let c = 0; c < n; c++) {
        if (!ok[c]) continue;
        if (best < 0 || sums[c]! > sums[best]!) best = c;
      }
      prev2 = prev;
      prev = this.classes[best]!;
      prevClass = best;
      tags.push(prev);
    }
    return tags;
  }

  private sentence(
    texts: readonly string[],
    gazetteer: readonly string[],
    allCaps: boolean,
    lowers = texts.map((t) => t.toLowerCase()),
    shapes = texts.map(wordShape),
  ): Sentence {
    const sums = texts.map((text, i) => this.sums(text, lowers[i]!, shapes[i]!, gazetteer[i] ?? ''));
    return { texts, lowers, shapes, gazetteer, sums, allCaps };
  }

  private score(s: Sentence, i: number, prev: string, prev2: string, out: Int32Array): void {
    const n = this.n;
    const last = s.texts.length - 1;
    const own = s.sums[i]!;
    const before = i >= 1 ? s.sums[i - 1]! : this.edges;
    const after = i < last ? s.sums[i + 1]! : this.edges;
    const before2 = i >= 2 ? s.sums[i - 2]! : this.edges;
    const after2 = i < last - 1 ? s.sums[i + 2]! : this.edges;
    for (let c = 0; c < n; c++)
      out[c] = own[c]! + before[n + c]! + after[2 * n + c]! + before2[3 * n + c]! + after2[4 * n + c]!;
    const w = s.lowers[i]!;
    const shape = s.shapes[i]!;
    const beforeLower = i >= 1 ? s.lowers[i - 1]! : EDGE;
    const afterLower = i < last ? s.lowers[i + 1]! : EDGE;
    const beforeShape = i >= 1 ? s.shapes[i - 1]! : EDGE;
    const afterShape = i < last ? s.shapes[i + 1]! : EDGE;
    this.add3(out, 0, K['s-1s+1'], beforeShape, shape, afterShape);
    this.add2(out, 0, K['w-1w'], beforeLower, w);
    this.add2(out, 0, K['ww+1'], w, afterLower);
    this.add(out, 0, K['t-1'], prev);
    this.add2(out, 0, K['t-2t-1'], prev2, prev);
    this.add2(out, 0, K['t-1w'], prev, w);
    this.add2(out, 0, K['t-1s'], prev, shape);
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

  private sums(text: string, lower: string, shape: string, gazetteer: string): Int32Array {
    let byGazetteer = this.cache.get(text);
    if (!byGazetteer) {
      if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
      this.cache.set(text, (byGazetteer = new Map()));
    }
    let sums = byGazetteer.get(gazetteer);
    if (!sums) byGazetteer.set(gazetteer, (sums = this.compute(text, lower, shape, gazetteer)));
    return sums;
  }

  /** Each group's summed weights for one word (the sentence edge: "<s>", no gazetteer tag). */
  private compute(text: string, lower: string, shape: string, gazetteer: string): Int32Array {
    const n = this.n;
    const sums = new Int32Array(GROUPS * n);
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
    return sums;
  }

  private add(out: Int32Array, at: number, k: number, a: string): void {
    const row = this.maps[k]!.get(a);
    if (typeof row === 'number') this.addRow(out, at, row);
  }

  private add2(out: Int32Array, at: number, k: number, a: string, b: string): void {
    const inner = this.maps[k]!.get(a);
    if (inner === undefined || typeof inner === 'number') return;
    const row = inner.get(b);
    if (typeof row === 'number') this.addRow(out, at, row);
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
