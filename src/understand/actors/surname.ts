// A surname alone ("Morrison") names a known person only when the text around it supports that: the
// person's country is spoken of, or a title before it fits a role the person held. Otherwise a story
// about one country would hand its "Morrison" to another country's prime minister.
import type { KnowledgeBase } from './kb/knowledge-base.ts';
import type { PersonEntry } from './kb/schema.ts';

export interface SurnameSupport {
  /** Countries (ISO3) and organisations (org:…) the article or context speaks of. */
  owners: ReadonlySet<string>;
  /** A title right before the surname: its canonical role and the country it names, if any. */
  role?: string | null;
  titleCountry?: string | null;
}

/**
 * The one known person with this surname (a normalised key), when `support` backs the link; null
 * support: the name is looked up on its own, with no text around it to contradict it.
 */
export function personBySurname(
  kb: KnowledgeBase,
  key: string,
  support: SurnameSupport | null,
): PersonEntry | null {
  const known = kb.surnames.get(key) ?? [];
  if (!support) return known.length === 1 ? known[0]! : null;
  // Of several bearers, the one the text speaks for ("Johnson" in a story about Britain).
  const fitting = known.filter((person) => supports(person, support));
  return fitting.length === 1 ? fitting[0]! : null;
}

/**
 * A one-word name hit of a person whose full name has more words ("Putin" for Vladimir Putin): a
 * surname or short name, which needs support from the text around it before it names that person.
 */
export function isLoneName(person: PersonEntry, hit: { from: number; to: number }): boolean {
  return hit.to - hit.from === 1 && /\s/.test(person.name.trim());
}

function supports(person: PersonEntry, support: SurnameSupport): boolean {
  const owners = ownersOf(person);
  // A title that names a country decides alone: "Australian Prime Minister" yes, "US Senator" no.
  if (support.titleCountry) return owners.has(support.titleCountry);
  if (support.role && person.roles.some((r) => r.role === support.role)) return true;
  return [...owners].some((o) => support.owners.has(o));
}

/** The countries and organisations a person belongs to or held roles in. */
function ownersOf(person: PersonEntry): Set<string> {
  const owners = new Set<string>();
  if (person.country) owners.add(person.country);
  for (const r of person.roles) {
    if (r.org) owners.add(r.org);
    if (r.country) owners.add(r.country);
  }
  return owners;
}
