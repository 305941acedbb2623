// The event-pattern lexicon (data/events/verbs.json) compiled for matching against stemmed tokens.
// Pattern syntax: words separated by spaces; "a|b" word alternatives; "a_b" a multi-word
// alternative; "~" skips up to MAX_GAP words. Each item matches on word stems.
import { loadJson } from './data.ts';
import { stem, type Token } from './text.ts';

const MAX_GAP = 5;
/** Words a gap never crosses: they end the clause the pattern lives in. */
const GAP_STOPS = new Set([';', ':', '.', 'but', 'while', 'whereas', '"', '“', '”']);

export type Item = { gap: true } | { gap: false; alternatives: string[][] };

export interface Pattern {
  code: string;
  source: string;
  items: Item[];
  /** Number of non-gap words: longer patterns are more specific. */
  weight: number;
  /**
   * 0 for the project's own patterns, 1 for the imported CAMEO dictionary's: where both start at one
   * word the project's reading stands (it follows PLOVER's conventions, e.g. a signed pact is 057),
   * and the dictionary adds what the project's list does not cover.
   */
  rank: number;
}

export interface PatternMatch {
  pattern: Pattern;
  /** Token index of the first and one past the last matched word. */
  first: number;
  last: number;
  /** Token indexes of every matched word (not the skipped ones). */
  words: number[];
}

export function compilePattern(code: string, source: string, rank = 0): Pattern {
  const items: Item[] = source
    .trim()
    .split(/\s+/)
    .map((word) =>
      word === '~'
        ? { gap: true }
        : { gap: false, alternatives: word.split('|').map((a) => a.split('_').map(stem)) },
    );
  const weight = items.reduce(
    (n, i) => n + (i.gap ? 0 : Math.min(...i.alternatives.map((a) => a.length))),
    0,
  );
  return { code, source, items, weight, rank };
}

export class Lexicon {
  private readonly byFirstStem = new Map<string, Pattern[]>();

  /** Pattern lists by rank: the first list's patterns win over the next one's where both match. */
  constructor(...lists: Record<string, string[]>[]) {
    lists.forEach((codes, rank) => {
      for (const [code, sources] of Object.entries(codes)) {
        for (const source of sources) this.add(compilePattern(code, source, rank));
      }
    });
  }

  private add(pattern: Pattern): void {
    const first = pattern.items[0];
    if (!first || first.gap) return;
    for (const alt of first.alternatives) {
      const key = alt[0] ?? '';
      const list = this.byFirstStem.get(key) ?? [];
      list.push(pattern);
      this.byFirstStem.set(key, list);
    }
  }

  /** Whether some pattern starts with this stem: the word is probably a verb of an event. */
  anchors(stemmed: string): boolean {
    return this.byFirstStem.has(stemmed);
  }

  /** Every match of every pattern in tokens[from, to). */
  matchAll(tokens: Token[], from = 0, to = tokens.length): PatternMatch[] {
    const out: PatternMatch[] = [];
    let stems: Set<string> | null = null;
    for (let i = from; i < to; i++) {
      for (const pattern of this.byFirstStem.get(tokens[i]?.stem ?? '') ?? []) {
        // A pattern none of whose words' alternatives can start in the range cannot match: skip it
        // before the (backtracking) match.
        if (pattern.items.length > 1) {
          stems ??= new Set(tokens.slice(from, to).map((t) => t.stem));
          if (!mayMatch(pattern, stems)) continue;
        }
        const words = matchItems(tokens, pattern.items, 0, i, to);
        if (words) out.push({ pattern, first: i, last: (words[words.length - 1] ?? i) + 1, words });
      }
    }
    return out;
  }
}

/** Every word of the pattern has an alternative whose first stem is among `stems`. */
function mayMatch(pattern: Pattern, stems: Set<string>): boolean {
  for (const item of pattern.items) {
    if (item.gap) continue;
    if (!item.alternatives.some((alt) => stems.has(alt[0] ?? ''))) return false;
  }
  return true;
}

function matchItems(tokens: Token[], items: Item[], k: number, at: number, to: number): number[] | null {
  const item = items[k];
  if (!item) return [];
  if (item.gap) {
    // Numbers and punctuation ("up to 13,000") do not count against the gap.
    for (let skip = 0, words = 0; words <= MAX_GAP && at + skip < to; skip++) {
      const skipped = tokens[at + skip - 1];
      if (skip > 0 && GAP_STOPS.has(skipped?.lower ?? '')) break;
      if (skip > 0 && /\p{L}/u.test(skipped?.text ?? '')) words++;
      if (words > MAX_GAP) break;
      const rest = matchItems(tokens, items, k + 1, at + skip, to);
      if (rest) return rest;
    }
    return null;
  }
  for (const alt of item.alternatives) {
    if (at + alt.length > to) continue;
    if (!alt.every((s, j) => tokens[at + j]?.stem === s)) continue;
    const rest = matchItems(tokens, items, k + 1, at + alt.length, to);
    if (rest) return [...alt.map((_, j) => at + j), ...rest];
  }
  return null;
}

let shared: Lexicon | null = null;

type Codes = Record<string, string[]>;

/**
 * The lexicon, loaded once: the project's patterns (data/events/verbs.json), then the CAMEO verb
 * dictionary's phrases (data/events/cameo-verbs.json, converted by scripts/import-cameo-verbs.ts).
 */
export function eventLexicon(): Lexicon {
  shared ??= new Lexicon(
    ...['verbs', 'cameo-verbs'].map((name) => loadJson<{ codes: Codes }>(`events/${name}.json`).codes),
  );
  return shared;
}
