// Features of one token for the named-entity tagger: the word, its shape and affixes, its neighbours,
// the tags already given to the two words before it, and what the knowledge base knows of it.
// Features are (template, value) pairs; values are mostly strings computed once per token, so that
// looking them up reuses each string's cached hash (this keeps the tagger fast).

/** Per-token facts computed once per sentence. */
export interface TokenView {
  text: string;
  lower: string;
  shape: string;
  prefix1: string;
  prefix2: string;
  prefix3: string;
  suffix1: string;
  suffix2: string;
  suffix3: string;
  suffix4: string;
  length: string;
  /** Knowledge-base hit covering the token: "B-country", "I-org", "B-demonym" …, or "". */
  gazetteer: string;
}

export const TEMPLATES = [
  'b',
  'w',
  'W',
  's',
  'p1',
  'p2',
  'p3',
  'x1',
  'x2',
  'x3',
  'x4',
  'len',
  'w-1',
  'w+1',
  'w-2',
  'w+2',
  's-1',
  's+1',
  's-1s+1',
  'w-1w',
  'ww+1',
  't-1',
  't-2t-1',
  't-1w',
  't-1s',
  'g',
  'g-1',
  'g+1',
  'gs',
  'x3-1',
  'x3+1',
  'first',
  'firstW',
  'caps-sent',
  'caps-sent-w',
  'caps-g',
] as const;

export function viewTokens(texts: readonly string[], gazetteer: readonly string[]): TokenView[] {
  return texts.map((text, i) => {
    const lower = text.toLowerCase();
    return {
      text,
      lower,
      shape: wordShape(text),
      prefix1: lower.slice(0, 1),
      prefix2: lower.slice(0, 2),
      prefix3: lower.slice(0, 3),
      suffix1: lower.slice(-1),
      suffix2: lower.slice(-2),
      suffix3: lower.slice(-3),
      suffix4: lower.slice(-4),
      length: String(Math.min(lower.length, 10)),
      gazetteer: gazetteer[i] ?? '',
    };
  });
}

const shapes = new Map<string, string>();
const SHAPE_CACHE_LIMIT = 100_000;

/** "Raisi" -> "Xx", "U.S." -> "X.X.", "1996-08-30" -> "d-d-d": runs of one character class collapse. */
export function wordShape(word: string): string {
  let shape = shapes.get(word);
  if (shape === undefined) {
    shape = computeShape(word);
    if (shapes.size >= SHAPE_CACHE_LIMIT) shapes.clear();
    shapes.set(word, shape);
  }
  return shape;
}

function computeShape(word: string): string {
  let out = '';
  let last = '';
  for (const ch of word) {
    const c = /\p{Lu}/u.test(ch) ? 'X' : /\p{Ll}/u.test(ch) ? 'x' : /\p{N}/u.test(ch) ? 'd' : ch;
    if (c !== last) out += c;
    last = c;
  }
  return out;
}

const BOUNDARY: TokenView = {
  text: '<s>',
  lower: '<s>',
  shape: '<s>',
  prefix1: '',
  prefix2: '',
  prefix3: '',
  suffix1: '',
  suffix2: '',
  suffix3: '<s>',
  suffix4: '',
  length: '0',
  gazetteer: '',
};

/** An I-X tag only follows B-X or I-X. */
export function allowed(tag: string, prev: string): boolean {
  return !tag.startsWith('I-') || prev.slice(2) === tag.slice(2);
}

/** Number of parts of each template's value: pairs and triples are looked up part by part. */
export const ARITY: readonly number[] = TEMPLATES.map((t) =>
  t === 's-1s+1' ? 3 : ['w-1w', 'ww+1', 't-2t-1', 't-1w', 't-1s', 'gs'].includes(t) ? 2 : 1,
);

/** One token's feature values, part by part (null: the feature is absent). Reused between tokens. */
export class FeatureRow {
  readonly a: (string | null)[] = new Array<string | null>(TEMPLATES.length).fill(null);
  readonly b: (string | null)[] = new Array<string | null>(TEMPLATES.length).fill(null);
  readonly c: (string | null)[] = new Array<string | null>(TEMPLATES.length).fill(null);

  set(k: number, a: string | null, b: string | null = null, c: string | null = null): void {
    this.a[k] = a;
    this.b[k] = b;
    this.c[k] = c;
  }
}

export function tokenFeatures(
  tokens: readonly TokenView[],
  i: number,
  prev: string,
  prev2: string,
  allCaps: boolean,
  row: FeatureRow = new FeatureRow(),
): FeatureRow {
  const t = tokens[i]!;
  const p1 = tokens[i - 1] ?? BOUNDARY;
  const p2 = tokens[i - 2] ?? BOUNDARY;
  const n1 = tokens[i + 1] ?? BOUNDARY;
  const n2 = tokens[i + 2] ?? BOUNDARY;
  const w = t.lower;
  row.set(0, '');
  row.set(1, w);
  row.set(2, t.text);
  row.set(3, t.shape);
  row.set(4, t.prefix1);
  row.set(5, t.prefix2);
  row.set(6, t.prefix3);
  row.set(7, t.suffix1);
  row.set(8, t.suffix2);
  row.set(9, t.suffix3);
  row.set(10, t.suffix4);
  row.set(11, t.length);
  row.set(12, p1.lower);
  row.set(13, n1.lower);
  row.set(14, p2.lower);
  row.set(15, n2.lower);
  row.set(16, p1.shape);
  row.set(17, n1.shape);
  row.set(18, p1.shape, t.shape, n1.shape);
  row.set(19, p1.lower, w);
  row.set(20, w, n1.lower);
  row.set(21, prev);
  row.set(22, prev2, prev);
  row.set(23, prev, w);
  row.set(24, prev, t.shape);
  row.set(25, t.gazetteer);
  row.set(26, p1.gazetteer);
  row.set(27, n1.gazetteer);
  row.set(28, t.gazetteer, t.shape);
  row.set(29, p1.suffix3);
  row.set(30, n1.suffix3);
  row.set(31, i === 0 ? '' : null);
  row.set(32, i === 0 ? w : null);
  row.set(33, allCaps ? '' : null);
  row.set(34, allCaps ? w : null);
  row.set(35, allCaps ? t.gazetteer : null);
  return row;
}

/** Feature strings for training ("w=raisi", "w-1w=iranian|president"). */
export function featureKeys(row: FeatureRow): string[] {
  const keys: string[] = [];
  for (let k = 0; k < TEMPLATES.length; k++) {
    const a = row.a[k];
    if (a === null || a === undefined) continue;
    const parts = ARITY[k] === 3 ? [a, row.b[k], row.c[k]] : ARITY[k] === 2 ? [a, row.b[k]] : [a];
    keys.push(TEMPLATES[k] + '=' + parts.join('|'));
  }
  return keys;
}
