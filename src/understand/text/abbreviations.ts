// The one list of abbreviations (data/text/abbreviations.json): which words keep their full stop, and
// which of them may still end a sentence.
import { loadData } from './data.ts';

interface AbbreviationFile {
  titles: string[];
  general: string[];
  capitalised: string[];
  dotted: string[];
}

const file = loadData<AbbreviationFile>('text/abbreviations.json');
const TITLES = new Set(file.titles);
const GENERAL = new Set(file.general);
const CAPITALISED = new Set(file.capitalised);
const DOTTED = new Set(file.dotted);

/** "Gen", "Inc": a word whose full stop belongs to it (the token keeps it). `word` has no dot. */
export function isAbbreviation(word: string): boolean {
  const lower = word.toLowerCase();
  return TITLES.has(lower) || GENERAL.has(lower);
}

/** "Jan", "Ont", "Calif" (capitalised): the full stop after it is a token, but rarely a sentence end. */
export function isShortForm(word: string): boolean {
  return CAPITALISED.has(word.toLowerCase()) && /^\p{Lu}/u.test(word);
}

/** A title before a name ("Dr", "Gen"): its full stop never ends a sentence. */
export function isTitleAbbreviation(word: string): boolean {
  return TITLES.has(word.toLowerCase());
}

/** "U.S.", "a.m.": a dotted abbreviation that rarely ends a sentence. `word` has no final dot. */
export function isDottedAbbreviation(word: string): boolean {
  return DOTTED.has(word.toLowerCase());
}
