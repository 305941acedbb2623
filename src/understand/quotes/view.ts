// A sentence seen as a token range, with the quoted passage each token lies in.
import type { Token } from '../text/index.ts';

export interface SentenceView {
  tokens: Token[];
  first: number;
  last: number;
  /** Quoted-span index per token, -1 outside quotes. */
  quoteOf: Int32Array;
}

/** The token opens a quoted passage. */
export function isOpeningQuote(v: SentenceView, i: number): boolean {
  return i < v.last && v.quoteOf[i]! >= 0 && (i === v.first || v.quoteOf[i - 1] !== v.quoteOf[i]);
}

/** The token closes a quoted passage. */
export function isClosingQuote(v: SentenceView, i: number): boolean {
  return i >= v.first && v.quoteOf[i]! >= 0 && (i + 1 >= v.last || v.quoteOf[i + 1] !== v.quoteOf[i]);
}

export function insideQuote(v: SentenceView, i: number): boolean {
  return v.quoteOf[i]! >= 0;
}
