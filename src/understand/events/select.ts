// Which pattern matches of a sentence become events: overlapping matches give way to the more
// specific one; an intent frame ("agreed to", "is prepared to") takes its code from the act it
// introduces; main-clause acts come before acts in subordinate clauses (the order of the result).
import type { Frame } from './frames.ts';
import type { PatternMatch } from './lexicon.ts';
import { recodeIntended, recodeRefused } from './modality.ts';
import type { Token } from './text.ts';

export interface Selected {
  match: PatternMatch;
  code: string;
  /** Subordinate clauses opened before the match ("after", "which", "that"): 0 in the main clause. */
  depth: number;
}

const SUBORDINATORS = new Set([
  'who',
  'whom',
  'which',
  'whose',
  'where',
  'that',
  'when',
  'after',
  'before',
  'because',
  'following',
  'since',
  'while',
  'if',
  'unless',
  'until',
  'over',
  'amid',
  'despite',
]);
/** How many words an intent frame may be separated from its act ("agreed to jointly hold"). */
const FRAME_REACH = 2;

export function selectMatches(
  matches: PatternMatch[],
  tokens: Token[],
  frames: Frame[],
  max: number,
  /**
   * Whether the text layer reads the match's word as the verb of a main clause: "A man who was
   * accused of fraud was arrested": the relative clause ends before "was arrested" with no comma to
   * close it, so counting subordinators would put the main act inside it.
   */
  mainVerb: (m: PatternMatch) => boolean = () => false,
): Selected[] {
  const kept = resolveOverlaps(matches);
  const selected = kept.map((m) => ({
    match: m,
    code: m.pattern.code,
    depth: mainVerb(m) ? 0 : depth(m, tokens, frames),
  }));
  const absorbed = new Set<PatternMatch>();
  for (const s of selected) {
    const inner = innerAct(s.match, matches, tokens);
    if (!inner) continue;
    // "told X to withdraw": the act asked for is not done; the appeal keeps its code.
    if (s.match.pattern.code.startsWith('02')) s.code = s.match.pattern.code;
    else
      s.code = s.match.pattern.code.startsWith('12')
        ? (recodeRefused(inner.pattern.code) ?? s.code)
        : recodeIntended(inner.pattern.code, true);
    absorbed.add(inner);
  }
  return selected
    .filter((s) => !absorbed.has(s.match))
    .sort((a, b) => a.depth - b.depth || a.match.first - b.match.first)
    .slice(0, max);
}

function resolveOverlaps(matches: PatternMatch[]): PatternMatch[] {
  // Where the project's list reads the word a dictionary phrase starts at, its reading stands.
  const own = new Set(matches.filter((m) => m.pattern.rank === 0).map((m) => m.first));
  const sorted = [...matches.filter((m) => m.pattern.rank === 0 || !own.has(m.first))].sort(
    (a, b) =>
      b.pattern.weight - a.pattern.weight ||
      b.pattern.code.length - a.pattern.code.length ||
      a.first - b.first,
  );
  const kept: PatternMatch[] = [];
  for (const m of sorted) {
    if (kept.some((c) => c.words.some((w) => m.words.includes(w)) || (c.first < m.last && m.first < c.last)))
      continue;
    kept.push(m);
  }
  return kept;
}

/**
 * "agreed to" + "undertake joint exercises", "refused to" + "release": the act right after an
 * intent or refusal frame ending in "to".
 */
function innerAct(frame: PatternMatch, all: PatternMatch[], tokens: Token[]): PatternMatch | null {
  if (!/^(?:02|03|12)/.test(frame.pattern.code)) return null;
  const last = frame.words[frame.words.length - 1] ?? frame.first;
  if (tokens[last]?.lower !== 'to') return null;
  const inner = all
    .filter((m) => m.first > last && m.first <= last + FRAME_REACH && !/^(?:02|03|12)/.test(m.pattern.code))
    .sort((a, b) => a.first - b.first || b.pattern.weight - a.pattern.weight);
  return inner[0] ?? null;
}

/** Subordinators before the match whose clause is still open (a comma closes "Despite X, …"). */
function depth(match: PatternMatch, tokens: Token[], frames: Frame[]): number {
  const frame = frames.find((f) => f.contentFirst <= match.first && match.first < f.contentLast);
  let n = 0;
  for (let k = frame?.contentFirst ?? 0; k < match.first; k++) {
    const word = tokens[k]?.lower ?? '';
    if (word === ',' && n > 0 && k < match.first) n--;
    else if (SUBORDINATORS.has(word)) n++;
  }
  return Math.max(0, n);
}
