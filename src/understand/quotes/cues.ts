// Attribution cues in a sentence: a speech verb with its speaker ("Ashtinai said", "…," said
// Karlsson), "according to X", and reporting nouns ("voiced their view that"). Tokens inside quoted
// passages are never cues.
import { lexicon, type VerbInfo } from './lexicon.ts';
import { phraseStartingAt, speakerAfter, speakerBefore, type Phrase } from './phrase.ts';
import { frameAfter, PREPOSITIONS } from './frame.ts';
import { insideQuote, isClosingQuote, type SentenceView } from './view.ts';

export interface Cue {
  /** Token range of the cue words. */
  cueFirst: number;
  cueLast: number;
  form: 'verb' | 'according' | 'noun';
  verb: VerbInfo | null;
  speaker: Phrase | null;
  /** The speaker follows the verb ("said Karlsson"). */
  inverted: boolean;
  addressee: Phrase | null;
  medium: { first: number; last: number } | null;
  /** First token where a reported clause after the cue may start, or -1 when none can. */
  contentFrom: number;
  /** The content was introduced by "that", a colon or a comma before a quote. */
  introduced: boolean;
}

/** Phrases after an inverted verb must end the clause: "said Karlsson, who …", not "said the police fired". */
function endsClause(v: SentenceView, at: number, first?: number): boolean {
  if (at >= v.last) return true;
  if (first !== undefined && /^\d/.test(v.tokens[first]!.text)) return false;
  const t = v.tokens[at]!;
  return !t.word || PREPOSITIONS.has(t.lower) || t.lower === 'who' || t.lower === 'when' || t.lower === 'as';
}

function findSpeaker(
  v: SentenceView,
  cueFirst: number,
  cueLast: number,
): { speaker: Phrase | null; inverted: boolean } {
  const prev = v.tokens[cueFirst - 1];
  const afterQuote = isClosingQuote(v, cueFirst - 1);
  const afterComma = !!prev && (prev.text === ',' || prev.text === '—');
  const after = afterQuote || afterComma ? speakerAfter(v.tokens, cueLast, v.last) : null;
  if (after && afterQuote && endsClause(v, after.last) && !insideQuote(v, cueLast)) {
    return { speaker: after, inverted: true };
  }
  const before = speakerBefore(v.tokens, cueFirst, v.first);
  if (before && !insideQuote(v, before.first) && !insideQuote(v, before.last - 1)) {
    return { speaker: before, inverted: false };
  }
  if (after && endsClause(v, after.last, after.first) && !insideQuote(v, cueLast))
    return { speaker: after, inverted: true };
  return { speaker: null, inverted: false };
}

/** Words that make the next word a noun ("the report", "his claims"); "some say" is still a verb. */
const NOUN_MARKERS = new Set([
  'the',
  'a',
  'an',
  'his',
  'her',
  'its',
  'their',
  'our',
  'my',
  'your',
  'this',
  'these',
  'those',
  'no',
  'any',
  'every',
  'each',
  'new',
  'latest',
  'recent',
]);

const PASSIVE_AUX = new Set(['was', 'were', 'is', 'are', 'been', 'be', 'being', 'get', 'got', 'gets']);

function isPassive(v: SentenceView, i: number): boolean {
  for (let k = i - 1; k >= v.first && k >= i - 3; k--) {
    const t = v.tokens[k]!;
    if (PASSIVE_AUX.has(t.lower)) return true;
    if (!(t.lower.endsWith('ly') || t.lower === 'not' || t.lower === 'also' || t.lower === 'never'))
      return false;
  }
  return false;
}

const MODALS = new Set([
  'would',
  'could',
  'will',
  'might',
  'may',
  'should',
  'must',
  'can',
  'to',
  "didn't",
  "don't",
  'not',
]);

/** "officials say", "they say" are verbs; "a civil claim", "would tell" are not reports. */
function pluralSubject(v: SentenceView, speaker: Phrase, verb: number): boolean {
  for (let k = verb - 1; k >= speaker.last; k--) if (MODALS.has(v.tokens[k]!.lower)) return false;
  const head = v.tokens[speaker.last - 1]!.lower;
  if (speaker.kind === 'pronoun') return head !== 'he' && head !== 'she' && head !== 'it';
  return head.endsWith('s') || head === 'police' || head === 'people';
}

/** ", saying …", "…, adding that …": a participle reports speech after a comma or a preposition. */
function participleFramesSpeech(v: SentenceView, i: number): boolean {
  const prev = v.tokens[i - 1];
  const next = v.tokens[i + 1];
  if (!prev || (next && (next.lower === 'to' || next.lower === 'of' || next.lower === 'for'))) return false;
  return (
    prev.text === ',' ||
    prev.lower === 'by' ||
    prev.lower === 'in' ||
    prev.lower === 'included' ||
    prev.lower === 'while' ||
    prev.lower === 'as' ||
    prev.lower === 'when'
  );
}

/** "Pompeo praised China … and said …": the subject of the first verb of a coordination. */
export function coordinatedSubject(v: SentenceView, cueFirst: number): Phrase | null {
  for (let k = cueFirst - 2; k > v.first && cueFirst - k < 30; k--) {
    const t = v.tokens[k]!;
    if (insideQuote(v, k) || !t.word || t.cap) continue;
    if (!(lexicon.verbs.has(t.lower) || /[a-z]ed$/.test(t.lower))) continue;
    const subject = speakerBefore(v.tokens, k, v.first);
    if (subject && subject.kind !== 'nominal') return subject;
  }
  return null;
}

