// Features of one token for the named-entity tagger: the word, its shape and affixes, its neighbours,
// the tags already given to the two words before it, and what the knowledge base knows of it.

/** Per-token facts computed once per sentence. */
export interface TokenView {
  text: string;
  lower: string;
  shape: string;
  /** Knowledge-base hit covering the token: "B-country", "I-org", "B-demonym" …, or "". */
  gazetteer: string;
}

export function viewTokens(texts: readonly string[], gazetteer: readonly string[]): TokenView[] {
  return texts.map((text, i) => ({
    text,
    lower: text.toLowerCase(),
    shape: wordShape(text),
    gazetteer: gazetteer[i] ?? '',
  }));
}

/** "Raisi" -> "Xx", "U.S." -> "X.X.", "1996-08-30" -> "d-d-d": runs of one character class collapse. */
export function wordShape(word: string): string {
  let out = '';
  let last = '';
  for (const ch of word) {
    const c = /\p{Lu}/u.test(ch) ? 'X' : /\p{Ll}/u.test(ch) ? 'x' : /\p{N}/u.test(ch) ? 'd' : ch;
    if (c !== last) out += c;
    last = c;
  }
  return out;
}

const BOUNDARY: TokenView = { text: '<s>', lower: '<s>', shape: '<s>', gazetteer: '' };

export function tokenFeatures(
  tokens: readonly TokenView[],
  i: number,
  prev: string,
  prev2: string,
  allCaps: boolean,
): string[] {
  const t = tokens[i]!;
  const p1 = tokens[i - 1] ?? BOUNDARY;
  const p2 = tokens[i - 2] ?? BOUNDARY;
  const n1 = tokens[i + 1] ?? BOUNDARY;
  const n2 = tokens[i + 2] ?? BOUNDARY;
  const w = t.lower;
  const f = [
    'b',
    'w=' + w,
    'W=' + t.text,
    's=' + t.shape,
    'p1=' + w.slice(0, 1),
    'p2=' + w.slice(0, 2),
    'p3=' + w.slice(0, 3),
    'x1=' + w.slice(-1),
    'x2=' + w.slice(-2),
    'x3=' + w.slice(-3),
    'x4=' + w.slice(-4),
    'len=' + Math.min(w.length, 10),
    'w-1=' + p1.lower,
    'w+1=' + n1.lower,
    'w-2=' + p2.lower,
    'w+2=' + n2.lower,
    's-1=' + p1.shape,
    's+1=' + n1.shape,
    's-1s+1=' + p1.shape + '|' + t.shape + '|' + n1.shape,
    'w-1w=' + p1.lower + '|' + w,
    'ww+1=' + w + '|' + n1.lower,
    't-1=' + prev,
    't-2t-1=' + prev2 + '|' + prev,
    't-1w=' + prev + '|' + w,
    't-1s=' + prev + '|' + t.shape,
    'g=' + t.gazetteer,
    'g-1=' + p1.gazetteer,
    'g+1=' + n1.gazetteer,
    'gs=' + t.gazetteer + '|' + t.shape,
    'x3-1=' + p1.lower.slice(-3),
    'x3+1=' + n1.lower.slice(-3),
  ];
  if (i === 0) f.push('first', 'firstW=' + w);
  if (allCaps) f.push('caps-sent', 'caps-sent-w=' + w, 'caps-g=' + t.gazetteer);
  return f;
}
