// A page's language: its declaration when it makes one (lang="en-GB" → "en"), else a guess from
// the writing system and, for Latin and Cyrillic scripts, from the share of common function words.
import { loadData } from '../data.ts';

interface StopwordData {
  languages: Record<string, string[]>;
}

let stopwordIndex: Map<string, string[]> | undefined;

export function normaliseLanguageTag(tag: string | null | undefined): string | null {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
  // "und", "mul", "zxx": undetermined, multiple, no linguistic content.
  return primary && /^[a-z]{2,3}$/.test(primary) && !['und', 'mul', 'zxx'].includes(primary) ? primary : null;
}

/** Writing systems by UTF-16 code unit range (first, last), in the order they are tried. */
const SCRIPT_LANGUAGES: [number, number, string][] = [
  [0x3040, 0x30ff, 'ja'],
  [0xac00, 0xd7af, 'ko'],
  [0x4e00, 0x9fff, 'zh'],
  [0x0600, 0x06ff, 'ar'],
  [0x0590, 0x05ff, 'he'],
  [0x0370, 0x03ff, 'el'],
  [0x0e00, 0x0e7f, 'th'],
  [0x0900, 0x097f, 'hi'],
];

/** Guesses an ISO 639-1 code, or null when the text is too short or unclear. */
export function guessLanguage(text: string): string | null {
  const sample = text.slice(0, 5000);
  // One pass over the sample counts the code units of every writing system (the ranges are disjoint).
  const hits = new Array<number>(SCRIPT_LANGUAGES.length).fill(0);
  for (let i = 0; i < sample.length; i++) {
    const unit = sample.charCodeAt(i);
    if (unit < 0x0370) continue;
    for (let s = 0; s < SCRIPT_LANGUAGES.length; s++) {
      const [first, last] = SCRIPT_LANGUAGES[s]!;
      if (unit >= first && unit <= last) {
        hits[s]!++;
        break;
      }
    }
  }
  for (let s = 0; s < SCRIPT_LANGUAGES.length; s++)
    if (hits[s]! > sample.length * 0.2) return SCRIPT_LANGUAGES[s]![2];
  const words = sample.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length < 8) return null;
  const counts = new Map<string, number>();
  const index = stopwords();
  for (const word of words)
    for (const language of index.get(word) ?? []) counts.set(language, (counts.get(language) ?? 0) + 1);
  let best: string | null = null;
  let bestCount = 0;
  for (const [language, count] of counts) {
    if (count > bestCount) {
      best = language;
      bestCount = count;
    }
  }
  return bestCount >= Math.max(3, words.length * 0.08) ? best : null;
}

function stopwords(): Map<string, string[]> {
  if (stopwordIndex) return stopwordIndex;
  stopwordIndex = new Map();
  for (const [language, words] of Object.entries(loadData<StopwordData>('stopwords.json').languages)) {
    for (const word of words) stopwordIndex.set(word, [...(stopwordIndex.get(word) ?? []), language]);
  }
  return stopwordIndex;
}
