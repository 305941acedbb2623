// The one tokenizer: words with character offsets, their lower-case, look-up and stem forms.
// Abbreviations (U.S., Gen., Inc.) keep their full stop and a sentence's full stop is its own token;
// the possessive 's is its own token ("Iran" "'s"); decimals (3.5, 1,000), URLs, e-mail addresses and
// ellipses ("...") are one token each.
import { isAbbreviation } from './abbreviations.ts';
import { loadData } from './data.ts';

export interface Token {
  /** Surface text. */
  text: string;
  start: number;
  end: number;
  /** Lower case, curly apostrophes straightened. */
  lower: string;
  /** Lower case, no accents, no dots, straight apostrophes: "U.S." -> "us", "Élysée" -> "elysee". */
  key: string;
  /** A crude stem shared by every inflection of a word ("agreed", "agrees" -> "agre"). */
  stem: string;
  /** Letters or digits (a word), as opposed to punctuation. */
  word: boolean;
  /** Starts with an upper-case letter. */
  cap: boolean;
  /** A line break lies between this token and the previous one. */
  afterBreak: boolean;
}

// Words are matched by one simple expression; only a word followed by . @ : , / _ + or % is tried
// against the rarer forms (a URL, an e-mail address, a decimal, a domain, U.S.), which keeps the
// tokenizer about as fast as a plain word splitter.
const CORE = /[\p{L}\p{N}\p{M}]+(?:[-'’][\p{L}\p{N}\p{M}]+)*|\.{2,}|['’]s(?![\p{L}\p{N}])|\S/gu;
const SPECIAL = new RegExp(
  [
    String.raw`(?:https?:\/\/|www\.)[^\s<>"“”]*[^\s<>"“”.,;:!?)\]'’]`, // URL
    String.raw`[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+`, // e-mail address
    String.raw`\p{N}+(?:[.,:]\p{N}+)+`, // 3.5, 1,000, 10:30
    String.raw`[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.(?:com|org|net|gov|edu|int|info|news|io|ca|uk|au|de|fr|in)(?![\p{L}\p{N}])`, // rentals.ca
    String.raw`(?:[\p{L}\p{N}]+-)?\p{L}(?:\.\p{L})+\.?`, // U.S., e.g., a.m., R-S.C.
  ].join('|'),
  'uy',
);
/** . @ : , / _ + % after a word: it may be part of a longer form. */
const SPECIAL_NEXT = new Set([46, 64, 58, 44, 47, 95, 43, 37]);
const POSSESSIVE = /^(.+)(['’]s)$/u;

const UPPER = /^\p{Lu}/u;
const WORD_CHAR = /[\p{L}\p{N}]/u;
const PLAIN_KEY = /^[A-Za-z0-9 ]*$/;

export function normalizeKey(text: string): string {
  if (PLAIN_KEY.test(text)) return text.toLowerCase().trim();
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/\./g, '')
    .trim();
}

/** Dotted initials and abbreviations keep their dot; any other word's full stop is a token of its own. */
function keepsDot(surface: string): boolean {
  if (/^\p{L}(?:\.\p{L})*\.$/u.test(surface)) return true; // "W.", "U.S."
  return isAbbreviation(surface.slice(0, -1));
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let last = 0;
  CORE.lastIndex = 0;
  for (let m = CORE.exec(text); m; m = CORE.exec(text)) {
    let surface = m[0];
    const start = m.index;
    let end = start + surface.length;
    const next = text.charCodeAt(end);
    if (SPECIAL_NEXT.has(next) && surface.length >= 1) {
      SPECIAL.lastIndex = start;
      const special = SPECIAL.exec(text);
      if (special && special[0].length > surface.length) {
        surface = special[0];
        end = start + surface.length;
        CORE.lastIndex = end;
      }
    }
    if (end === start + m[0].length) {
      // a plain word: the possessive is a token of its own; a full stop stays with an abbreviation
      const possessive = surface.length > 2 && surface.endsWith('s') ? POSSESSIVE.exec(surface) : null;
      if (possessive && /['’]/.test(surface[surface.length - 2]!) && isWordStart(surface)) {
        tokens.push(makeToken(text, possessive[1]!, start, last));
        tokens.push(makeToken(text, possessive[2]!, end - 2, end - 2));
        last = end;
        continue;
      }
      if (next === 46 && text.charCodeAt(end + 1) !== 46 && isWordStart(surface) && keepsDot(surface + '.')) {
        surface += '.';
        end++;
        CORE.lastIndex = end;
      }
      tokens.push(makeToken(text, surface, start, last));
    } else if (surface.length > 1 && surface.endsWith('.') && !keepsDot(surface)) {
      tokens.push(makeToken(text, surface.slice(0, -1), start, last));
      tokens.push(makeToken(text, '.', end - 1, end - 1));
    } else {
      tokens.push(makeToken(text, surface, start, last));
    }
    last = end;
  }
  return tokens;
}

const WORD_START = /^[\p{L}\p{N}\p{M}]/u;

function isWordStart(surface: string): boolean {
  const c = surface.charCodeAt(0);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return WORD_START.test(surface);
}

/** A token for a word given on its own (a pre-tokenized corpus), at `start`. */
export function wordToken(surface: string, start: number): Token {
  return { ...makeToken(surface, surface, 0, 0), start, end: start + surface.length };
}

interface WordForms {
  lower: string;
  key: string;
  stem: string;
  word: boolean;
  cap: boolean;
}

// The forms of a surface word are computed once per process: news repeats its words, and the key,
// the stem and the letter classes cost several regular expressions each.
const formsCache = new Map<string, WordForms>();
const MAX_CACHED_FORMS = 100_000;

function formsOf(surface: string): WordForms {
  let forms = formsCache.get(surface);
  if (forms === undefined) {
    const lower = surface.toLowerCase().replace(/’/g, "'");
    const first = surface.charCodeAt(0);
    const word = WORD_CHAR.test(surface);
    forms = {
      lower,
      key: normalizeKey(surface),
      stem: stem(lower),
      word,
      cap: word && (first < 128 ? first >= 65 && first <= 90 : UPPER.test(surface)),
    };
    if (formsCache.size >= MAX_CACHED_FORMS) formsCache.clear();
    formsCache.set(surface, forms);
  }
  return forms;
}

function makeToken(text: string, surface: string, start: number, previousEnd: number): Token {
  const f = formsOf(surface);
  return {
    text: surface,
    start,
    end: start + surface.length,
    lower: f.lower,
    key: f.key,
    stem: f.stem,
    word: f.word,
    cap: f.cap,
    afterBreak: hasBreak(text, previousEnd, start),
  };
}

function hasBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) return true;
  return false;
}

/** Index of the first token starting at or after `offset` (binary search). */
export function tokenAt(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const irregular = loadData<{ forms: Record<string, string> }>('events/irregular-verbs.json').forms;
const stemCache = new Map<string, string>();

/** A deterministic crude stem; pattern words and text words both go through it. */
export function stem(word: string): string {
  const lower = word.toLowerCase();
  let cached = stemCache.get(lower);
  if (cached === undefined) {
    cached = computeStem(irregular[lower] ?? lower);
    if (stemCache.size < 200_000) stemCache.set(lower, cached);
  }
  return cached;
}

const EED_BASE = /^(?:n|f|s|h|w|d|r|spe|bre|ble|gre|ste|tw|ind|proc|succ|exc)eed$/;

function computeStem(w: string): string {
  if (w.length <= 3 || !/^[a-z]+$/.test(w)) return w;
  let s = w;
  let stripped = false;
  if (/ies$|ied$/.test(s) && s.length > 4) return s.slice(0, -3) + 'i';
  if (/(?:ss|sh|ch|x|z)es$/.test(s)) return s.slice(0, -2);
  if (s.endsWith('ings') && s.length > 6) s = s.slice(0, -1);
  if (s.endsWith('ing') && s.length > 5) [s, stripped] = [s.slice(0, -3), true];
  // "agreed", "freed" → agree, free; a base form in "-eed" ("need", "exceed") keeps its ending
  else if (s.endsWith('eed')) s = EED_BASE.test(s) ? s : s.slice(0, -1);
  else if (s.endsWith('ed') && s.length > 4) [s, stripped] = [s.slice(0, -2), true];
  else if (s.endsWith('s') && !s.endsWith('ss') && !s.endsWith('us') && !s.endsWith('is')) s = s.slice(0, -1);
  if (stripped && /([b-df-hj-km-np-tv-z])\1$/.test(s) && !/(?:ll|ss|zz)$/.test(s)) s = s.slice(0, -1);
  if (s.endsWith('y')) s = s.slice(0, -1) + 'i';
  if (s.endsWith('e') && s.length > 3) s = s.slice(0, -1);
  return s;
}

/** Singular and plural forms of a lower-case phrase (plural on its last word). */
export function withPlurals(phrase: string): string[] {
  const words = phrase.split(' ');
  const last = words[words.length - 1] ?? '';
  const stemPart = words.slice(0, -1).join(' ');
  const join = (w: string) => (stemPart ? `${stemPart} ${w}` : w);
  let plural: string;
  if (/man$/.test(last)) plural = last.replace(/man$/, 'men');
  else if (/[^aeiou]y$/.test(last)) plural = last.slice(0, -1) + 'ies';
  else if (/(s|x|ch|sh)$/.test(last)) plural = last + 'es';
  else plural = last + 's';
  return [phrase, join(plural)];
}

/** The token's text without a possessive ending ("Iran's" → "Iran"). */
export function stripPossessive(word: string): string {
  return word.replace(/['’]s$/i, '');
}
