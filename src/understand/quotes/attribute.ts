// Quote candidates in one sentence: the content each cue introduces (after it, or before it when the
// cue closes the sentence), classified direct / mixed / indirect by the quotation marks it holds, and
// quoted passages that no cue claims (floating quotes, or scare quotes to drop).
import { coordinatedSubject, findCues, type Cue } from './cues.ts';
import { lexicon } from './lexicon.ts';
import type { QuotedSpan } from '../text/index.ts';
import { phraseStartingAt, type Phrase } from './phrase.ts';
import { isClosingQuote as isQuoteEnd, isOpeningQuote as isQuoteStart, type SentenceView } from './view.ts';

export type SpeakerSource = 'cue' | 'sentence-subject' | 'previous';

export interface Candidate {
  start: number;
  end: number;
  kind: 'direct' | 'indirect' | 'mixed';
  cue: Cue | null;
  speaker: Phrase | null;
  speakerSource: SpeakerSource;
  confidence: number;
}

interface Range {
  first: number;
  last: number;
}

const CUT = new Set([';', '—', '–']);

/** Drops punctuation outside quotes at both ends of a content range. */
function trim(v: SentenceView, r: Range): Range {
  let { first, last } = r;
  while (first < last && !v.tokens[first]!.word && v.quoteOf[first]! < 0) first++;
  while (last > first && !v.tokens[last - 1]!.word && v.quoteOf[last - 1]! < 0) last--;
  return { first, last };
}

function wordCount(v: SentenceView, r: Range): number {
  let n = 0;
  for (let i = r.first; i < r.last; i++) if (v.tokens[i]!.word) n++;
  return n;
}

const SMALL_WORDS = new Set([
  'a',
  'an',
  'the',
  'of',
  'and',
  'or',
  'in',
  'on',
  'to',
  'for',
  'at',
  'by',
  'with',
  'from',
]);

/**
 * Titles and labels rather than speech: a work named just before the marks ("his book, ''Make Your
 * Kid a Millionaire''"), or a short Title Case phrase ("The Long Road Home", "Fox and Friends").
 * `first`/`last` delimit the words inside the marks.
 */
export function looksLikeTitle(v: SentenceView, first: number, last: number): boolean {
  const words = [];
  for (let i = first; i < last; i++) if (v.tokens[i]!.word) words.push(v.tokens[i]!);
  if (!words.length) return true;
  let before = first - 1;
  while (before >= v.first && v.quoteOf[before]! >= 0 && v.quoteOf[before] === v.quoteOf[first]) before--;
  for (let k = before, seen = 0; k >= v.first && seen < 3; k--, seen++) {
    const t = v.tokens[k]!;
    if (lexicon.workTitleCues.has(t.lower)) return true;
    if (!(t.text === ',' || /^\d{4}$/.test(t.text))) break;
  }
  const content = words.filter((w) => !SMALL_WORDS.has(w.lower));
  const titleCase = words[0]!.cap && content.length > 0 && content.every((w) => w.cap);
  return titleCase && words.length > 1 && words.length <= 6;
}

function classify(
  v: SentenceView,
  spans: QuotedSpan[],
  r: Range,
  cue: Cue,
  speaker: Phrase | null,
  source: SpeakerSource,
): Candidate | null {
  const t = trim(v, r);
  if (t.last <= t.first) return null;
  const q = v.quoteOf[t.first]!;
  const whole =
    q >= 0 && isQuoteStart(v, t.first) && isQuoteEnd(v, t.last - 1) && v.quoteOf[t.last - 1] === q;
  const tokens = v.tokens;
  if (whole) {
    const span = spans[q]!;
    if (looksLikeTitle(v, t.first + 1, t.last - 1)) return null;
    return {
      start: span.start,
      end: span.end,
      kind: 'direct',
      cue,
      speaker,
      speakerSource: source,
      confidence: 0.9,
    };
  }
  if (wordCount(v, t) < 2 || isHeadline(v)) return null;
  let mixed = false;
  for (let i = t.first; i < t.last; i++) if (v.quoteOf[i]! >= 0) mixed = true;
  const base = cue.introduced ? 0.8 : 0.7;
  const confidence = cue.verb?.kind === 'belief' ? 0.5 : cue.verb?.kind === 'stance' ? 0.4 : base;
  return {
    start: tokens[t.first]!.start,
    end: tokens[t.last - 1]!.end,
    kind: mixed ? 'mixed' : 'indirect',
    cue,
    speaker,
    speakerSource: source,
    confidence,
  };
}

/** A paragraph ending without a full stop is a headline or a label ("READ MORE: X says Y"). */
function isHeadline(v: SentenceView): boolean {
  const lastTok = v.tokens[v.last - 1]!;
  const next = v.tokens[v.last];
  if (next && !next.afterBreak) return false;
  return lastTok.word && v.quoteOf[v.last - 1]! < 0;
}

