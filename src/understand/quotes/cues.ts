// Attribution cues in a sentence: a speech verb with its speaker ("Ashtinai said", "…," said
// Karlsson), "according to X", and reporting nouns ("voiced their view that"). Tokens inside quoted
// passages are never cues.
import { lexicon, type VerbInfo } from './lexicon.ts';
import { phraseStartingAt, speakerAfter, speakerBefore, type Phrase } from './phrase.ts';
import type { Token } from './tokens.ts';

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

export interface SentenceView {
  tokens: Token[];
  first: number;
  last: number;
  /** Quoted-span index per token, -1 outside quotes. */
  quoteOf: Int32Array;
}

const PREPOSITIONS = new Set([
  'in',
  'on',
  'at',
  'to',
  'via',
  'during',
  'after',
  'before',
  'outside',
  'from',
  'over',
  'through',
  'with',
  'inside',
  'near',
  'while',
  'for',
  'later',
  'earlier',
  'last',
  'this',
  'next',
  'late',
  'early',
  'again',
  'also',
  'recently',
  'publicly',
  'privately',
  'repeatedly',
  'previously',
]);

function isOpeningQuote(v: SentenceView, i: number): boolean {
  return i < v.last && v.quoteOf[i]! >= 0 && (i === v.first || v.quoteOf[i - 1] !== v.quoteOf[i]);
}

function isClosingQuote(v: SentenceView, i: number): boolean {
  return i >= v.first && v.quoteOf[i]! >= 0 && (i + 1 >= v.last || v.quoteOf[i + 1] !== v.quoteOf[i]);
}

function insideQuote(v: SentenceView, i: number): boolean {
  return v.quoteOf[i]! >= 0;
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

/** Skips an addressee, prepositional phrases and time words after the cue; finds where the content starts. */
function frameAfter(v: SentenceView, cue: Cue): void {
  const { tokens } = v;
  if (cue.verb?.objectThenQuote) {
    objectThenQuote(v, cue);
    return;
  }
  let j = cue.cueLast;
  if (cue.inverted && cue.speaker) j = cue.speaker.last;
  if (cue.verb?.takesAddressee && j < v.last && !insideQuote(v, j) && tokens[j]!.lower !== 'that') {
    const a = phraseStartingAt(tokens, j, v.last);
    if (a) {
      cue.addressee = a;
      j = a.last;
    }
  }
  const bareStart = j;
  for (let hops = 0; hops < 4 && j < v.last; hops++) {
    const t = tokens[j]!;
    if (insideQuote(v, j)) break;
    if (t.lower === 'that' && !t.cap) {
      // "believed that, …" / "realizes that is not…": a demonstrative, not a complementizer
      const n = tokens[j + 1];
      const subordinate = n?.text === ',' && SUBORDINATORS.has(tokens[j + 2]?.lower ?? '');
      if (!n || (!n.word && !isOpeningQuote(v, j + 1) && !subordinate) || AUXILIARIES.has(n.lower)) return;
      cue.contentFrom = j + 1;
      cue.introduced = true;
      return;
    }
    if (t.text === ':' || (t.text === ',' && isOpeningQuote(v, j + 1))) {
      cue.contentFrom = j + 1;
      cue.introduced = true;
      return;
    }
    if (t.text === ',' && hops > 0) {
      j++;
      continue;
    }
    if (t.word && lexicon.timeWords.has(t.lower) && !PREPOSITIONS.has(t.lower)) {
      j++;
      continue;
    }
    if (!t.word || !PREPOSITIONS.has(t.lower)) break;
    const p = phraseStartingAt(tokens, j + 1, v.last);
    const end = p ? p.last : j + 1;
    if (!cue.medium && isMedium(tokens, j, end)) cue.medium = { first: j + 1 < end ? j + 1 : j, last: end };
    j = end;
  }
  if (j < v.last && isOpeningQuote(v, j)) {
    cue.contentFrom = j;
    cue.introduced = true;
    return;
  }
  if (cue.verb?.kind === 'stance') {
    if (j === bareStart && tokens[j]?.word && !insideQuote(v, j)) cue.contentFrom = j;
    return;
  }
  const subjectPronoun = SUBJECT_PRONOUNS.has(tokens[j]?.lower ?? '');
  if (subjectPronoun || (!cue.verb?.needsComplementizer && startsClause(v, j, j !== bareStart)))
    cue.contentFrom = j;
}

/** A bare reported clause opens with a subject: a pronoun, a determiner, a name or a number. */
function startsClause(v: SentenceView, j: number, strict: boolean): boolean {
  const t = v.tokens[j];
  if (!t || !t.word) return false;
  if (t.cap || /^\d/.test(t.text)) return true;
  const w = t.lower;
  if (strict) return lexicon.pronouns.has(w) || lexicon.npDeterminers.has(w);
  return (
    lexicon.pronouns.has(w) ||
    lexicon.npDeterminers.has(w) ||
    BARE_SUBJECTS.has(w) ||
    (!PREPOSITIONS.has(w) &&
      !lexicon.clauseBoundaries.has(w) &&
      !lexicon.npInnerLinks.has(w) &&
      !isVerbLike(w))
  );
}

const SUBORDINATORS = new Set([
  'if',
  'when',
  'while',
  'although',
  'though',
  'because',
  'as',
  'after',
  'before',
  'unless',
  'once',
  'despite',
  'in',
  'with',
  'by',
  'since',
  'until',
  'given',
  'for',
  'at',
  'on',
]);
const AUXILIARIES = new Set([
  'is',
  'was',
  'are',
  'were',
  'has',
  'have',
  'had',
  'will',
  'would',
  'can',
  'could',
  'should',
  'may',
  'might',
  'must',
]);
const SUBJECT_PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'there']);
const BARE_SUBJECTS = new Set([
  'there',
  'it',
  'this',
  'that',
  'these',
  'those',
  'people',
  'officers',
  'police',
]);

function isVerbLike(w: string): boolean {
  return lexicon.verbs.has(w) || w.endsWith('ed');
}

/** "called half of his supporters “deplorables”": the object and the quotation are the content. */
function objectThenQuote(v: SentenceView, cue: Cue): void {
  const from = cue.inverted && cue.speaker ? cue.speaker.last : cue.cueLast;
  for (let j = from; j < Math.min(v.last, from + 12); j++) {
    if (isOpeningQuote(v, j)) {
      if (j > from || cue.verb?.lemma !== 'describe') {
        cue.contentFrom = from;
        cue.introduced = true;
      }
      return;
    }
    const t = v.tokens[j]!;
    if (!t.word && t.text !== '-' && t.text !== '’' && t.text !== "'") return;
  }
}

function isMedium(tokens: Token[], first: number, last: number): boolean {
  const words = tokens.slice(first, last).map((t) => t.lower);
  const phrase = words.join(' ');
  if (words.some((w) => lexicon.mediumNouns.has(w))) return true;
  for (const m of lexicon.mediaNames) if (phrase.includes(m)) return true;
  return false;
}

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

function verbCue(v: SentenceView, i: number): Cue | null {
  const t = v.tokens[i]!;
  const nextWord = v.tokens[i + 1];
  const two = nextWord ? lexicon.verbs.get(`${t.lower} ${nextWord.lower}`) : undefined;
  const info = two ?? lexicon.verbs.get(t.lower);
  if (!info || t.cap) return null;
  const last = two ? i + 2 : i + 1;
  const prev = v.tokens[i - 1];
  if (prev && (lexicon.npDeterminers.has(prev.lower) || /['’]s$/.test(prev.lower) || prev.lower === 'to'))
    return null;
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
