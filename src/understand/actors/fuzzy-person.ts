// Misspelt names of known people ("Mohammad Reza Ashtinai" for Ashtiani), accepted only with support:
// another word of the name spelt right, or the same country, or a role the person held.
import type { KnowledgeBase } from './kb/knowledge-base.ts';
import type { PersonEntry } from './kb/schema.ts';
import { allowedEdits, editDistance } from './fuzzy.ts';
import { normalizeKey } from './text.ts';
import { phraseKey } from './phrase-index.ts';

export interface PersonClues {
  country?: string | null;
  /** Canonical role named by a title ("Defence Minister"). */
  role?: string | null;
}

export function fuzzyPerson(kb: KnowledgeBase, name: string, clues: PersonClues): PersonEntry | null {
  const words = name.split(/\s+/).map(normalizeKey).filter(Boolean);
  if (!words.length) return null;
  let best: { person: PersonEntry; distance: number } | null = null;
  // Every word must be within its allowance, so the names near the longest word hold all candidates.
  const longest = words.reduce((a, b) => (b.length > a.length ? b : a));
  for (const { entry: person, words: known } of kb.personNames.withNearWord(longest)) {
    if (known.length !== words.length || kb.peopleById.get(person.id) !== person) continue;
    const distance = nameDistance(words, known);
    if (distance === null || distance === 0) continue;
    if (!supported(person, words, known, clues)) continue;
    if (!best || distance < best.distance) best = { person, distance };
  }
  return best?.person ?? null;
}

/** Sum of word edit distances when the word counts agree and each word is within its allowance. */
function nameDistance(words: string[], known: string[]): number | null {
  if (words.length !== known.length) return null;
  let total = 0;
  for (let i = 0; i < words.length; i++) {
    const limit = allowedEdits(Math.max(words[i]!.length, known[i]!.length));
    const d = words[i] === known[i] ? 0 : editDistance(words[i]!, known[i]!, limit);
    if (d > limit) return null;
    total += d;
  }
  return total;
}

function supported(person: PersonEntry, words: string[], knownWords: string[], clues: PersonClues): boolean {
  const sameWord = words.length > 1 && words.some((w, i) => w === knownWords[i]);
  const sameCountry =
    !!clues.country &&
    (person.country === clues.country || person.roles.some((r) => r.country === clues.country));
  const sameRole = !!clues.role && person.roles.some((r) => r.role === clues.role);
  return sameWord || sameCountry || sameRole;
}

/**
 * "Thabo Mbeky" for the dictionaries' "Thabo Mbeki": a name of two words or more that is
 * another spelling of exactly one dictionary person's name, one of its words spelt alike and each
 * other word within its allowed edits. With a country (the one the name's words belong to), the person
 * must be of it. Two people as near as each other: neither (a common given name says too little).
 */
export function fuzzyDictionaryPerson(
  kb: KnowledgeBase,
  name: string,
  country: string | null,
): PersonEntry | null {
  const words = phraseKey(name).split(' ').filter(Boolean);
  if (words.length < 2) return null;
  const byWord = kb.dictionaryNamesByWord;
  const keys = new Set(words.flatMap((w) => byWord.get(w) ?? []));
  let best: { key: string; distance: number } | null = null;
  let tied = false;
  for (const key of keys) {
    const distance = nameDistance(words, key.split(' '));
    if (distance === null || distance === 0 || (best && distance > best.distance)) continue;
    if (country && kb.dictionaries.personIndex.getKey(key)?.country !== country) continue;
    if (best && distance === best.distance) {
      const same = kb.dictionaries.personIndex.getKey(key) === kb.dictionaries.personIndex.getKey(best.key);
      tied ||= !same;
      continue;
    }
    best = { key, distance };
    tied = false;
  }
  return best && !tied ? (kb.dictionaries.personIndex.getKey(best.key) ?? null) : null;
}
