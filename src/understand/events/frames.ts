// Reported speech in a sentence: "X said (that) …", "…, X said Tuesday", "according to X".
// The frame's speaker is attributed the content; words of the frame itself are no event.
import { loadJson } from './data.ts';
import { stem, type Token } from './text.ts';
import type { ActorSpan } from './actors.ts';

interface FrameData {
  reportingVerbs: string[];
  reportingPhrases: string[];
}
const frameData = loadJson<FrameData>('events/frames.json');
const REPORTING = new Set(frameData.reportingVerbs.map(stem));
const PHRASES = frameData.reportingPhrases.map((p) => p.split(' ').map(stem));

export interface Frame {
  /** Token range of the attribution ("the White House announced Tuesday"). */
  first: number;
  last: number;
  /** Token range of the reported content. */
  contentFirst: number;
  contentLast: number;
  speaker: ActorSpan | null;
  /** Token index of the reporting verb or phrase. */
  verb: number;
}

export function isReportingVerb(t: Token): boolean {
  return REPORTING.has(t.stem);
}

/** Reporting frames of one sentence, in order. */
export function findFrames(tokens: Token[], actors: ActorSpan[]): Frame[] {
  const frames: Frame[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (insideActor(actors, i)) continue;
    const phrase = phraseAt(tokens, i);
    // "said (on Sunday) in a statement that …": the phrase belongs to the verb's frame, whose content
    // follows; it reports nothing of its own.
    if (phrase && reportedBefore(tokens, i)) continue;
    if (phrase) {
      frames.push(accordingTo(tokens, actors, i, i + phrase.length));
      continue;
    }
    if (!REPORTING.has(t.stem) || t.lower === 'not' || !isVerbUse(tokens, i)) continue;
    const frame = trailing(tokens, actors, i) ?? leading(tokens, actors, i);
    if (frame) frames.push(frame);
  }
  return frames;
}

// The two look-ups below run for every token of every sentence: plain loops, no closures.
function insideActor(actors: ActorSpan[], i: number): boolean {
  for (const a of actors) if (a.first <= i && i < a.last) return true;
  return false;
}

/** The first reporting phrase ("according to") whose words stand from token i. */
function phraseAt(tokens: Token[], i: number): string[] | undefined {
  for (const phrase of PHRASES) {
    let k = 0;
    while (k < phrase.length && tokens[i + k]?.stem === phrase[k]) k++;
    if (k === phrase.length) return phrase;
  }
  return undefined;
}

/** A reporting verb a few words before: "said in a statement", "announced on Monday in a statement". */
function reportedBefore(tokens: Token[], i: number): boolean {
  for (let k = i - 1; k >= 0 && i - k <= 4; k--) {
    const t = tokens[k] as Token;
    if (/^[,;:"“”]$/.test(t.text)) return false;
    if (REPORTING.has(t.stem) && isVerbUse(tokens, k)) return true;
  }
  return false;
}

/**
 * Nouns such as "report" or "statement" are no reporting verb; "the report said" is. After a
 * preposition only a gerund is a verb ("by saying"): "arrested by state police" reports nothing.
 */
function isVerbUse(tokens: Token[], i: number): boolean {
  const prev = tokens[i - 1]?.lower ?? '';
  if (prev !== 'to' && PREPOSITIONS.has(prev) && !/ing$/.test(tokens[i]?.lower ?? '')) return false;
  return !['the', 'a', 'an', 'this', 'its', 'his', 'her', 'their', 'whose'].includes(prev);
}

/** "…, the White House announced Tuesday." — attribution after the last comma. */
function trailing(tokens: Token[], actors: ActorSpan[], verb: number): Frame | null {
  let comma = -1;
  for (let k = verb - 1; k >= 0 && verb - k <= 10; k--) {
    if (tokens[k]?.text === ',' || tokens[k]?.text === '”' || tokens[k]?.text === '"') {
      comma = k;
      break;
    }
  }
  if (comma < 0) return null;
  const afterVerb = tokens.slice(verb + 1).filter((t) => /\p{L}/u.test(t.text));
  if (afterVerb.length > 8 && !tokens.slice(verb + 1).some((t) => t.text === ',')) return null;
  const speaker = nearestBefore(actors, verb, comma) ?? nearestAfter(actors, verb, verb + 6);
  const end = clauseEnd(tokens, verb);
  return { first: comma, last: end, contentFirst: 0, contentLast: comma, speaker, verb };
}

/** "X said (that) …" — content after the verb. */
function leading(tokens: Token[], actors: ActorSpan[], verb: number): Frame | null {
  const speaker = subjectBefore(tokens, actors, verb, Math.max(0, verb - 8));
  let content = verb + 1;
  // Skip the time and the listener: "said on Wednesday that", "told reporters that".
  for (let k = verb + 1; k < tokens.length && k <= verb + 8; k++) {
    if (tokens[k]?.lower === 'that') {
      content = k + 1;
      break;
    }
  }
  return { first: verb, last: content, contentFirst: content, contentLast: tokens.length, speaker, verb };
}

function accordingTo(tokens: Token[], actors: ActorSpan[], first: number, after: number): Frame {
  const speaker = nearestAfter(actors, after, after + 8);
  const last = speaker ? speaker.last : after;
  return first === 0
    ? { first, last, contentFirst: last, contentLast: tokens.length, speaker, verb: first }
    : { first, last: clauseEnd(tokens, first), contentFirst: 0, contentLast: first, speaker, verb: first };
}

function clauseEnd(tokens: Token[], from: number): number {
  for (let k = from; k < tokens.length; k++) if (tokens[k]?.text === ',' || tokens[k]?.text === ';') return k;
  return tokens.length;
}

function nearestBefore(actors: ActorSpan[], before: number, notBefore: number): ActorSpan | null {
  let best: ActorSpan | null = null;
  for (const a of actors) if (a.last <= before && a.first >= notBefore) best = a;
  return best;
}

const PREPOSITIONS = new Set(['in', 'at', 'of', 'from', 'for', 'with', 'by', 'on', 'near', 'to', 'against']);

/** "The Red Cross operating in Iraq said": the speaker is not the actor inside the phrase. */
function subjectBefore(
  tokens: Token[],
  actors: ActorSpan[],
  before: number,
  notBefore: number,
): ActorSpan | null {
  const window = actors.filter((a) => a.last <= before && a.first >= notBefore);
  let k = window.length - 1;
  while (k >= 0 && PREPOSITIONS.has(tokens[(window[k] as ActorSpan).first - 1]?.lower ?? '')) k--;
  return window[k] ?? window[window.length - 1] ?? null;
}

function nearestAfter(actors: ActorSpan[], after: number, notAfter: number): ActorSpan | null {
  return actors.find((a) => a.first >= after && a.first <= notAfter) ?? null;
}
