// Averaged perceptron over string features (Collins 2002): learning with lazy averaging, and a compact
// serialised form (weights rounded to integers after scaling, features that end at zero dropped).

export class Perceptron {
  readonly classes: string[];
  private readonly weights = new Map<string, Float64Array>();
  private readonly totals = new Map<string, Float64Array>();
  private readonly stamps = new Map<string, Float64Array>();
  private step = 0;

  constructor(classes: string[]) {
    this.classes = classes;
  }

  scores(features: readonly string[], out = new Float64Array(this.classes.length)): Float64Array {
    out.fill(0);
    for (const f of features) {
      const w = this.weights.get(f);
      if (!w) continue;
      for (let c = 0; c < out.length; c++) out[c]! += w[c]!;
    }
    return out;
  }

  /** One training step: moves weight from the predicted class to the gold one. */
  update(features: readonly string[], gold: number, guess: number): void {
    this.step++;
    if (gold === guess) return;
    for (const f of features) {
      this.bump(f, gold, 1);
      this.bump(f, guess, -1);
    }
  }

  private bump(feature: string, c: number, delta: number): void {
    let w = this.weights.get(feature);
    if (!w) {
      const n = this.classes.length;
      w = new Float64Array(n);
      this.weights.set(feature, w);
      this.totals.set(feature, new Float64Array(n));
      this.stamps.set(feature, new Float64Array(n));
    }
    const total = this.totals.get(feature)!;
    const stamp = this.stamps.get(feature)!;
    total[c]! += (this.step - stamp[c]!) * w[c]!;
    stamp[c] = this.step;
    w[c]! += delta;
  }

  /** Replaces the weights by their averages over all steps. */
  average(): void {
    for (const [f, w] of this.weights) {
      const total = this.totals.get(f)!;
      const stamp = this.stamps.get(f)!;
      for (let c = 0; c < w.length; c++) {
        total[c]! += (this.step - stamp[c]!) * w[c]!;
        w[c] = total[c]! / this.step;
      }
    }
  }

  /** Integer weights (scaled by `scale`); features whose rounded weights are all zero are dropped. */
  toJSON(scale = 1000, commonWords: string[] = []): SerialisedModel {
    const features: Record<string, number[]> = {};
    for (const [f, w] of this.weights) {
      const q = Array.from(w, (x) => Math.round(x * scale));
      if (q.some((x) => x !== 0)) features[f] = q;
    }
    return { classes: this.classes, scale, features, commonWords };
  }
}

export interface SerialisedModel {
  classes: string[];
  scale: number;
  features: Record<string, number[]>;
  /** Lower-case words frequent in the training text (a word list, not the text). */
  commonWords?: string[];
}

export type Nested = Map<string, number | Nested>;

/**
 * The model's features as a flat list: feature f belongs to template templateOf[f], its value's
 * parts are the next arity[templateOf[f]] strings of `keys`, and its weights start at table[rows[f]].
 */
export interface FeatureList {
  templateOf: Uint8Array;
  keys: string[];
  rows: Int32Array;
}

/** What a CompactModel holds: the features and one typed array of integer weights. */
export interface CompactParts {
  classes: string[];
  commonWords: string[];
  features: FeatureList;
  table: Int32Array;
}

/** The features of the serialised model (what the build step compiles ahead of time). */
export function compactParts(
  model: SerialisedModel,
  templates: readonly string[],
  arity: readonly number[],
): CompactParts {
  const n = model.classes.length;
  const templateIndex = new Map(templates.map((t, k) => [t, k]));
  const entries = Object.entries(model.features);
  const table = new Int32Array(entries.length * n);
  const templateOf: number[] = [];
  const keys: string[] = [];
  const rows: number[] = [];
  entries.forEach(([feature, w], row) => {
    const cut = feature.indexOf('=');
    const k = templateIndex.get(feature.slice(0, cut));
    if (k === undefined) return;
    const value = feature.slice(cut + 1);
    const parts = arity[k]! > 1 ? value.split('|') : [value];
    if (parts.length !== arity[k]) return;
    templateOf.push(k);
    keys.push(...parts);
    rows.push(row * n);
    for (let c = 0; c < n; c++) table[row * n + c] = w[c] ?? 0;
  });
  return {
    classes: model.classes,
    commonWords: model.commonWords ?? [],
    features: { templateOf: Uint8Array.from(templateOf), keys, rows: Int32Array.from(rows) },
    table,
  };
}

/** Calls `each` with every feature's template, value parts (unused ones undefined) and weights row. */
export function forEachFeature(
  features: FeatureList,
  arity: readonly number[],
  each: (k: number, a: string, b: string | undefined, c: string | undefined, row: number) => void,
): void {
  const { templateOf, keys, rows } = features;
  let at = 0;
  for (let f = 0; f < templateOf.length; f++) {
    const k = templateOf[f]!;
    const parts = arity[k]!;
    each(k, keys[at]!, parts > 1 ? keys[at + 1] : undefined, parts > 2 ? keys[at + 2] : undefined, rows[f]!);
    at += parts;
  }
}

/**
 * The shipped model, read-only: integer weights in one typed array; per template a lookup map, nested
 * part by part for pair and triple templates so that no feature string is built at tagging time. The
 * maps are built on first use (the tagger's CachedScorer indexes the features its own way).
 */
export class CompactModel {
  readonly classes: string[];
  readonly commonWords: Set<string>;
  readonly features: FeatureList;
  readonly arity: readonly number[];
  readonly table: Int32Array;
  private lookup: Nested[] | null = null;

  constructor(parts: CompactParts, arity: readonly number[]) {
    this.classes = parts.classes;
    this.commonWords = new Set(parts.commonWords);
    this.arity = arity;
    this.features = parts.features;
    this.table = parts.table;
  }

  /** Per template, its features' value (part by part) to their row in `table`. */
  get maps(): readonly Nested[] {
    if (this.lookup) return this.lookup;
    const maps: Nested[] = this.arity.map(() => new Map());
    forEachFeature(this.features, this.arity, (k, a, b, c, row) => {
      const parts = [a, b, c].slice(0, this.arity[k]) as string[];
      let map = maps[k]!;
      for (const part of parts.slice(0, -1)) {
        let next = map.get(part);
        if (!(next instanceof Map)) map.set(part, (next = new Map()));
        map = next;
      }
      map.set(parts[parts.length - 1]!, row);
    });
    return (this.lookup = maps);
  }

  /** Scores of each class for one token's feature row. */
  scores(row: Row, out: Float64Array): Float64Array {
    out.fill(0);
    for (let k = 0; k < this.maps.length; k++) this.add(row, k, out);
    return out;
  }

  private add(row: Row, k: number, out: Float64Array): void {
    const n = this.classes.length;
    const a = row.a[k];
    if (a === null || a === undefined) return;
    let at = this.maps[k]!.get(a);
    if (this.arity[k]! > 1) at = at instanceof Map ? at.get(row.b[k]!) : undefined;
    if (this.arity[k]! > 2) at = at instanceof Map ? at.get(row.c[k]!) : undefined;
    if (typeof at !== 'number') return;
    for (let c = 0; c < n; c++) out[c]! += this.table[at + c]!;
  }
}

type Row = { a: (string | null)[]; b: (string | null)[]; c: (string | null)[] };