/** Does this later cue end the content of the one before? A stance inside reported speech ("Stein said
 * she plans to…") or a verb that introduces nothing ("…that Clinton once described X as…") does not. */
function endsContent(v: SentenceView, n: Cue): boolean {
  if (n.verb?.kind === 'stance' || n.verb?.kind === 'belief' || n.verb?.objectThenQuote) return false;
  if (n.contentFrom >= 0 || (n.speaker && !n.verb?.needsComplementizer)) return true;
  const p = cueStart(n) - 1;
  return p >= v.first && (v.tokens[p]!.text === ',' || v.tokens[p]!.text === '—' || isQuoteEnd(v, p));
}

/** Where content running into the next cue should stop: the last dash or semicolon before it. */
function cutBefore(v: SentenceView, from: number, nextStart: number): number {
  const joiner = v.tokens[nextStart - 1]?.lower;
  if (nextStart - 1 > from && (joiner === 'and' || joiner === 'but')) return nextStart - 1;
  for (let k = nextStart - 1; k > from; k--) {
    if (v.quoteOf[k]! >= 0) continue;
    if (CUT.has(v.tokens[k]!.text) || (v.tokens[k]!.text === ',' && k === nextStart - 1)) return k;
  }
  return nextStart;
}

function cueStart(c: Cue): number {
  if (c.inverted || !c.speaker) return c.cueFirst;
  return Math.min(c.speaker.clauseFirst ?? c.speaker.first, c.speaker.first, c.cueFirst);
}

function sentenceSubject(v: SentenceView): Phrase | null {
  const first = v.tokens[v.first];
  if (
    first &&
    (lexicon.clauseBoundaries.has(first.lower) ||
      lexicon.npInnerLinks.has(first.lower) ||
      first.lower === 'according')
  )
    return null;
  const p = phraseStartingAt(v.tokens, v.first, v.last);
  if (p && p.kind === 'name') return p;
  const t = v.tokens[v.first];
  if (t && lexicon.pronouns.has(t.lower))
    return { first: v.first, last: v.first + 1, kind: 'pronoun', nameFirst: v.first, nameLast: v.first + 1 };
  return null;
}

function cueCandidates(v: SentenceView, spans: QuotedSpan[], cues: Cue[]): Candidate[] {
  const out: Candidate[] = [];
  let regionStart = v.first;
  let lastSpeaker: Phrase | null = null;
  cues.forEach((c, idx) => {
    const inherits = !c.speaker;
    const speaker = c.speaker ?? lastSpeaker ?? coordinatedSubject(v, c.cueFirst) ?? sentenceSubject(v);
    const source: SpeakerSource = inherits ? (lastSpeaker ? 'cue' : 'sentence-subject') : 'cue';
    // a stance inside reported speech ("Stein said she plans to…") does not end it
    const next = cues.slice(idx + 1).find((n) => endsContent(v, n));
    let after: Candidate | null = null;
    let frameEnd = c.inverted && c.speaker ? c.speaker.last : c.cueLast;
    let afterEnd = frameEnd;
    if (c.contentFrom >= 0) {
      afterEnd = next ? cutBefore(v, c.contentFrom, cueStart(next)) : v.last;
      after = classify(v, spans, { first: c.contentFrom, last: afterEnd }, c, speaker, source);
    }
    const stance = c.verb?.kind === 'stance';
    const midSentence = c.contentFrom < 0 && !c.inverted && restAfterComma(v, frameEnd, false) >= 0;
    const before =
      inherits || stance
        ? null
        : beforeContent(v, spans, c, regionStart, speaker, source, midSentence ? 1 : 4);
    const splitQuote = after && isQuoteStart(v, c.contentFrom);
    // with a quote after the cue, only a quote right before it belongs to the speaker ("…," he said, "…")
    const beforeOk = before && (!after || (splitQuote && before.end === v.tokens[cueStart(c) - 1]!.end));
    const medial =
      before && beforeOk && !after && c.contentFrom < 0 && !c.inverted
        ? restAfterComma(v, frameEnd, false)
        : -1;
    if (before && medial >= 0 && (restAfterComma(v, frameEnd, true) < 0 || before.kind !== 'indirect')) {
      // "Acts of protest, Mr. Obama said, are acts of patriotism": one statement around the attribution
      const whole = classify(
        v,
        spans,
        { first: regionStart, last: next ? cutBefore(v, medial, cueStart(next)) : v.last },
        c,
        speaker,
        source,
      );
      if (whole) out.push({ ...whole, kind: whole.kind === 'direct' ? 'mixed' : whole.kind });
      regionStart = v.last;
      if (speaker) lastSpeaker = speaker;
      return;
    }
    if (before && beforeOk) out.push(before);
    if (after) out.push(after);
    if (after) frameEnd = afterEnd;
    if (!after && before && c.contentFrom < 0 && !c.inverted) {
      const rest = restAfterComma(v, frameEnd);
      if (rest >= 0) {
        const cand = classify(
          v,
          spans,
          { first: rest, last: next ? cutBefore(v, rest, cueStart(next)) : v.last },
          c,
          speaker,
          source,
        );
        if (cand && cand.kind === 'indirect') out.push(cand);
      }
    }
    regionStart = Math.max(regionStart, frameEnd);
    if (speaker) lastSpeaker = speaker;
  });
  return out;
}

