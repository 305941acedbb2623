// Sentence ranges over tokens: after . ! ? … (unless a lower-case word follows) and at line breaks.
import type { Token } from '../actors/text.ts';

export function sentenceRanges(text: string, tokens: readonly Token[]): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const next = tokens[i + 1];
    const lineBreak = !!next && text.slice(t.end, next.start).includes('\n');
    const stop = /^[.!?…]$/.test(t.text) && (!next || !/^\p{Ll}/u.test(next.text));
    if (lineBreak || stop || i - start >= 150) {
      out.push([start, i + 1]);
      start = i + 1;
    }
  }
  if (start < tokens.length) out.push([start, tokens.length]);
  return out;
}
