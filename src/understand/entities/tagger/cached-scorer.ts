// Scores for the shipped model without looking up, token after token, the features that depend on
// one word alone. Most templates read a single token (the word itself, or its left or right
// neighbour); their summed weights are kept per word and gazetteer tag, so a frequent word costs one
// lookup instead of twenty-four; so are the weights of the tags before a word (per word, for each
// tag). Templates that read the same string (the lower-case word as itself, as a neighbour, after
// each tag; the shape; the suffix; the gazetteer tag) are merged into one look-up per string, and the
// two word-pair templates into one look-up per pair, so that a word seen for the first time costs a
// dozen look-ups. The sums are of integers, so scores equal CompactModel.scores exactly (tested).
import { allowed, TEMPLATES, wordShape, type TokenView } from './features.ts';
import { forEachFeature, type CompactModel, type Nested } from './perceptron.ts';

const K = Object.fromEntries(TEMPLATES.map((name, k) => [name, k])) as Record<
  (typeof TEMPLATES)[number],
  number
>;
/**
 * Summed weights per word, in blocks of one row per class: the word itself, then as the token
 * before, after, two before, two after; then, for each tag before it (each class, then the sentence
 * start), the features pairing that tag with the word and with its shape.
 */
const GROUPS = 5;
const CACHE_LIMIT = 200_000;
const EDGE = '<s>';

/** A word (surface text) as the scorer knows it. */
interface Word {
  lower: string;
  shape: string;
  /** Summed weights with no gazetteer tag (most words), and by gazetteer tag. */
  plain: Int32Array | null;
  tagged: Map<string, Int32Array> | null;
  /** Its id as the first and as the second word of a pair (-1: no pair feature has it there). */
  pairFirst: number;
  pairSecond: number;
}

/** The rows of the two word-pair templates for one pair of words (-1: none). */
interface PairRows {
  /** ww+1, read when scoring the first word. */
  after: number;
  /** w-1w, read when scoring the second word. */
  before: number;
}

/** For one string, where (block offset) to add which table rows: [offset, row, offset, row, …]. */
type Placements = number[];

/** One sentence's tokens as the scorer reads them. */
interface Sentence {
  words: Word[];
  gazetteer: readonly string[];
  sums: Int32Array[];
  /** pairs[i]: the slot of the pair (token i - 1, token i), sentence edges included; -1: none. */
  pairs: number[];
  allCaps: boolean;
}

/** The scorer's indexes, as the build step compiles them (everything but the per-word cache). */
export interface ScorerState {
  classes: string[];
  n: number;
  maps: readonly Nested[];
  table: Int32Array;
  edges: Int32Array;
  transitions: Int32Array;
  allowedAfter: boolean[][];
  byLower: Map<string, number>;
  byShape: Map<string, number>;
  bySuffix3: Map<string, number>;
  byGazetteer: Map<string, number>;
  placed: Int32Array;
  pairFirst: Map<string, number>;
  pairSecond: Map<string, number>;
  pairSlots: Map<number, number>;
  pairRows: Int32Array;
}

export class CachedScorer {
  readonly classes: string[];
  private readonly n: number;
  private words = new Map<string, Word>();
  private readonly maps: readonly Nested[];
  private readonly table: Int32Array;
  private readonly edges: Int32Array;
  /** transitions[(p2 * (n + 1) + p) * n + c]: weights of the two tags before (p = n: the sentence start). */
  private readonly transitions: Int32Array;
  /** allowedAfter[p][c]: class c may follow class p (p = n: the sentence start). */
  private readonly allowedAfter: boolean[][];
  // Each string's placements are kept in one array (`placed`, from the string's start: their count,
  // then offset, row, offset, row …): ten thousand small arrays cost more to load than they save.
  private readonly byLower = new Map<string, number>();
  private readonly byShape = new Map<string, number>();
  private readonly bySuffix3 = new Map<string, number>();
  private readonly byGazetteer = new Map<string, number>();
  private placed = new Int32Array(0);
  // The word pairs as numbers (ids of the first and second word, a slot per pair, two rows per slot):
  // thousands of small maps and objects cost more to load than they save.
  private readonly pairFirst = new Map<string, number>();
  private readonly pairSecond = new Map<string, number>();
  /** Slot of each pair, by first id × pairSecond.size + second id. */
  private readonly pairSlots = new Map<number, number>();
  /** pairRows[2 * slot]: the ww+1 row of the pair, pairRows[2 * slot + 1] its w-1w row (-1: none). */
  private pairRows = new Int32Array(0);