function bareCue(v: SentenceView, i: number, last: number, info: VerbInfo): Cue {
  const cue: Cue = {
    cueFirst: i,
    cueLast: last,
    form: 'verb',
    verb: info,
    speaker: null,
    inverted: false,
    addressee: null,
    medium: null,
    contentFrom: -1,
    introduced: false,
  };
  frameAfter(v, cue);
  return cue;
}

/**
 * First words of the two-word verbs ("pointed out"): a pair is looked up only after one of them, not
 * made into a string at every word (tokens hold no spaces, so no other pair can match).
 */
const TWO_WORD_FIRSTS = new Set(
  [...lexicon.verbs.keys()].flatMap((key) => {
    const words = key.split(' ');
    return words.length === 2 ? [words[0]!] : [];
  }),
);

function verbCue(v: SentenceView, i: number): Cue | null {
  const t = v.tokens[i]!;
  const nextWord = v.tokens[i + 1];
  const two =
    nextWord && TWO_WORD_FIRSTS.has(t.lower) ? lexicon.verbs.get(`${t.lower} ${nextWord.lower}`) : undefined;
  const info = two ?? lexicon.verbs.get(t.lower);
  if (!info || t.cap) return null;
  const last = two ? i + 2 : i + 1;
  const prev = v.tokens[i - 1];
  if (prev && (NOUN_MARKERS.has(prev.lower) || /['’]s$/.test(prev.lower) || prev.lower === 'to')) return null;
  if (info.past && isPassive(v, i)) return null;
  // "he was quoted as saying"
  const quotedAs = info.participle && v.tokens[i - 1]?.lower === 'as' && v.tokens[i - 2]?.lower === 'quoted';
  if (quotedAs) {
    const subject = speakerBefore(v.tokens, i - 2, v.first);
    if (subject) {
      const cue = bareCue(v, i, last, info);
      cue.speaker = subject;
      return cue;
    }
  }
  const { speaker, inverted } = info.participle
    ? { speaker: null, inverted: false }
    : findSpeaker(v, i, last);
  const coordinated = !speaker && !info.participle && prev?.lower === 'and';
  if (!speaker && !info.participle && !coordinated) return null;
  if (info.participle && !participleFramesSpeech(v, i)) return null;
  if (coordinated) {
    const cue = bareCue(v, i, last, info);
    return cue.contentFrom >= 0 ? cue : null;
  }
  if (info.base && speaker && !pluralSubject(v, speaker, i)) return null;
  const cue: Cue = {
    cueFirst: i,
    cueLast: last,
    form: 'verb',
    verb: info,
    speaker,
    inverted,
    addressee: null,
    medium: null,
    contentFrom: -1,
    introduced: false,
  };
  frameAfter(v, cue);
  if (info.kind === 'belief' && !cue.introduced) return null;
  if (info.kind === 'stance' && (!speaker || speaker.kind === 'nominal')) return null;
  return cue;
}

function accordingCue(v: SentenceView, i: number): Cue | null {
  const { tokens } = v;
  if (tokens[i]!.lower !== 'according') return null;
  let j = i + 1;
  if (tokens[j]?.lower === 'to') j++;
  let speaker = phraseStartingAt(tokens, j, v.last);
  if (!speaker) return null;
  // "state media cited in the AP": the proximate source is the one the text quotes from
  for (let k = j; k < Math.min(v.last - 2, j + 10); k++) {
    if (!tokens[k]!.word) break;
    const pair = `${tokens[k]!.lower} ${tokens[k + 1]!.lower}`;
    if (!lexicon.sourceOfSource.includes(pair)) continue;
    const next = phraseStartingAt(tokens, k + 2, v.last);
    if (next) speaker = next;
    break;
  }
  const after = speaker.last;
  const cue: Cue = {
    cueFirst: i,
    cueLast: j,
    form: 'according',
    verb: null,
    speaker,
    inverted: true,
    addressee: null,
    medium: null,
    contentFrom: -1,
    introduced: false,
  };
  if (tokens[after]?.text === ',') {
    cue.contentFrom = after + 1;
    cue.introduced = true;
  }
  return cue;
}

function nounCue(v: SentenceView, i: number): Cue | null {
  const { tokens } = v;
  if (!lexicon.reportingNounVerbs.has(tokens[i]!.lower)) return null;
  for (let j = i + 1; j < Math.min(v.last, i + 5); j++) {
    if (!lexicon.reportingNouns.has(tokens[j]!.lower)) continue;
    if (tokens[j + 1]?.lower !== 'that') return null;
    const speaker = speakerBefore(tokens, i, v.first);
    if (!speaker) return null;
    return {
      cueFirst: i,
      cueLast: j + 1,
      form: 'noun',
      verb: null,
      speaker,
      inverted: false,
      addressee: null,
      medium: null,
      contentFrom: j + 2,
      introduced: true,
    };
  }
  return null;
}

export function findCues(v: SentenceView): Cue[] {
  const cues: Cue[] = [];
  for (let i = v.first; i < v.last; i++) {
    const t = v.tokens[i]!;
    if (!t.word || insideQuote(v, i)) continue;
    const cue = verbCue(v, i) ?? accordingCue(v, i) ?? nounCue(v, i);
    if (cue) {
      cues.push(cue);
      i = Math.max(i, cue.cueLast - 1);
    }
  }
  return cues;
}

export type { SentenceView } from './view.ts';
