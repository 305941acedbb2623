// Quotation marks are read once per text by the text layer; quotes and the sentence splitter share them.
// Quoted passages: pairs of quotation marks, straight or curly or guillemets, including passages
// that run over several paragraphs (each paragraph reopens the quote and only the last one closes it).
export interface QuotedSpan {
  /** Offset of the opening mark. */
  start: number;
  /** Offset just after the closing mark (or the end of the last paragraph when never closed). */
  end: number;
  innerStart: number;
  innerEnd: number;
  closed: boolean;
  /** Runs over more than one paragraph. */
  multiParagraph: boolean;
}

const OPENERS = new Set(['“', '«', '„']);
const CLOSERS = new Set(['”', '»']);
// two apostrophes stand for a double mark in some wire copy (''like this'')
const MARK = /''|["“”«»„\n]/g;

/** After a line break: does the next paragraph (skipping lines holding only a stray dot) open with a mark? */
function nextParagraphOpens(text: string, from: number): number {
  const m = /^(?:\s|\.(?=\s))*(["“«„])/.exec(text.slice(from, from + 40));
  return m ? from + m[0].length - 1 : -1;
}

export function findQuotedSpans(text: string): QuotedSpan[] {
  const spans: QuotedSpan[] = [];
  let open = -1;
  let multi = false;
  let skipMark = -1;
  MARK.lastIndex = 0;
  for (let m = MARK.exec(text); m; m = MARK.exec(text)) {
    const ch = m[0];
    const at = m.index;
    if (at === skipMark) continue;
    if (ch === '\n') {
      if (open < 0) continue;
      if (at > 0 && text[at - 1] === '\n') continue;
      const reopen = nextParagraphOpens(text, at);
      if (reopen >= 0) {
        skipMark = reopen;
        multi = true;
        continue;
      }
      spans.push(span(text, open, trimEnd(text, at), false, multi));
      open = -1;
      multi = false;
      continue;
    }
    const straight = ch === '"' || ch === "''";
    const opens = OPENERS.has(ch) || (straight && open < 0);
    const closes = CLOSERS.has(ch) || (straight && open >= 0);
    if (opens && open < 0) {
      open = at;
      multi = false;
    } else if (closes && open >= 0) {
      spans.push(span(text, open, at + ch.length, true, multi));
      open = -1;
      multi = false;
    } else if (opens && open >= 0) {
      // an opening mark inside an open quote: the first one was never closed
      spans.push(span(text, open, trimEnd(text, at), false, multi));
      open = at;
      multi = false;
    }
  }
  if (open >= 0) spans.push(span(text, open, trimEnd(text, text.length), false, multi));
  return spans;
}

function trimEnd(text: string, end: number): number {
  let e = end;
  while (e > 0 && /\s/.test(text[e - 1]!)) e--;
  return e;
}

function span(text: string, start: number, end: number, closed: boolean, multi: boolean): QuotedSpan {
  return {
    start,
    end,
    innerStart: start + 1,
    innerEnd: closed ? end - 1 : end,
    closed,
    multiParagraph: multi && text.slice(start, end).includes('\n'),
  };
}

/** Single-mark fragments ‘like this’ used inside sentences; they make a paraphrase mixed but are never quotes alone. */
export function findSingleQuoted(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const re = /(^|[\s([—–-])[‘'](\S[^‘’'\n]{0,80}?\S|\S)[’'](?![\p{L}\p{N}])/gu;
  for (const m of text.matchAll(re)) {
    const start = m.index + m[1]!.length;
    out.push({ start, end: m.index + m[0].length });
  }
  return out;
}
