// Turns known things (a person, an organisation, a country, a group of a country's sector) into Actors.
import type { Actor } from './index.ts';
import type { KnowledgeBase } from './kb/knowledge-base.ts';
import type { OrgEntry, PersonEntry, RoleEntry } from './kb/schema.ts';
import { roleOn } from './dates.ts';

const ROLE_SECTOR_DEFAULT = 'GOV';

export function countryActor(kb: KnowledgeBase, iso3: string, sector: string | null = null): Actor {
  const name = kb.countries.get(iso3)?.name ?? iso3;
  return {
    entityId: iso3,
    name,
    type: 'GPE',
    country: iso3,
    sector,
    code: iso3 + (sector ?? ''),
    role: null,
    bloc: null,
  };
}

export function placeActor(name: string, iso3: string): Actor {
  const entityId = `place:${slug(name)}`;
  return { entityId, name, type: 'GPE', country: iso3, sector: null, code: iso3, role: null, bloc: null };
}

export function orgActor(org: OrgEntry): Actor {
  const country = org.country ?? null;
  const bloc = org.bloc ?? null;
  const sector = org.sector ?? null;
  const code = org.code ?? (country || bloc ? (country ?? bloc)! + (sector ?? '') : null);
  return {
    entityId: org.id,
    name: org.name,
    type: org.type ?? 'ORG',
    country,
    sector,
    code,
    role: null,
    bloc,
  };
}

/** A person with the role held on `day`: out of office by then means ELI (PLOVER's former officials). */
export function personActor(person: PersonEntry, day: string | null, kb?: KnowledgeBase): Actor {
  const current = roleOn(person.roles, day) ?? (kb && day ? olderRole(kb, person, day) : null);
  const ended = !current && day !== null && person.roles.length > 0;
  const last = current ?? roleOn(person.roles, null);
  const country = roleCountry(person, current ?? last);
  const sector = ended ? 'ELI' : current ? (current.sector ?? ROLE_SECTOR_DEFAULT) : (person.sector ?? null);
  const bloc = current?.org ? (kb?.orgsById.get(current.org)?.bloc ?? 'IGO') : null;
  return {
    entityId: person.id,
    name: person.name,
    type: 'PERSON',
    country,
    sector,
    code: (country ?? bloc ?? '') + (sector ?? '') || null,
    role: current ? current.role : null,
    bloc,
  };
}

/** Before the curated roles begin, the Phoenix dictionaries may know what the person was. */
function olderRole(kb: KnowledgeBase, person: PersonEntry, day: string): RoleEntry | null {
  if (person.roles.length && person.roles.every((r) => r.from > day)) {
    return roleOn(kb.dictionaries.olderRoles.get(person.id) ?? [], day);
  }
  return null;
}

function roleCountry(person: PersonEntry, role: RoleEntry | null): string | null {
  if (role && role.country !== undefined) return role.country;
  return person.country;
}

/** A group named by its country and sector: "Iranian police", "Chinese defense ministry". */
export function groupActor(
  name: string,
  country: string | null,
  bloc: string | null,
  sector: string | null,
): Actor {
  const owner = country ?? bloc;
  return {
    entityId: `group:${(owner ?? 'x').toLowerCase()}-${(sector ?? 'unk').toLowerCase()}`,
    name,
    type: 'ORG',
    country,
    sector,
    code: (owner ?? '') + (sector ?? '') || null,
    role: null,
    bloc,
  };
}

/** Someone named in text with a title, not in the knowledge base: a new actor with what the text says. */
export function titledPersonActor(
  name: string,
  country: string | null,
  sector: string | null,
  role: string | null,
): Actor {
  return {
    entityId: `person:${slug(name)}`,
    name,
    type: 'PERSON',
    country,
    sector,
    code: (country ?? '') + (sector ?? '') || null,
    role,
    bloc: null,
  };
}

export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
