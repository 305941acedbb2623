// Misspelt organisation names ("Amnesty Internacional"), accepted only with support: at least one word
// spelt right, few edits in all, and no other country in the context. Names romanised from Arabic and
// other scripts vary in ways that are no misspelling ("Hizbullah"/"Hezbollah", "Sunnah"/"Sunna",
// "Jama'a"/"Jamaa"/"Jama", "Wal Jama"/"Wa-Jama"); they are compared in a form without those differences.
import type { KnowledgeBase } from './kb/knowledge-base.ts';
import type { OrgEntry } from './kb/schema.ts';
import { allowedEdits, editDistance } from './fuzzy.ts';
import type { Token } from './text.ts';

const MAX_TOTAL_EDITS = 2;
const NAME_PARTICLES = new Set(['al', 'el', 'ad', 'ar', 'as', 'ash', 'at', 'bin', 'ibn', 'wal', 'wa']);

export function fuzzyOrg(
  kb: KnowledgeBase,
  tokens: readonly Token[],
  contextCountry: string | null,
): OrgEntry | null {
  const words = tokens.map((t) => t.key).filter(Boolean);
  // Capitalised words, and lower-case particles between them ("Hayat Tahrir al Sham").
  const capitalised = (t: Token) => /^[\p{Lu}\d]/u.test(t.text);
  if (words.length < 2 || !capitalised(tokens[0]!) || !capitalised(tokens.at(-1)!)) return null;
  if (!tokens.every((t) => capitalised(t) || NAME_PARTICLES.has(t.key))) return null;
  let best: { org: OrgEntry; distance: number } | null = null;
  const romanised = romanisedForm(words);
  // At least one word must be spelt right: the candidates are the names that contain one of them.
  for (const word of new Set(words)) {
    for (const { entry: org, words: known } of kb.orgNames.withWord(word)) {
      if (kb.orgsById.get(org.id) !== org) continue;
      if (contextCountry && org.country && org.country !== contextCountry) continue;
      const byWord = known.length === words.length ? wordDistance(words, known) : null;
      const found = byWord ?? romanisedDistance(romanised, romanisedOf(known));
      if (found !== null && found > 0 && (!best || found < best.distance)) best = { org, distance: found };
    }
  }
  return best?.org ?? null;
}

// The known names' romanised forms, made once per name (the entity finder asks for every name it finds).
const romanisedNames = new WeakMap<readonly string[], string>();
function romanisedOf(words: readonly string[]): string {
  let form = romanisedNames.get(words);
  if (form === undefined) romanisedNames.set(words, (form = romanisedForm(words)));
  return form;
}

/**
 * A name without what romanisations disagree on: word breaks, hyphens and apostrophes, doubled vowels,
 * and an "h" ending a word after a vowel.
 */
function romanisedForm(words: readonly string[]): string {
  return words
    .map((w) =>
      w
        .replace(/['’ʼ‘`-]/g, '')
        .replace(/([aeiou])h$/, '$1')
        .replace(/([aeiou])\1+/g, '$1'),
    )
    .join('');
}

/**
 * Edits between two romanised forms: none below 10 letters, one per 8 letters after that, 2 at most,
 * and lengths at most one letter apart (a word more, "Samsung Electronics Co.", is another name).
 */
function romanisedDistance(a: string, b: string): number | null {
  if (a === b) return 1;
  if (Math.abs(a.length - b.length) > 1) return null;
  const limit = Math.min(MAX_TOTAL_EDITS, Math.floor(Math.min(a.length, b.length) / 8));
  if (!limit) return null;
  const d = editDistance(a, b, limit);
  return d <= limit ? d + 1 : null;
}

function wordDistance(words: string[], known: string[]): number | null {
  let total = 0;
  let exact = 0;
  for (let i = 0; i < words.length; i++) {
    if (words[i] === known[i]) {
      exact++;
      continue;
    }
    const limit = allowedEdits(Math.max(words[i]!.length, known[i]!.length));
    const d = editDistance(words[i]!, known[i]!, limit);
    if (d > limit) return null;
    total += d;
  }
  return exact > 0 && total <= MAX_TOTAL_EDITS ? total : null;
}
