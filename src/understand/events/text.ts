// Sentences and tokens with offsets, and a crude stemmer shared by the pattern lexicon and the text,
// so "agreed", "agrees" and "agreeing" all meet the pattern word "agree".
import { loadJson } from './data.ts';

export interface Span {
  start: number;
  end: number;
}

export interface Token extends Span {
  text: string;
  lower: string;
  stem: string;
}

const irregular = loadJson<{ forms: Record<string, string> }>('events/irregular-verbs.json').forms;

// Abbreviations after which a period does not end a sentence.
const ABBREVIATIONS = new Set(
  'mr mrs ms dr gen lt col maj capt sgt adm gov sen rep st jr sr prof rev no vs etc inc corp co ltd jan feb mar apr jun jul aug sep sept oct nov dec u.s u.n u.k e.u'.split(
    ' ',
  ),
);

/** Splits text into sentences; offsets are into `text`. */
export function splitSentences(text: string): Span[] {
  const out: Span[] = [];
  const re = /[.!?…]+["'”’)\]]*(?=\s+|$)|\n\s*\n/g;
  let start = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const end = m.index + m[0].length;
    if (m[0].startsWith('.') && !isSentenceEnd(text, m.index, end)) continue;
    pushTrimmed(text, start, end, out);
    start = end;
  }
  pushTrimmed(text, start, text.length, out);
  return out;
}

function isSentenceEnd(text: string, dot: number, end: number): boolean {
  const before = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, dot - 12), dot))?.[1] ?? '';
  const word = before.toLowerCase().replace(/\.$/, '');
  if (ABBREVIATIONS.has(word)) return false;
  if (/^\p{Lu}$/u.test(before)) return false; // an initial: "George W. Bush"
  const next = /^\s+(\S)/u.exec(text.slice(end, end + 4))?.[1] ?? '';
  return next === '' || !/\p{Ll}/u.test(next);
}

function pushTrimmed(text: string, start: number, end: number, out: Span[]): void {
  while (start < end && /\s/.test(text[start] ?? '')) start++;
  while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
  if (end > start) out.push({ start, end });
}

const TOKEN = /[\p{L}\p{N}]+(?:[.'’-][\p{L}\p{N}]+)*\.?|[^\s\p{L}\p{N}]/gu;

/** Tokens of text[start, end), with absolute offsets. */
export function tokenize(text: string, start = 0, end = text.length): Token[] {
  const out: Token[] = [];
  const slice = text.slice(start, end);
  for (const m of slice.matchAll(TOKEN)) {
    let word = m[0];
    // Keep the period of "U.S." but not a sentence-final one.
    if (word.length > 1 && word.endsWith('.') && !/^(?:\p{L}\.)+$/u.test(word)) word = word.slice(0, -1);
    const s = start + (m.index ?? 0);
    const lower = word.toLowerCase().replace(/’/g, "'");
    out.push({ start: s, end: s + word.length, text: word, lower, stem: stem(lower) });
  }
  return out;
}

const stemCache = new Map<string, string>();

/** A deterministic crude stem; both pattern words and text words go through it. */
export function stem(word: string): string {
  const lower = word.toLowerCase();
  let cached = stemCache.get(lower);
  if (cached === undefined) {
    cached = computeStem(irregular[lower] ?? lower);
    stemCache.set(lower, cached);
  }
  return cached;
}

function computeStem(w: string): string {
  if (w.length <= 3 || !/^[a-z]+$/.test(w)) return w;
  let s = w;
  let stripped = false;
  if (/ies$|ied$/.test(s) && s.length > 4) return s.slice(0, -3) + 'i';
  if (/(?:ss|sh|ch|x|z)es$/.test(s)) return s.slice(0, -2);
  if (s.endsWith('ings') && s.length > 6) s = s.slice(0, -1);
  if (s.endsWith('ing') && s.length > 5) [s, stripped] = [s.slice(0, -3), true];
  else if (s.endsWith('eed')) s = s.slice(0, -1);
  else if (s.endsWith('ed') && s.length > 4) [s, stripped] = [s.slice(0, -2), true];
  else if (s.endsWith('s') && !s.endsWith('ss') && !s.endsWith('us') && !s.endsWith('is')) s = s.slice(0, -1);
  if (stripped && /([b-df-hj-km-np-tv-z])\1$/.test(s) && !/(?:ll|ss|zz)$/.test(s)) s = s.slice(0, -1);
  if (s.endsWith('y')) s = s.slice(0, -1) + 'i';
  if (s.endsWith('e') && s.length > 3) s = s.slice(0, -1);
  return s;
}
