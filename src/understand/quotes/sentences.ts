// Sentences over tokens, with quoted passages kept whole: a quote holding three sentences stays inside
// the one sentence that frames it ("…," she said).
import { lexicon } from './lexicon.ts';
import type { QuotedSpan } from './marks.ts';
import type { Token } from './tokens.ts';

export interface Sentence {
  start: number;
  end: number;
  /** Token range [first, last). */
  first: number;
  last: number;
}

/** For each token, the index of the quoted span it lies in (marks included), or -1. */
export function quoteMembership(tokens: Token[], spans: QuotedSpan[]): Int32Array {
  const of = new Int32Array(tokens.length).fill(-1);
  let s = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    while (s < spans.length && spans[s]!.end <= t.start) s++;
    if (s < spans.length && spans[s]!.start <= t.start && t.start < spans[s]!.end) of[i] = s;
  }
  return of;
}

const TERMINAL = new Set(['.', '!', '?', '…']);

function isAbbreviation(tokens: Token[], i: number): boolean {
  const prev = tokens[i - 1];
  if (!prev || prev.end !== tokens[i]!.start) return false;
  if (lexicon.abbreviations.has(prev.lower)) return true;
  return prev.text.length === 1 && prev.cap;
}

/** After a quote that ends on a full stop, a capitalised name followed by a speech verb still frames it. */
function framesPreviousQuote(tokens: Token[], i: number): boolean {
  for (let k = i; k < Math.min(tokens.length, i + 4); k++) {
    const v = lexicon.verbs.get(tokens[k]!.lower);
    if (v && v.kind === 'speech') return true;
    if (!tokens[k]!.word) return false;
  }
  return false;
}

function endsWithTerminal(text: string, span: QuotedSpan): boolean {
  return /[.!?…]["'’”»]?\s*$/.test(text.slice(span.innerStart, span.innerEnd));
}

export function splitSentences(
  text: string,
  tokens: Token[],
  spans: QuotedSpan[],
  quoteOf: Int32Array,
): Sentence[] {
  const out: Sentence[] = [];
  let first = 0;
  const close = (last: number) => {
    if (last > first) out.push({ start: tokens[first]!.start, end: tokens[last - 1]!.end, first, last });
    first = last;
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const q = quoteOf[i]!;
    if (i > first && t.afterBreak && !(q >= 0 && q === quoteOf[i - 1])) {
      close(i);
    }
    const next = tokens[i + 1];
    if (q >= 0) {
      const span = spans[q]!;
      const lastOfQuote = !next || quoteOf[i + 1] !== q;
      if (lastOfQuote && next && !next.afterBreak && endsWithTerminal(text, span)) {
        if (next.cap && quoteOf[i + 1]! < 0 && !framesPreviousQuote(tokens, i + 1)) close(i + 1);
        else if (quoteOf[i + 1]! >= 0) close(i + 1);
      }
      continue;
    }
    if (!TERMINAL.has(t.text) || !next) continue;
    if (next.afterBreak) continue;
    if (t.text === '.' && isAbbreviation(tokens, i) && !(next.cap && lexicon.pronouns.has(next.lower)))
      continue;
    if (next.cap || /^[\p{N}"“«„‘']/u.test(next.text)) close(i + 1);
  }
  close(tokens.length);
  return out;
}
