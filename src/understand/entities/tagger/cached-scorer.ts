// Scores for the shipped model without looking up, token after token, the features that depend on
// one word alone. Most templates read a single token (the word itself, or its left or right
// neighbour); their summed weights are kept per word and gazetteer tag, so a frequent word costs one
// lookup instead of twenty-four. Only the features over word pairs and earlier tags are looked up
// each time. The sums are of integers, so scores equal CompactModel.scores exactly (tested).
import { FeatureRow, TEMPLATES, tokenFeatures, type TokenView } from './features.ts';
import type { CompactModel } from './perceptron.ts';

const index = (names: readonly (typeof TEMPLATES)[number][]): number[] =>
  names.map((name) => TEMPLATES.indexOf(name));

/** Templates by the one token they read, seen from the token being scored. */
const GROUPS = [
  index(['b', 'w', 'W', 's', 'p1', 'p2', 'p3', 'x1', 'x2', 'x3', 'x4', 'len', 'g', 'gs']),
  index(['w-1', 's-1', 'g-1', 'x3-1']),
  index(['w+1', 's+1', 'g+1', 'x3+1']),
  index(['w-2']),
  index(['w+2']),
];
const CACHED = new Set(GROUPS.flat());
const PER_TOKEN = TEMPLATES.map((_, k) => k).filter((k) => !CACHED.has(k));
/** For each group: a window holding the word, and the position scored in it. */
const WINDOW_AT = [0, 1, 0, 2, 0];
const CACHE_LIMIT = 200_000;

export class CachedScorer {
  readonly classes: string[];
  private readonly n: number;
  private readonly cache = new Map<string, Map<string, Int32Array>>();
  private readonly row = new FeatureRow();
  private readonly edges: Int32Array;

  constructor(private readonly model: CompactModel) {
    this.classes = model.classes;
    this.n = model.classes.length;
    this.edges = this.compute(null);
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
    const n = this.n;
    out.fill(0);
    const parts = [views[i], views[i - 1], views[i + 1], views[i - 2], views[i + 2]];
    for (let g = 0; g < GROUPS.length; g++) {
      const view = parts[g];
      const sums = view ? this.sums(view) : this.edges;
      for (let c = 0, at = g * n; c < n; c++) out[c]! += sums[at + c]!;
    }
    this.model.addScores(tokenFeatures(views, i, prev, prev2, allCaps, this.row), PER_TOKEN, out);
    return out;
  }

  private sums(view: TokenView): Int32Array {
    let byGazetteer = this.cache.get(view.text);
    if (!byGazetteer) {
      if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
      this.cache.set(view.text, (byGazetteer = new Map()));
    }
    let sums = byGazetteer.get(view.gazetteer);
    if (!sums) byGazetteer.set(view.gazetteer, (sums = this.compute(view)));
    return sums;
  }

  /** Each group's summed weights for one word (null: the sentence boundary). */
  private compute(view: TokenView | null): Int32Array {
    const sums = new Int32Array(GROUPS.length * this.n);
    const row = new FeatureRow();
    for (let g = 0; g < GROUPS.length; g++) {
      const at = WINDOW_AT[g]!;
      // A window where the word (or, for null, nothing) sits where group g reads from token `at`.
      const window: TokenView[] = [];
      const filler = view ?? PLACEHOLDER;
      if (g === 0) window.push(filler);
      else if (g === 1 || g === 3) {
        if (view) window.push(view);
        if (g === 3) window.push(PLACEHOLDER);
        window.push(PLACEHOLDER);
      } else {
        window.push(PLACEHOLDER);
        if (g === 4) window.push(PLACEHOLDER);
        if (view) window.push(view);
      }
      tokenFeatures(window, view ? at : 0, '<s>', '<s>', false, row);
      const part = new Int32Array(this.n);
      this.model.addScores(row, GROUPS[g]!, part);
      sums.set(part, g * this.n);
    }
    return sums;
  }
}

const PLACEHOLDER: TokenView = {
  text: '',
  lower: '',
  shape: '',
  prefix1: '',
  prefix2: '',
  prefix3: '',
  suffix1: '',
  suffix2: '',
  suffix3: '',
  suffix4: '',
  length: '0',
  gazetteer: '',
};