  constructor(model: CompactModel) {
    this.classes = model.classes;
    const n = (this.n = model.classes.length);
    this.table = model.table;
    const tags = [...this.classes, EDGE];
    const tagIndex = new Map(tags.map((tag, p) => [tag, p]));
    // Where each template's features go: a merged map at a block offset, or the template's own map.
    const byLower = new Map<string, Placements>();
    const byShape = new Map<string, Placements>();
    const bySuffix3 = new Map<string, Placements>();
    const byGazetteer = new Map<string, Placements>();
    const merged = new Map<number, [Map<string, Placements>, number]>([
      [K.w, [byLower, 0]],
      [K['w-1'], [byLower, n]],
      [K['w+1'], [byLower, 2 * n]],
      [K['w-2'], [byLower, 3 * n]],
      [K['w+2'], [byLower, 4 * n]],
      [K.s, [byShape, 0]],
      [K['s-1'], [byShape, n]],
      [K['s+1'], [byShape, 2 * n]],
      [K.x3, [bySuffix3, 0]],
      [K['x3-1'], [bySuffix3, n]],
      [K['x3+1'], [bySuffix3, 2 * n]],
      [K.g, [byGazetteer, 0]],
      [K['g-1'], [byGazetteer, n]],
      [K['g+1'], [byGazetteer, 2 * n]],
    ]);
    const maps: Nested[] = TEMPLATES.map(() => new Map());
    const pairs = new Map<string, Map<string, PairRows>>();
    forEachFeature(model.features, model.arity, (k, a, b, c, row) => {
      const into = merged.get(k);
      if (into) return placeAt(into[0], a, into[1], row);
      if (k === K['t-1w'] || k === K['t-1s']) {
        // The tag before, then the word (or its shape): kept per word, for each tag.
        const p = tagIndex.get(a);
        if (p !== undefined) placeAt(k === K['t-1w'] ? byLower : byShape, b!, (GROUPS + p) * n, row);
        return;
      }
      if (k === K['ww+1'] || k === K['w-1w'])
        return pairRow(pairs, a, b!, k === K['ww+1'] ? 'after' : 'before', row);
      let map = maps[k]!;
      for (const part of [a, b, c].slice(0, model.arity[k]! - 1) as string[]) {
        let next = map.get(part);
        if (!(next instanceof Map)) map.set(part, (next = new Map()));
        map = next;
      }
      map.set((model.arity[k] === 1 ? a : model.arity[k] === 2 ? b : c)!, row);
    });
    this.maps = maps;
    this.indexPairs(pairs);
    const placed: number[] = [];
    for (const [from, into] of [
      [byLower, this.byLower],
      [byShape, this.byShape],
      [bySuffix3, this.bySuffix3],
      [byGazetteer, this.byGazetteer],
    ] as const)
      for (const [key, placements] of from) {
        into.set(key, placed.length);
        placed.push(placements.length, ...placements);
      }
    this.placed = Int32Array.from(placed);
    this.edges = this.compute(EDGE, EDGE, EDGE, '');
    this.allowedAfter = tags.map((prev) => this.classes.map((tag) => allowed(tag, prev)));
    this.transitions = new Int32Array(tags.length * tags.length * n);
    tags.forEach((prev2, p2) =>
      tags.forEach((prev, p) => {
        const at = (p2 * tags.length + p) * n;
        this.add(this.transitions, at, K['t-1'], prev);
        this.add2(this.transitions, at, K['t-2t-1'], prev2, prev);
      }),
    );
  }

  /** The indexes, for the build step to compile. */
  state(): ScorerState {
    const { classes, n, maps, table, edges, transitions, allowedAfter } = this;
    const { byLower, byShape, bySuffix3, byGazetteer, placed, pairFirst, pairSecond, pairSlots, pairRows } =
      this;
    return {
      classes,
      n,
      maps,
      table,
      edges,
      transitions,
      allowedAfter,
      byLower,
      byShape,
      bySuffix3,
      byGazetteer,
      placed,
      pairFirst,
      pairSecond,
      pairSlots,
      pairRows,
    };
  }

