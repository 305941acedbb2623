// The event-pattern lexicon (data/events/verbs.json) compiled for matching against stemmed tokens.
// Pattern syntax: words separated by spaces; "a|b" word alternatives; "a_b" a multi-word
// alternative; "~" skips up to MAX_GAP words. Each item matches on word stems.
import { loadJson } from './data.ts';
import { compiledPatterns, LEXICON_FILES } from './compiled-lexicon.ts';
import { finiteAuxiliaries, stem, type Token } from './text.ts';

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
  /** For each word item after the first, the stems its alternatives start with (a quick pre-check). */
  needs: string[][];
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
  const needs = items.slice(1).flatMap((i) => (i.gap ? [] : [i.alternatives.map((a) => a[0] ?? '')]));
  return { code, source, items, weight, rank, needs };
}

/** A pattern as matchAll reads it: its needs as ids of the stems they name (see Lexicon.needId). */
interface Candidate {
  pattern: Pattern;
  needs: number[][];
}

export class Lexicon {
  private readonly byFirstStem = new Map<string, Pattern[]>();
  /** The patterns of byFirstStem as matchAll reads them, made on a stem's first use (most never are). */
  private readonly candidates = new Map<string, Candidate[]>();
  /**
   * Every stem some pattern needs, numbered: a sentence marks the ones it holds in `seenIn` (with the
   * number of the sentence, so nothing is cleared between sentences), and a need is checked by
   * reading an array, not by hashing a string, for each of the hundreds of patterns a sentence's
   * common verbs open.
   */
  private readonly needId = new Map<string, number>();
  private seenIn = new Uint32Array(0);
  private sentenceStamp = 0;
  /** Every pattern, in the order added (what the build step compiles, see compiled-lexicon.ts). */
  readonly patterns: Pattern[] = [];

  /** Pattern lists by rank: the first list's patterns win over the next one's where both match. */
  constructor(...lists: Record<string, string[]>[]) {
    lists.forEach((codes, rank) => {
      for (const [code, sources] of Object.entries(codes)) {
        for (const source of sources) this.add(compilePattern(code, source, rank));
      }
    });
  }

  /** A lexicon of patterns already compiled, added in their order. */
  static fromPatterns(patterns: readonly Pattern[]): Lexicon {
    const lexicon = new Lexicon();
    for (const pattern of patterns) lexicon.add(pattern);
    return lexicon;
  }

  private add(pattern: Pattern): void {
    this.patterns.push(pattern);
    const first = pattern.items[0];
    if (!first || first.gap) return;
    for (const alt of first.alternatives) {
      const key = alt[0] ?? '';
      const list = this.byFirstStem.get(key) ?? [];
      list.push(pattern);
      this.byFirstStem.set(key, list);
      this.candidates.delete(key);
    }
  }

  private candidatesOf(stemmed: string): Candidate[] | undefined {
    let list = this.candidates.get(stemmed);
    if (list === undefined) {
      const patterns = this.byFirstStem.get(stemmed);
      if (!patterns) return undefined;
      list = patterns.map((pattern) => ({
        pattern,
        needs: pattern.needs.map((alternatives) => alternatives.map((s) => this.idOf(s))),
      }));
      this.candidates.set(stemmed, list);
    }
    return list;
  }

  private idOf(stemmed: string): number {
    let id = this.needId.get(stemmed);
    if (id === undefined) this.needId.set(stemmed, (id = this.needId.size));
    return id;
  }

  /** Whether some pattern starts with this stem: the word is probably a verb of an event. */
  anchors(stemmed: string): boolean {
    return this.byFirstStem.has(stemmed);
  }

  /** Every match of every pattern in tokens[from, to). */
  matchAll(tokens: Token[], from = 0, to = tokens.length): PatternMatch[] {
    const out: PatternMatch[] = [];
    // Most patterns of a word need a word the sentence does not have: skip them before matching.
    let stamp = 0;
    let markedStems = 0;
    for (let i = from; i < to; i++) {
      const candidates = this.candidatesOf(tokens[i]?.stem ?? '');
      if (!candidates) continue;
      // Marked again when the candidates just made numbered stems the marks do not cover.
      if (!stamp || markedStems !== this.needId.size) {
        stamp = this.markStems(tokens, from, to);
        markedStems = this.needId.size;
      }
      for (const { pattern, needs } of candidates) {
        if (!this.hasNeeded(needs, stamp)) continue;
        const words = matchItems(tokens, pattern.items, 0, i, to);
        if (words) out.push({ pattern, first: i, last: (words[words.length - 1] ?? i) + 1, words });
      }
    }
    return out;
  }

