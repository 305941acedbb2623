// A wire dateline opening a sentence ("MINGORA, Pakistan (Reuters) - ", "TOWER, Minn. (AP) -- ",
// "ISLAMABAD: "): where and by whom the story was filed, not who acts in it. Its news agency is no
// subject of the sentence's verbs, though its place may tell the country of a countryless actor.
import type { Token } from './text.ts';

/** How far into a sentence a dateline may reach (place, state, date, agency). */
const MAX_DATELINE = 12;
const DASHES = new Set(['-', '--', '—', '–', ':']);

/** Token index just after the sentence's opening dateline, or 0 when it has none. */
export function datelineEnd(tokens: Token[]): number {
  const first = tokens[0]?.text ?? '';
  // The place is written in capitals ("ISLAMABAD"), or an agency in brackets follows it.
  const capitalPlace = /^\p{Lu}[\p{Lu}.'-]+$/u.test(first) && first.length >= 3;
  let agency = false;
  for (let k = 1; k < Math.min(tokens.length - 1, MAX_DATELINE); k++) {
    const t = tokens[k] as Token;
    if (DASHES.has(t.text)) {
      // "--" is read as two dashes.
      let end = k + 1;
      while (tokens[end]?.text === '-') end++;
      // A dateline is followed by the story's own sentence, which opens with a capital or a number.
      const next = tokens[end]?.text ?? '';
      return (capitalPlace || agency) && /^[\p{Lu}\d"“‘']/u.test(next) ? end : 0;
    }
    if (t.text === '(') {
      const close = tokens.findIndex((x, j) => j > k && x.text === ')');
      if (close < 0 || close - k > 4) return 0;
      agency = tokens.slice(k + 1, close).every((x) => /^\p{Lu}/u.test(x.text));
      k = close;
      continue;
    }
    // Place names, a state's abbreviation ("Minn."), a date ("Sept. 24"): capitals, numbers, commas.
    if (!/^(?:[\p{Lu}\d][\p{L}\d.'-]*|,|\.)$/u.test(t.text)) return 0;
  }
  return 0;
}
