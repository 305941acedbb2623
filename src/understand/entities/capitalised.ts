// Fallback tagger: runs of capitalised words, minus sentence-initial function words and boilerplate.
import type { Token } from '../text/index.ts';
import type { Span } from './spans.ts';

const STOP = new Set(
  'the a an this that these those he she it they we i you his her its their our my your in on at for of to by with from as and or but if when while after before during since until monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december required reply leave comment share read more said says according however also meanwhile'.split(
    ' ',
  ),
);

export function capitalisedSpans(tokens: readonly Token[]): Span[] {
  const spans: Span[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!isCap(tokens[i]!) || STOP.has(tokens[i]!.key)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < tokens.length && (isCap(tokens[j]!) || (tokens[j]!.key === 'of' && isCap(tokens[j + 1])))) j++;
    const sentenceStart = i === 0 || /^[.!?:"“]$/.test(tokens[i - 1]!.text);
    if (!(sentenceStart && j - i === 1))
      spans.push({ from: i, to: j, type: 'MISC', form: 'name', actor: null, origin: 'tagger' });
    i = j;
  }
  return spans;
}

function isCap(t: Token | undefined): boolean {
  return !!t && /^\p{Lu}/u.test(t.text) && !STOP.has(t.key);
}
