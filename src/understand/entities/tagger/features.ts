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

/** Fills `out` with one value per template (null: the feature is absent) and returns it. */
export function tokenFeatures(
  tokens: readonly TokenView[],
  i: number,
  prev: string,
  prev2: string,
  allCaps: boolean,
  out: (string | null)[] = new Array<string | null>(TEMPLATES.length),
): (string | null)[] {
  const t = tokens[i]!;
  const p1 = tokens[i - 1] ?? BOUNDARY;
  const p2 = tokens[i - 2] ?? BOUNDARY;
  const n1 = tokens[i + 1] ?? BOUNDARY;
  const n2 = tokens[i + 2] ?? BOUNDARY;
  const w = t.lower;
  out[0] = '';
  out[1] = w;
  out[2] = t.text;
  out[3] = t.shape;
  out[4] = t.prefix1;
  out[5] = t.prefix2;
  out[6] = t.prefix3;
  out[7] = t.suffix1;
  out[8] = t.suffix2;
  out[9] = t.suffix3;
  out[10] = t.suffix4;
  out[11] = t.length;
  out[12] = p1.lower;
  out[13] = n1.lower;
  out[14] = p2.lower;
  out[15] = n2.lower;
  out[16] = p1.shape;
  out[17] = n1.shape;
  out[18] = p1.shape + '|' + t.shape + '|' + n1.shape;
  out[19] = p1.lower + '|' + w;
  out[20] = w + '|' + n1.lower;
  out[21] = prev;
  out[22] = prev2 + '|' + prev;
  out[23] = prev + '|' + w;
  out[24] = prev + '|' + t.shape;
  out[25] = t.gazetteer;
  out[26] = p1.gazetteer;
  out[27] = n1.gazetteer;
  out[28] = t.gazetteer + '|' + t.shape;
  out[29] = p1.suffix3;
  out[30] = n1.suffix3;
  out[31] = i === 0 ? '' : null;
  out[32] = i === 0 ? w : null;
  out[33] = allCaps ? '' : null;
  out[34] = allCaps ? w : null;
  out[35] = allCaps ? t.gazetteer : null;
  return out;
}

/** Feature strings for training ("w=raisi"). */
export function featureKeys(values: readonly (string | null)[]): string[] {
  const keys: string[] = [];
  values.forEach((v, k) => {
    if (v !== null) keys.push(TEMPLATES[k] + '=' + v);
  });
  return keys;
}