/** "…, he said, but one person ran…": the clause after a mid-sentence attribution. */
function restAfterComma(v: SentenceView, frameEnd: number, clauseOnly = true): number {
  let j = frameEnd;
  while (j < v.last && v.tokens[j]!.word && lexicon.timeWords.has(v.tokens[j]!.lower)) j++;
  if (v.tokens[j]?.text !== ',' || j + 1 >= v.last) return -1;
  const t = v.tokens[j + 1]!;
  if (!clauseOnly) return t.word || isQuoteStart(v, j + 1) ? j + 1 : -1;
  const clause =
    ['but', 'and', 'so', 'because', 'although', 'though'].includes(t.lower) ||
    lexicon.pronouns.has(t.lower) ||
    (t.cap && !lexicon.clauseBoundaries.has(t.lower));
  return clause && t.lower !== 'who' && !t.lower.endsWith('ing') ? j + 1 : -1;
}

function unquotedWords(v: SentenceView, first: number, last: number): number {
  let n = 0;
  for (let i = first; i < last; i++) if (v.tokens[i]!.word && v.quoteOf[i]! < 0) n++;
  return n;
}

const ADVERBIAL_OPENERS = new Set([
  'in',
  'on',
  'at',
  'during',
  'after',
  'before',
  'since',
  'under',
  'despite',
  'following',
  'ahead',
  'amid',
]);

/** Content standing before the cue: "…," he said / …, according to X. */
function beforeContent(
  v: SentenceView,
  spans: QuotedSpan[],
  c: Cue,
  regionStart: number,
  speaker: Phrase | null,
  source: SpeakerSource,
  minWords: number,
): Candidate | null {
  const p = cueStart(c) - 1;
  if (p <= regionStart || c.speaker?.viaRelative) return null;
  const t = v.tokens[p]!;
  if (!(t.text === ',' || t.text === '—' || isQuoteEnd(v, p))) return null;
  const end = isQuoteEnd(v, p) ? p + 1 : p;
  // "In his 2002 book, …, X suggested": an adverbial opening the sentence is not what X said
  if (ADVERBIAL_OPENERS.has(v.tokens[regionStart]!.lower) && unquotedWords(v, regionStart, end) <= 4)
    return null;
  const cand = classify(v, spans, { first: regionStart, last: end }, c, speaker, source);
  if (cand && cand.kind === 'indirect' && wordCount(v, { first: regionStart, last: end }) < minWords)
    return null;
  return cand;
}

function covered(cands: Candidate[], span: QuotedSpan): boolean {
  return cands.some((c) => c.start <= span.start && span.end <= c.end + 1);
}

/** Quoted passages no cue claimed: floating quotes keep the running speaker; short ones are scare quotes. */
function unclaimedQuotes(v: SentenceView, spans: QuotedSpan[], cands: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (let i = v.first; i < v.last; i++) {
    if (!isQuoteStart(v, i)) continue;
    const q = v.quoteOf[i]!;
    let j = i;
    while (j + 1 < v.last && v.quoteOf[j + 1] === q) j++;
    const span = spans[q]!;
    if (covered(cands, span)) continue;
    const inner = { first: i + 1, last: j };
    const words = wordCount(v, inner);
    const text = v.tokens.slice(i, j + 1);
    const terminal = text.some((t) => t.text === '.' || t.text === '?' || t.text === '!');
    const alone = trim(v, { first: v.first, last: v.last });
    const isWhole = alone.first === i && alone.last === j + 1;
    if (isWhole && words >= 3 && !looksLikeTitle(v, inner.first, inner.last)) {
      out.push({
        start: span.start,
        end: span.end,
        kind: 'direct',
        cue: null,
        speaker: null,
        speakerSource: 'previous',
        confidence: 0.6,
      });
    } else if (((words >= 8 && terminal) || words >= 12) && v.tokens[i + 1]?.cap) {
      const subject = sentenceSubject(v);
      out.push({
        start: span.start,
        end: span.end,
        kind: 'direct',
        cue: null,
        speaker: subject,
        speakerSource: subject ? 'sentence-subject' : 'previous',
        confidence: 0.5,
      });
    }
    i = j;
  }
  return out;
}

export function sentenceCandidates(v: SentenceView, spans: QuotedSpan[]): Candidate[] {
  const cues = findCues(v);
  const cands = cueCandidates(v, spans, cues);
  return cands.concat(unclaimedQuotes(v, spans, cands)).sort((a, b) => a.start - b.start);
}
