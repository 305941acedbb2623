// Cancelling patterns from the CAMEO verb dictionary (data/events/cancels.json, imported by
// scripts/import-cameo-cancels.ts): a verb next to these words is no event ("beat … in the election",
// "died from disease", "dropped leaflets" is not an air strike).
import { loadJson } from './data.ts';
import { compilePattern, type Pattern } from './lexicon.ts';
import { stem, type Token } from './text.ts';

interface CancelRule {
  before: Pattern | null;
  after: Pattern | null;
}

/** How far the cancelling words may stand from the verb: an article and an adjective or two. */
const REACH_AFTER = 4;
const REACH_BEFORE = 3;

const DETERMINERS = new Set([
  'the',
  'a',
  'an',
  'its',
  'their',
  'his',
  'her',
  'this',
  'that',
  'these',
  'those',
]);

let byVerb: Map<string, CancelRule[]> | null = null;

function rules(): Map<string, CancelRule[]> {
  byVerb ??= (() => {
    const raw = loadJson<{ cancels: { verbs: string[]; before: string; after: string }[] }>(
      'events/cancels.json',
    ).cancels;
    const out = new Map<string, CancelRule[]>();
    for (const c of raw) {
      const rule = {
        before: c.before ? compilePattern('---', c.before) : null,
        after: c.after ? compilePattern('---', c.after) : null,
      };
      for (const verb of new Set(c.verbs.map(stem))) out.set(verb, [...(out.get(verb) ?? []), rule]);
    }
    return out;
  })();
  return byVerb;
}

/** Whether the words of `pattern` stand one after another from token `at`. */
function sequenceAt(tokens: Token[], pattern: Pattern, at: number): boolean {
  // Tried at every position near every cancellable verb: plain loops, no closures.
  let k = at;
  const items = pattern.items;
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (item.gap) return false;
    // Dictionary patterns name heads: "(IN ELECTION)" holds for "in the election".
    if (i > 0) while (DETERMINERS.has(tokens[k]?.lower ?? '')) k++;
    const alt = alternativeAt(tokens, item.alternatives, k);
    if (!alt) return false;
    k += alt.length;
  }
  return true;
}

/** The first alternative whose stems stand from token k. */
function alternativeAt(tokens: Token[], alternatives: string[][], k: number): string[] | undefined {
  for (const alt of alternatives) {
    let j = 0;
    while (j < alt.length && tokens[k + j]?.stem === alt[j]) j++;
    if (j === alt.length) return alt;
  }
  return undefined;
}

/** Whether a cancelling pattern of the verb at token `verb` holds in this sentence. */
export function isCancelled(tokens: Token[], verb: number): boolean {
  const list = rules().get(tokens[verb]?.stem ?? '');
  if (!list) return false;
  return list.some((rule) => {
    const after = !rule.after || startsWithin(tokens, rule.after, verb + 1, verb + REACH_AFTER);
    const before =
      !rule.before ||
      startsWithin(tokens, rule.before, verb - REACH_BEFORE - rule.before.weight, verb - rule.before.weight);
    return after && before;
  });
}

function startsWithin(tokens: Token[], pattern: Pattern, from: number, to: number): boolean {
  for (let at = Math.max(0, from); at <= to; at++) if (sequenceAt(tokens, pattern, at)) return true;
  return false;
}