  /** Marks the needed stems of tokens[from, to) with a new sentence number, which it returns. */
  private markStems(tokens: Token[], from: number, to: number): number {
    if (this.seenIn.length < this.needId.size || this.sentenceStamp === 0xffffffff) {
      this.seenIn = new Uint32Array(Math.max(1024, 2 * this.needId.size));
      this.sentenceStamp = 0;
    }
    const stamp = ++this.sentenceStamp;
    for (let k = from; k < to; k++) {
      const id = this.needId.get(tokens[k]?.stem ?? '');
      if (id !== undefined) this.seenIn[id] = stamp;
    }
    return stamp;
  }

  /** Whether each item of `needs` has an alternative whose first stem the sentence holds. */
  private hasNeeded(needs: number[][], stamp: number): boolean {
    const seen = this.seenIn;
    for (const alternatives of needs) {
      let found = false;
      for (let a = 0; a < alternatives.length; a++)
        if (seen[alternatives[a]!] === stamp) {
          found = true;
          break;
        }
      if (!found) return false;
    }
    return true;
  }
}

const COORDINATORS = new Set(['and', 'or']);

/** A coordinator followed by an auxiliary opens a clause of its own ("… and is talking"). */
function newClause(coordinator: Token | undefined, next: Token | undefined): boolean {
  return COORDINATORS.has(coordinator?.lower ?? '') && finiteAuxiliaries.has(next?.lower ?? '');
}

/** Words in -ly that are no adverbs of manner ("ally", "rally", "supply", "Italy", "only"). */
const NOT_MANNER =
  /^(?:ally|rally|reply|supply|apply|comply|rely|imply|multiply|family|italy|july|holy|only|assembly|anomaly|bully|belly|jelly|folly|tally|sally|lily|fly|early|likely|unlikely|daily|weekly|monthly|yearly|friendly|elderly|costly|deadly|lonely|lovely|orderly|timely|ugly|silly|hourly|quarterly|nightly)$/;

/** A manner adverb ("indefinitely", "directly") between two words of a pattern: "withdraw indefinitely from". */
function mannerAdverb(token: Token | undefined): boolean {
  const word = token?.text ?? '';
  return /^\p{Ll}{3,}ly$/u.test(word) && !NOT_MANNER.test(word);
}

function matchItems(tokens: Token[], items: Item[], k: number, at: number, to: number): number[] | null {
  const item = items[k];
  if (!item) return [];
  // "withdraw indefinitely from", "talk directly with": a manner adverb may stand inside a pattern.
  if (k > 0 && !item.gap && !items[k - 1]?.gap && mannerAdverb(tokens[at]) && at + 1 < to) {
    const skipped = matchItems(tokens, items, k, at + 1, to);
    if (skipped) return skipped;
  }
  if (item.gap) {
    // Numbers and punctuation ("up to 13,000") do not count against the gap.
    for (let skip = 0, words = 0; words <= MAX_GAP && at + skip < to; skip++) {
      const skipped = tokens[at + skip - 1];
      if (skip > 0 && GAP_STOPS.has(skipped?.lower ?? '')) break;
      // "held jobs and is talking": nor into a clause coordinated with its own auxiliary.
      if (skip > 0 && newClause(skipped, tokens[at + skip])) break;
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
 * dictionary's phrases (data/events/cameo-verbs.json, converted by scripts/import-cameo-verbs.ts);
 * as the build step compiled them when its file matches them (compiled-lexicon.ts).
 */
export function eventLexicon(): Lexicon {
  if (!shared) {
    const compiled = compiledPatterns();
    shared = compiled ? Lexicon.fromPatterns(compiled) : buildEventLexicon();
  }
  return shared;
}

/** The lexicon compiled from its data files (what eventLexicon() reads when no compiled file matches). */
export function buildEventLexicon(): Lexicon {
  return new Lexicon(...LEXICON_FILES.map((name) => loadJson<{ codes: Codes }>(`events/${name}.json`).codes));
}