  /** A scorer with compiled indexes (see state()). */
  static restore(state: ScorerState): CachedScorer {
    const scorer = Object.create(CachedScorer.prototype) as CachedScorer;
    Object.assign(scorer, state, { words: new Map<string, Word>() });
    return scorer;
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

  private tagIndex(tag: string): number {
    const c = this.classes.indexOf(tag);
    return c < 0 ? this.n : c;
  }

  private indexPairs(pairs: Map<string, Map<string, PairRows>>): void {
    for (const bySecond of pairs.values())
      for (const second of bySecond.keys())
        if (!this.pairSecond.has(second)) this.pairSecond.set(second, this.pairSecond.size);
    const rows: number[] = [];
    for (const [first, bySecond] of pairs) {
      const id = this.pairFirst.size;
      this.pairFirst.set(first, id);
      for (const [second, { after, before }] of bySecond) {
        this.pairSlots.set(id * this.pairSecond.size + this.pairSecond.get(second)!, rows.length / 2);
        rows.push(after, before);
      }
    }
    this.pairRows = Int32Array.from(rows);
  }

  /** The slot of a pair of words by their pair ids, -1 when the model has no feature of it. */
  private pairSlot(first: number, second: number): number {
    if (first < 0 || second < 0) return -1;
    return this.pairSlots.get(first * this.pairSecond.size + second) ?? -1;
  }

  private sentence(texts: readonly string[], gazetteer: readonly string[], allCaps: boolean): Sentence {
    if (this.words.size >= CACHE_LIMIT) this.words = new Map();
    const words: Word[] = [];
    const sums: Int32Array[] = [];
    for (let i = 0; i < texts.length; i++) {
      const word = this.word(texts[i]!);
      words.push(word);
      sums.push(this.sums(word, texts[i]!, gazetteer[i] ?? ''));
    }
    // The sentence edges pair as "<s>".
    const edgeFirst = this.pairFirst.get(EDGE) ?? -1;
    const edgeSecond = this.pairSecond.get(EDGE) ?? -1;
    const pairs: number[] = [];
    for (let i = 0; i <= words.length; i++)
      pairs.push(
        this.pairSlot(
          i > 0 ? words[i - 1]!.pairFirst : edgeFirst,
          i < words.length ? words[i]!.pairSecond : edgeSecond,
        ),
      );
    return { words, gazetteer, sums, pairs, allCaps };
  }

  private word(text: string): Word {
    let word = this.words.get(text);
    if (!word) {
      const lower = text.toLowerCase();
      word = {
        lower,
        shape: wordShape(text),
        plain: null,
        tagged: null,
        pairFirst: this.pairFirst.get(lower) ?? -1,
        pairSecond: this.pairSecond.get(lower) ?? -1,
      };
      this.words.set(text, word);
    }
    return word;
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
    if (pairBefore >= 0 && this.pairRows[2 * pairBefore + 1]! >= 0)
      this.addRow(out, 0, this.pairRows[2 * pairBefore + 1]!);
    const pairAfter = s.pairs[i + 1]!;
    if (pairAfter >= 0 && this.pairRows[2 * pairAfter]! >= 0)
      this.addRow(out, 0, this.pairRows[2 * pairAfter]!);
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

  /** Each block's summed weights for one word (the sentence edge: "<s>", no gazetteer tag). */
  private compute(text: string, lower: string, shape: string, gazetteer: string): Int32Array {
    const n = this.n;
    const sums = new Int32Array((GROUPS + n + 1) * n);
    // The word itself, as a neighbour and after each tag; its shape, suffix and gazetteer tag likewise.
    this.addPlaced(sums, this.byLower.get(lower));
    this.addPlaced(sums, this.byShape.get(shape));
    this.addPlaced(sums, this.bySuffix3.get(lower.slice(-3)));
    this.addPlaced(sums, this.byGazetteer.get(gazetteer));
    // The word's own other features.
    this.add(sums, 0, K.b, '');
    this.add(sums, 0, K.W, text);
    this.add(sums, 0, K.p1, lower.slice(0, 1));
    this.add(sums, 0, K.p2, lower.slice(0, 2));
    this.add(sums, 0, K.p3, lower.slice(0, 3));
    this.add(sums, 0, K.x1, lower.slice(-1));
    this.add(sums, 0, K.x2, lower.slice(-2));
    this.add(sums, 0, K.x4, lower.slice(-4));
    this.add(sums, 0, K.len, String(Math.min(lower.length, 10)));
    this.add2(sums, 0, K.gs, gazetteer, shape);
    return sums;
  }

  private addPlaced(out: Int32Array, start: number | undefined): void {
    if (start === undefined) return;
    const placed = this.placed;
    const end = start + 1 + placed[start]!;
    for (let j = start + 1; j < end; j += 2) this.addRow(out, placed[j]!, placed[j + 1]!);
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

function pairRow(
  pairs: Map<string, Map<string, PairRows>>,
  first: string,
  second: string,
  side: keyof PairRows,
  row: number,
): void {
  let bySecond = pairs.get(first);
  if (!bySecond) pairs.set(first, (bySecond = new Map()));
  let rows = bySecond.get(second);
  if (!rows) bySecond.set(second, (rows = { after: -1, before: -1 }));
  rows[side] = row;
}

function placeAt(into: Map<string, Placements>, key: string, offset: number, row: number): void {
  const placements = into.get(key);
  if (placements) placements.push(offset, row);
  else into.set(key, [offset, row]);
}
