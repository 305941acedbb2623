// Misspelt organisation names ("Ahlu Sunnah Waljama" for Ahlu Sunna Waljama'a), accepted only with
// support: at least one word spelt right, few edits in all, and no other country in the context.
import type { KnowledgeBase } from './kb/knowledge-base.ts';
import type { OrgEntry } from './kb/schema.ts';
import { allowedEdits, editDistance } from './fuzzy.ts';
import type { Token } from './text.ts';

const MAX_TOTAL_EDITS = 2;

export function fuzzyOrg(
  kb: KnowledgeBase,
  tokens: readonly Token[],
  contextCountry: string | null,
): OrgEntry | null {
  const words = tokens.map((t) => t.key).filter(Boolean);
  if (words.length < 2 || !tokens.every((t) => /^[\p{Lu}\d]/u.test(t.text))) return null;
  let best: { org: OrgEntry; distance: number } | null = null;
  // At least one word must be spelt right: the candidates are the names that contain one of them.
  for (const word of new Set(words)) {
    for (const { entry: org, words: known } of kb.orgNames.withWord(word)) {
      if (kb.orgsById.get(org.id) !== org) continue;
      if (contextCountry && org.country && org.country !== contextCountry) continue;
      if (known.length !== words.length) continue;
      const distance = wordDistance(words, known);
      if (distance !== null && distance > 0 && (!best || distance < best.distance)) best = { org, distance };
    }
  }
  return best?.org ?? null;
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
