// Short forms defined in a text: "the Highland Farmers Union (HFU)" gives "HFU" that name.
import { tokenize, type Token } from './text.ts';

/** Two to eight letters with two capitals or more ("KDP", "DfID", "MoD"). */
export const SHORT_FORM = /^(?=(?:[^A-Z]*[A-Z]){2})[A-Z][A-Za-z]{1,7}$/;

/** The short form's letters are the initials of the name's words, in order, starting with the first. */
export function initialsFit(short: string, words: readonly { text: string }[]): boolean {
  const initials = words
    .filter((w) => /^\p{L}/u.test(w.text) && w.text.toLowerCase() !== 'the')
    .map((w) => w.text[0]!.toUpperCase());
  const letters = short.toUpperCase();
  if (!initials.length || letters[0] !== initials[0]) return false;
  let k = 0;
  for (const c of initials) if (k < letters.length && c === letters[k]) k++;
  return k === letters.length;
}

/** Lower-case words that may stand inside a name ("Department for International Development"). */
const CONNECTORS = new Set(['of', 'for', 'and', 'the', 'in', 'on', 'de', 'del', 'la', 'des', '&']);

/**
 * The name a text gives `short` in brackets after it ("… the Kurdistan Democratic Party (KDP) said"):
 * the longest run of capitalised words (with connectors inside) before the bracket whose initials
 * fit; null when the text defines no such name.
 */
export function definedName(short: string, text: string): string | null {
  if (!SHORT_FORM.test(short) || !text.includes(`(${short})`)) return null;
  const tokens = tokenize(text);
  for (let i = 1; i + 2 < tokens.length; i++) {
    if (tokens[i]!.text !== '(' || tokens[i + 1]!.text !== short || tokens[i + 2]!.text !== ')') continue;
    let from = i;
    while (from > 0 && nameWord(tokens[from - 1]!)) from--;
    // The run starts at a capitalised word; the longest fitting start wins.
    for (let start = from; start < i - 1; start++) {
      if (!/^\p{Lu}/u.test(tokens[start]!.text) || tokens[start]!.key === 'the') continue;
      const words = tokens.slice(start, i);
      if (initialsFit(short, words)) return text.slice(words[0]!.start, words.at(-1)!.end);
    }
  }
  return null;
}

function nameWord(t: Token): boolean {
  return /^\p{Lu}/u.test(t.text) || CONNECTORS.has(t.text);
}
