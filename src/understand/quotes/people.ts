// People named in the text, found without the entity stage: capitalised runs that look like personal
// names, the full name each surname stands for, and a gender guessed from honorifics and the pronouns
// that follow a mention (used only to pick between candidates for "he" / "she").
import { lexicon } from './lexicon.ts';
import { isDottedAbbreviation } from './phrase.ts';
import { stripPossessive, type Token } from '../text/index.ts';

export type Gender = 'male' | 'female' | null;

export interface PersonMention {
  /** Token range of the name. */
  first: number;
  last: number;
  start: number;
  full: string;
  surname: string;
}

export interface People {
  mentions: PersonMention[];
  /** Lower-cased surname → the longest full name seen with it. */
  fullNames: Map<string, string>;
  /** A full name or a surname. */
  gender(name: string): Gender;
}

const NAMEISH =
  /^\p{Lu}[\p{Ll}\p{M}'’-]*(?:[-'’]\p{Lu}[\p{Ll}\p{M}]+)*$|^\p{Lu}\.$|^\p{Lu}[\p{Ll}]+\p{Lu}[\p{Ll}]+$/u;

function isFunctionWord(t: Token): boolean {
  const w = t.lower;
  return (
    lexicon.clauseBoundaries.has(w) ||
    lexicon.npDeterminers.has(w) ||
    lexicon.timeWords.has(w) ||
    lexicon.pronouns.has(w) ||
    lexicon.npInnerLinks.has(w) ||
    lexicon.verbs.has(w)
  );
}

function isTitle(t: Token): boolean {
  const w = t.lower.replace(/\.$/, '');
  return lexicon.titles.has(w) || lexicon.maleHonorifics.has(w) || lexicon.femaleHonorifics.has(w);
}

/** Capitalised runs (name tokens, honorifics folded in) over the whole text. */
function capitalisedRuns(
  tokens: Token[],
): { first: number; last: number; titled: boolean; honorific: Gender }[] {
  const runs = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!tokens[i]!.cap) continue;
    let j = i;
    while (j < tokens.length && tokens[j]!.cap && tokens[j]!.word)
      if (isDottedAbbreviation(tokens[j++]!)) break;
    let first = i;
    let titled = false;
    let honorific: Gender = null;
    while (first < j && (isFunctionWord(tokens[first]!) || isTitle(tokens[first]!))) {
      const w = tokens[first]!.lower.replace(/\.$/, '');
      if (lexicon.maleHonorifics.has(w)) honorific = 'male';
      if (lexicon.femaleHonorifics.has(w)) honorific = 'female';
      if (isTitle(tokens[first]!)) titled = true;
      first++;
    }
    const prev = tokens[i - 1];
    if (prev && !prev.cap && lexicon.titles.has(prev.lower)) titled = true;
    if (first < j) runs.push({ first, last: j, titled, honorific });
    i = j;
  }
  return runs;
}

function looksPersonal(tokens: Token[], first: number, last: number): boolean {
  for (let k = first; k < last; k++) {
    const t = tokens[k]!;
    // "McCallum's Safe Surrey" is a person's thing, not a longer name
    if (k < last - 1 && /['’]s$/i.test(t.text)) return false;
    if (
      lexicon.orgWords.has(t.lower) ||
      lexicon.timeWords.has(t.lower) ||
      !NAMEISH.test(stripPossessive(t.text))
    )
      return false;
  }
  return true;
}

export function findPeople(tokens: Token[]): People {
  const mentions: PersonMention[] = [];
  const fullNames = new Map<string, string>();
  const votes = new Map<string, [number, number]>();
  const known = new Set<string>();
  const ambiguous = new Set<string>();
  const runs = capitalisedRuns(tokens);
  for (const r of runs) {
    if (!looksPersonal(tokens, r.first, r.last)) continue;
    const words = tokens.slice(r.first, r.last).map((t) => stripPossessive(t.text));
    const surname = words[words.length - 1]!.toLowerCase();
    const multi = words.length >= 2;
    if (!(multi || r.titled || known.has(surname))) continue;
    // long runs carry a title or office before the name ("National Defense Wei Fenghe"): keep the name
    const full = (words.length > 3 ? words.slice(-2) : words).join(' ');
    // every part of a full name can stand for it later ("Wei" for Wei Fenghe, "Ashtinai" for the general)
    words.forEach((part, i) => {
      const key = part.toLowerCase();
      if (key.length < 3 || key.endsWith('.')) return;
      known.add(key);
      const seen = fullNames.get(key);
      const isLast = i === words.length - 1;
      // a part shared by two different people ("Kim" Jong-un / "Kim" Yong-chol) names neither
      if (!isLast && seen && !seen.endsWith(full) && !full.endsWith(seen)) ambiguous.add(key);
      if ((seen?.length ?? 0) < full.length) fullNames.set(key, full);
    });
    mentions.push({ first: r.first, last: r.last, start: tokens[r.first]!.start, full, surname });
    if (r.honorific) {
      for (const key of [surname, `first:${full.split(' ')[0]!.toLowerCase()}`]) {
        const v = votes.get(key) ?? [0, 0];
        v[r.honorific === 'male' ? 0 : 1] += 5;
        votes.set(key, v);
      }
    }
  }
  for (const key of ambiguous) fullNames.delete(key);
  countPronounVotes(tokens, mentions, votes);
  return {
    mentions,
    fullNames,
    gender(name: string): Gender {
      const words = name.toLowerCase().split(/\s+/);
      const byFirst = undefined as [number, number] | undefined;
      const v = byFirst ?? votes.get(words[words.length - 1]!);
      if (!v || v[0] === v[1]) return null;
      return v[0] > v[1] ? 'male' : 'female';
    },
  };
}

const MALE = new Set(['he', 'him', 'his', 'himself']);
const FEMALE = new Set(['she', 'her', 'hers', 'herself']);

/** The first gendered pronoun within a short window after a mention votes for that mention's gender. */
function countPronounVotes(
  tokens: Token[],
  mentions: PersonMention[],
  votes: Map<string, [number, number]>,
): void {
  mentions.forEach((m, idx) => {
    const limit = Math.min(tokens.length, m.last + 25, mentions[idx + 1]?.first ?? tokens.length);
    for (let k = m.last; k < limit; k++) {
      const w = tokens[k]!.lower;
      const male = MALE.has(w);
      if (!male && !FEMALE.has(w)) continue;
      for (const key of [m.surname, `first:${m.full.split(' ')[0]!.toLowerCase()}`]) {
        const v = votes.get(key) ?? [0, 0];
        v[male ? 0 : 1]++;
        votes.set(key, v);
      }
      break;
    }
  });
}
