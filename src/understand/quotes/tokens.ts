// Word and punctuation tokens with their offsets; quote marks come out as single-character tokens.
export interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
  /** Letters or digits (a word), as opposed to punctuation. */
  word: boolean;
  /** Starts with an upper-case letter. */
  cap: boolean;
  /** A line break lies between this token and the previous one. */
  afterBreak: boolean;
}

const TOKEN = /[\p{L}\p{N}](?:[\p{L}\p{N}\p{M}'’.-]*[\p{L}\p{N}\p{M}])?|\S/gu;
const UPPER = /^\p{Lu}/u;
const TITLE_ABBREVIATIONS = new Set([
  'co',
  'corp',
  'inc',
  'ltd',
  'mr',
  'mrs',
  'ms',
  'dr',
  'gen',
  'sen',
  'rep',
  'gov',
  'lt',
  'col',
  'sgt',
  'st',
  'jr',
  'sr',
  'prof',
  'rev',
  'capt',
  'maj',
  'supt',
  'hon',
  'adm',
  'cpl',
  'insp',
  'det',
  'const',
]);

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let last = 0;
  const re = new RegExp(TOKEN.source, 'gu');
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index;
    let t = m[0];
    // "Mr." and initials keep their full stop, so names are not cut and sentences do not end there
    if (text.charCodeAt(start + t.length) === 46 && isAbbreviation(t)) {
      t += '.';
      re.lastIndex = start + t.length;
    }
    const first = t.charCodeAt(0);
    const word = t.length > 1 || WORD_CHAR.test(t);
    tokens.push({
      text: t,
      lower: t.toLowerCase(),
      start,
      end: start + t.length,
      word,
      cap: word && (first < 128 ? first >= 65 && first <= 90 : UPPER.test(t)),
      afterBreak: hasBreak(text, last, start),
    });
    last = start + t.length;
  }
  return tokens;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
const SINGLE_CAPITAL = /^\p{Lu}$/u;

function isAbbreviation(t: string): boolean {
  return t.length <= 5 && (TITLE_ABBREVIATIONS.has(t.toLowerCase()) || SINGLE_CAPITAL.test(t));
}

function hasBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) return true;
  return false;
}

/** Index of the first token starting at or after `offset` (binary search). */
export function tokenAt(tokens: Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The token's text without a possessive ending ("Iran's" → "Iran"). */
export function stripPossessive(word: string): string {
  return word.replace(/['’]s$/i, '');
}
