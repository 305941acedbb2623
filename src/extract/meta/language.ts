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

const SCRIPT_LANGUAGES: [RegExp, string][] = [
  [/[\u3040-\u30ff]/g, 'ja'],
  [/[\uac00-\ud7af]/g, 'ko'],
  [/[\u4e00-\u9fff]/g, 'zh'],
  [/[\u0600-\u06ff]/g, 'ar'],
  [/[\u0590-\u05ff]/g, 'he'],
  [/[\u0370-\u03ff]/g, 'el'],
  [/[\u0e00-\u0e7f]/g, 'th'],
  [/[\u0900-\u097f]/g, 'hi'],
];

/** Guesses an ISO 639-1 code, or null when the text is too short or unclear. */
export function guessLanguage(text: string): string | null {
  const sample = text.slice(0, 5000);
  for (const [pattern, language] of SCRIPT_LANGUAGES) {
    const hits = sample.match(pattern)?.length ?? 0;
    if (hits > sample.length * 0.2) return language;
  }
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
