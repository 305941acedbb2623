// The one sentence splitter. It finds every sentence end (after . ! ? … and at line breaks, not after an
// abbreviation or an initial, not before a lower-case word) and gives two readings of them:
//   plain sentences: every end counts, also inside quotation marks;
//   sentences: a quoted passage is kept whole, so a quote of three sentences stays inside the one
//   sentence that frames it ("…," she said), and a quote ending on a full stop stays with the speech
//   verb that follows it ("… not." He said).
import { isDottedAbbreviation, isShortForm, isTitleAbbreviation } from './abbreviations.ts';
import type { QuotedSpan } from './marks.ts';
import { reportingVerbs } from './lexicon.ts';
import type { Token } from './tokens.ts';

export interface Sentence {
  start: number;
  end: number;
  /** Token range [first, last). */
  first: number;
  last: number;
}

/** A plain sentence longer than this (a list, a table flattened into text) is cut. */
const MAX_TOKENS = 150;
const TERMINAL = new Set(['.', '!', '?', '…']);
const CLOSERS = new Set(['"', '”', '’', "'", ')', ']', '»']);
const OPENERS = /^[\p{N}"“«„‘']/u;
/** Words that open a sentence after an abbreviation that may end one ("… Acme Inc. The company …"). */
const OPENER_WORDS = new Set(['the', 'he', 'she', 'it', 'they', 'we', 'i', 'this', 'but', 'in', 'a', 'an']);

function isTerminal(t: Token): boolean {
  return TERMINAL.has(t.text) || (t.text.length > 1 && t.text[0] === '.' && !t.word);
}

/** For each token, the index of the quoted span it lies in (marks included), or -1. */
export function quoteMembership(tokens: readonly Token[], spans: readonly QuotedSpan[]): Int32Array {
  const of = new Int32Array(tokens.length).fill(-1);
  let s = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    while (s < spans.length && spans[s]!.end <= t.start) s++;
    if (s < spans.length && spans[s]!.start <= t.start && t.start < spans[s]!.end) of[i] = s;
  }
  return of;
}

/**
 * For each token, whether a sentence ends after it (the last token always ends one).
 * A line break ends a sentence unless it only wraps a line: the line does not end on punctuation and
 * the next one goes on in lower case.
 */
export function sentenceEnds(tokens: readonly Token[]): Uint8Array {
  const ends = new Uint8Array(tokens.length);
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    const next = tokens[i + 1];
    if (!next) {
      ends[i] = 1;
      break;
    }
    if (next.afterBreak) {
      if (!(t.word && /^\p{Ll}/u.test(next.text))) ends[i] = 1;
      i++;
      continue;
    }
    if (isTerminal(t)) {
      // the closing marks after a full stop belong to its sentence: … not." He …
      // (and a stray full stop after them: … members.".)
      let k = i;
      while (
        tokens[k + 1] &&
        !tokens[k + 1]!.afterBreak &&
        tokens[k + 1]!.start === tokens[k]!.end &&
        (CLOSERS.has(tokens[k + 1]!.text) || isTerminal(tokens[k + 1]!))
      )
        k++;
      const after = tokens[k + 1];
      // "Carmel, Calif. Officials …" ends; "on Aug. 29" and "Toronto, Ont. Premier Ford" do not
      const shortForm =
        t.text === '.' && i > 0 && tokens[i - 1]!.end === t.start && isShortForm(tokens[i - 1]!.text);
      if (shortForm && after && !after.afterBreak && !(after.cap && OPENER_WORDS.has(after.lower))) {
        i = k + 1;
        continue;
      }
      if (!after || after.afterBreak || after.cap || OPENERS.test(after.text)) ends[k] = 1;
      i = k + 1;
      continue;
    }
    // "… in the U.S. The talks …": an abbreviation's full stop may end a sentence, a title's never does
    if (t.text.length > 1 && t.text.endsWith('.') && t.word && !isInitial(t)) {
      const word = t.text.slice(0, -1);
      if (isTitleAbbreviation(word)) {
        // Dr. Smith
      } else if (word.includes('.') && !isDottedAbbreviation(word)) {
        // "Washington, D.C. The …", "… D.C. “I love …"
        if (next.cap || OPENERS.test(next.text)) ends[i] = 1;
      } else if (next.cap && OPENER_WORDS.has(next.lower)) ends[i] = 1;
    }
    i++;
  }
  return ends;
}

function isInitial(t: Token): boolean {
  return t.text.length === 2 && t.cap;
}

/** Plain sentences: every sentence end counts; a run without one is cut at MAX_TOKENS. */
export function plainSentences(tokens: readonly Token[], ends: Uint8Array): Sentence[] {
  const out: Sentence[] = [];
  let first = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (ends[i] || i - first + 1 > MAX_TOKENS) {
      out.push(range(tokens, first, i + 1));
      first = i + 1;
    }
  }
  return out;
}

function range(tokens: readonly Token[], first: number, last: number): Sentence {
  return { start: tokens[first]!.start, end: tokens[last - 1]!.end, first, last };
}

function endsWithTerminal(text: string, span: QuotedSpan): boolean {
  return /[.!?…]["'’”»]?\s*$/.test(text.slice(span.innerStart, span.innerEnd));
}

/** After a quote that ends on a full stop, a name or pronoun followed by a speech verb still frames it. */
function framesPreviousQuote(tokens: readonly Token[], i: number): boolean {
  for (let k = i; k < Math.min(tokens.length, i + 4); k++) {
    if (reportingVerbs.speech.has(tokens[k]!.lower)) return true;
    if (!tokens[k]!.word) return false;
  }
  return false;
}

/**
 * Sentences with quoted passages kept whole. Inside a quote only a line break that closes it ends a
 * sentence; after a quote ending on . ! ? the sentence ends unless a speech verb frames the quote.
 */
export function quoteAwareSentences(
  text: string,
  tokens: readonly Token[],
  ends: Uint8Array,
  spans: readonly QuotedSpan[],
  quoteOf: Int32Array,
): Sentence[] {
  const out: Sentence[] = [];
  let first = 0;
  const close = (last: number) => {
    if (last > first) out.push(range(tokens, first, last));
    first = last;
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const q = quoteOf[i]!;
    if (i > first && t.afterBreak && ends[i - 1] && !(q >= 0 && q === quoteOf[i - 1])) close(i);
    const next = tokens[i + 1];
    if (!next) break;
    if (q >= 0) {
      if (quoteOf[i + 1] === q) continue;
      // the last token of a quote
      if (!next.afterBreak && endsWithTerminal(text, spans[q]!)) {
        if (next.cap && quoteOf[i + 1]! < 0 && !framesPreviousQuote(tokens, i + 1)) close(i + 1);
        else if (quoteOf[i + 1]! >= 0) close(i + 1);
      }
      continue;
    }
    if (next.afterBreak) continue;
    if (ends[i] && quoteOf[i + 1]! < 0) close(i + 1);
    else if (ends[i] && quoteOf[i + 1]! >= 0) close(i + 1);
  }
  close(tokens.length);
  return out;
}
