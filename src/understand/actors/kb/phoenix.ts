// The Phoenix dictionaries (data/kb/phoenix/, converted by scripts/import-phoenix.ts; MIT): older
// office holders, more organisations and armed groups, and agent nouns. People and organisations form a
// second layer, read on first use and consulted only where the project's own entries know nothing:
// their roles stop in 2014, so they must never shadow the curated entries.
import { readFileSync } from 'node:fs';
import { PhraseIndex, phraseKey } from '../phrase-index.ts';
import { normalizeKey } from '../text.ts';
import { slug } from '../build-actor.ts';
import { KB_DIR } from './builtin.ts';
import type { OrgEntry, PersonEntry, RoleEntry } from './schema.ts';
import type { CountryHitValue } from './knowledge-base.ts';

type PersonRow = [string, string[], string, string | null, [string, string, string | null][]];
type OrgRow = [string, string[], string | null, string | null, string | null];

const DIR = KB_DIR + 'phoenix/';
const SOURCE =
  'Phoenix/PETRARCH2 dictionaries (Open Event Data Alliance, MIT), via scripts/import-phoenix.ts';

/** How a role is shown when the dictionary only gives its sector. */
const ROLE_NAMES: Record<string, string> = {
  GOV: 'Government official',
  MIL: 'Military officer',
  LEG: 'Legislator',
  JUD: 'Judge',
  COP: 'Police or security official',
  SPY: 'Intelligence official',
  OPP: 'Opposition figure',
  REB: 'Rebel leader',
};

export interface NameLayer {
  readonly personIndex: PhraseIndex<PersonEntry>;
  readonly orgIndex: PhraseIndex<OrgEntry>;
  /** Other spellings of countries, their cities and provinces. */
  readonly countryIndex: PhraseIndex<CountryHitValue>;
  readonly peopleById: Map<string, PersonEntry>;
  readonly orgsById: Map<string, OrgEntry>;
  /** Roles of curated people from before their curated roles begin (the dictionaries stop in 2014). */
  readonly olderRoles: Map<string, RoleEntry[]>;
  /**
   * The first words of the people's full names (firstNameWord of each), when the layer has them
   * without decoding every person (the compiled layer keeps them); else they are read from peopleById.
   */
  readonly firstNameWords?: readonly string[];
}

/**
 * The key of a full name's first word when the name has more words and that one is longer than two
 * letters ("Mr", "Dr" and initials are no given names); null otherwise.
 */
export function firstNameWord(name: string): string | null {
  const words = normalizeKey(name).split(/\s+/);
  const first = words[0]!;
  return words.length > 1 && first.length > 2 ? first : null;
}

/** Every firstNameWord of the layer's people, once each. */
export function layerFirstNameWords(layer: NameLayer): Iterable<string> {
  if (layer.firstNameWords) return layer.firstNameWords;
  const words = new Set<string>();
  for (const person of layer.peopleById.values()) {
    const word = firstNameWord(person.name);
    if (word !== null) words.add(word);
  }
  return words;
}

const read = <T>(name: string): T => JSON.parse(readFileSync(DIR + name, 'utf8')) as T;

/** First-level subdivisions by country (data/kb/subdivisions.json, from country-region-data, MIT). */
function subdivisions(): Record<string, string[]> {
  return (
    JSON.parse(readFileSync(KB_DIR + 'subdivisions.json', 'utf8')) as { places: Record<string, string[]> }
  ).places;
}

/** Agent nouns by PLOVER sector ("police" -> COP); read with the knowledge base (small). */
export function phoenixAgents(): Record<string, string[]> {
  return read<{ sectors: Record<string, string[]> }>('agents.json').sectors;
}

/** Name words nearly all of whose bearers in the dictionaries are of one country ("nguyen" -> VNM). */
export function phoenixNameWords(): Map<string, string> {
  return new Map(Object.entries(read<{ words: Record<string, string> }>('name-words.json').words));
}

/**
 * The people, organisations and places of the dictionaries that the curated knowledge base does not
 * already name (`knownKey` tells, by phrase key), indexed by full name.
 */
export function phoenixLayer(
  knownKey: (key: string) => boolean,
  curatedPerson: (key: string) => PersonEntry | undefined,
): NameLayer {
  const keys = new Map<string, string>();
  const keyOf = (name: string) => {
    let key = keys.get(name);
    if (key === undefined) keys.set(name, (key = phraseKey(name)));
    return key;
  };
  const known = (name: string) => knownKey(keyOf(name));
  const layer: NameLayer = {
    personIndex: new PhraseIndex(),
    orgIndex: new PhraseIndex(),
    countryIndex: new PhraseIndex(),
    peopleById: new Map(),
    orgsById: new Map(),
    olderRoles: new Map(),
  };
  for (const [name, aliases, country, sector, roles] of read<{ people: PersonRow[] }>('people.json').people) {
    const dated = roles.map(([s, from, to]): RoleEntry => ({
      role: ROLE_NAMES[s] ?? s,
      sector: s,
      from,
      to,
      uncertain: true,
    }));
    const curated = curatedPerson(keyOf(name));
    if (curated && curated.country === country) addOlderRoles(layer, curated, dated);
    if (known(name)) continue;
    let id = `person:${slug(name)}`;
    if (layer.peopleById.has(id)) id = `${id}-${country.toLowerCase()}`;
    if (layer.peopleById.has(id)) continue;
    const person: PersonEntry = {
      id,
      name,
      aliases,
      country,
      sector,
      roles: dated,
      source: SOURCE,
      uncertain: true,
    };
    layer.peopleById.set(id, person);
    for (const n of [name, ...aliases]) if (!known(n)) layer.personIndex.addKey(keyOf(n), person);
  }
  for (const [iso3, names] of Object.entries(
    read<{ places: Record<string, string[]> }>('places.json').places,
  ))
    for (const n of names) if (!known(n)) layer.countryIndex.addKey(keyOf(n), { iso3, form: 'place' });
  // States and provinces of every country (scripts/import-subdivisions.ts): "Sindh police", "Ohio lawmakers".
  for (const [iso3, names] of Object.entries(subdivisions()))
    for (const n of names) {
      const key = keyOf(n);
      if (!known(n) && layer.countryIndex.getKey(key) === undefined)
        layer.countryIndex.addKey(key, { iso3, form: 'place' });
    }
  for (const [name, aliases, country, bloc, sector] of read<{ orgs: OrgRow[] }>('orgs.json').orgs) {
    if (known(name)) continue;
    let id = `org:${slug(name)}`;
    if (layer.orgsById.has(id)) id = `${id}-${(country ?? bloc ?? 'x').toLowerCase()}`;
    if (layer.orgsById.has(id)) continue;
    const org: OrgEntry = { id, name, aliases, country, bloc, sector, source: SOURCE, uncertain: true };
    layer.orgsById.set(id, org);
    for (const n of [name, ...aliases]) if (!known(n)) layer.orgIndex.addKey(keyOf(n), org);
  }
  return layer;
}

/** The dictionary's roles that began before the curated person's first role, ended by then at the latest. */
function addOlderRoles(layer: NameLayer, curated: PersonEntry, roles: RoleEntry[]): void {
  const first = curated.roles.map((r) => r.from).sort()[0];
  const older = roles
    .filter((r) => !first || r.from < first)
    .map((r) => (first && (!r.to || r.to >= first) ? { ...r, to: first } : r));
  if (older.length) layer.olderRoles.set(curated.id, [...(layer.olderRoles.get(curated.id) ?? []), ...older]);
}
