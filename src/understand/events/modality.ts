// Modality of an event from the words before its verb in the clause, and the recoding PLOVER and
// CAMEO ask for: intended cooperation is AGREE (03x), announced force or sanctions is THREATEN (13x).
import type { Modality } from '../../model/index.ts';
import { loadJson } from './data.ts';
import type { Token } from './text.ts';

interface ModalityData {
  negation: string[];
  intended: string[];
  expected: string[];
  hypothetical: string[];
  intentCodes: Record<string, string>;
  threatCodes: Record<string, string>;
  threatCues: string[];
  refusalCodes: Record<string, string>;
}
const data = loadJson<ModalityData>('events/frames.json');
const WINDOW = 6;
const BOUNDARY = new Set([
  ',',
  ';',
  ':',
  '.',
  'and',
  'but',
  'which',
  'who',
  'that',
  'after',
  'before',
  'as',
  'when',
]);

function phrases(list: string[]): string[][] {
  return list.map((p) => p.split(' ')).sort((a, b) => b.length - a.length);
}
const CUES: [Modality, string[][]][] = [
  ['negated', phrases(data.negation)],
  ['expected', phrases(data.expected)],
  ['intended', phrases(data.intended)],
  ['hypothetical', phrases(data.hypothetical)],
];
const THREAT_CUES = new Set(data.threatCues);

/** The modality of a verb at token `verb`, reading at most WINDOW words back inside the clause. */
export function modalityOf(
  tokens: Token[],
  verb: number,
  clauseFirst: number,
  reported: boolean,
  /** The pattern itself is negative ("not recognise" is a rejection, not a negated act). */
  negativePattern = false,
): Modality {
  const from = Math.max(clauseFirst, verb - WINDOW);
  let start = verb;
  while (start > from && !BOUNDARY.has(tokens[start - 1]?.lower ?? '')) start--;
  const words = tokens.slice(start, verb).map((t) => t.lower);
  const found = new Set<Modality>();
  for (const [modality, cues] of CUES) {
    for (let i = 0; i < words.length; i++) {
      if (cueAt(cues, words, i)) found.add(modality);
    }
  }
  if (found.has('negated') && !negativePattern) return 'negated';
  if (found.has('expected')) return 'expected';
  // "said it would meet": future in the past is an intention.
  if (found.has('hypothetical') && reported && words.includes('would')) return 'intended';
  if (found.has('intended')) return 'intended';
  if (found.has('hypothetical')) return 'hypothetical';
  return 'happened';
}

/** Whether one of the cues stands in `words` from index i (a plain loop: it runs for every event). */
function cueAt(cues: string[][], words: string[], i: number): boolean {
  for (const cue of cues) {
    let k = 0;
    while (k < cue.length && words[i + k] === cue[k]) k++;
    if (k === cue.length) return true;
  }
  return false;
}

/** Whether the clause carries a threat cue ("unless", "or face", "warned"). */
export function hasThreatCue(tokens: Token[], first: number, last: number): boolean {
  return tokens.slice(first, last).some((t) => THREAT_CUES.has(t.lower));
}

function lookup(table: Record<string, string>, code: string): string | null {
  for (let c = code; c.length >= 2; c = c.slice(0, -1)) {
    const hit = table[c];
    if (hit) return hit;
  }
  return null;
}

/** Refusing a cooperative act (03–08) is its rejection: "refused to release" → 1243. */
export function recodeRefused(code: string): string | null {
  const root = Number(code.slice(0, 2));
  return root >= 3 && root <= 8 ? lookup(data.refusalCodes, code) : null;
}

/**
 * Recodes an intended act: cooperative acts (04–08) become the matching intent to cooperate (03x);
 * coercive acts (15–20) become threats (13x). Other codes are returned unchanged.
 */
export function recodeIntended(code: string, threatCue: boolean): string {
  const root = Number(code.slice(0, 2));
  if (root >= 4 && root <= 8) return lookup(data.intentCodes, code) ?? code;
  if (root >= 15 || (threatCue && root === 14)) return lookup(data.threatCodes, code) ?? code;
  return code;
}
