// Reads the built-in knowledge base under data/kb/.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ActorFile } from './schema.ts';
import { parseActorFile } from './read-file.ts';
import { compiledActors } from './compiled-actors.ts';

export const KB_DIR = fileURLToPath(new URL('../../../../data/kb/', import.meta.url));

export interface CountryRecord {
  iso3: string;
  name: string;
  names: string[];
  demonyms: string[];
  /** Capitals and buildings that stand for the government. */
  seats: string[];
  /** The capital cities alone. */
  capitals: string[];
  /** Other cities and regions. */
  places: string[];
  /** Has hand-written aliases in data/kb/country-aliases.json. */
  curated: boolean;
}

interface GeneratedCountry {
  iso3: string;
  name: string;
  names: string[];
  demonyms: string[];
  capitals: string[];
}
interface CountryAliases {
  names?: string[];
  demonyms?: string[];
  seats?: string[];
  places?: string[];
}

export interface RoleTitles {
  roles: Record<string, { sector: string; phrases: string[] }>;
  titles: Record<string, string[]>;
}

export interface SectorLexicon {
  sectors: Record<string, string[]>;
  formerModifiers: string[];
  nonActors: string[];
  /** Last words of newspapers' names ("Times", "Tribune"): a capitalised name ending so is the press. */
  newspaperTitles?: string[];
  /** Fields of a government ("defense", "foreign affairs"): a person named with one and a country is an official. */
  portfolios?: string[];
  /** "Putin's wife": family of an official, PLOVER's elites (ELI). */
  kinNouns?: string[];
  /** "Erdogan's adviser": someone working for a person, of the person's sector. */
  aideNouns?: string[];
  /**
   * Posts that any body has ("leader", "spokesman"): after a sector noun or a body's name ("rebel
   * leader", "Taliban spokesman") the post is of that sector, not the government's.
   */
  positionNouns?: string[];
  /**
   * Nouns for armed men of any side ("forces", "troops", "fighters"): after a sector noun or a body's
   * name of a non-state or police side ("rebel forces", "police units", "Houthi forces") they are of
   * that side, not the military's (or the unidentified gunmen's) that the noun alone suggests.
   */
  armedHeads?: string[];
  /**
   * "Allied Democratic Forces", "Lord's Resistance Army": the last words of armed bodies' names
   * (`heads`) and the words of armed movements' names (`words`) that, capitalised right before them,
   * make the body rebels (REB) rather than the state's military.
   */
  rebelNames?: { heads: string[]; words: string[] };
  /**
   * How the names of bodies of states read: a head ("Pact", "Treaty Organization") or a body of members
   * ("League of Arab States"); an unknown name of either form is intergovernmental (IGO).
   */
  intergovernmental?: { heads: string[]; bodies: string[]; members: string[] };
}

const readJson = <T>(name: string): T => JSON.parse(readFileSync(KB_DIR + name, 'utf8')) as T;

export function builtinCountries(): CountryRecord[] {
  const generated = readJson<{ countries: GeneratedCountry[] }>('countries.json').countries;
  const extra = readJson<{ countries: Record<string, CountryAliases> }>('country-aliases.json').countries;
  return generated.map((c) => {
    const more = extra[c.iso3] ?? {};
    // "Washington D.C." is how the data writes it; the news writes "Washington". Names are matched
    // without a leading article, so a capital named "The Valley" or "The Bottom" would be every
    // valley ("Silicon Valley"): such names are left out.
    const capitals = c.capitals
      .filter((cap) => !/^the\s/i.test(cap))
      .flatMap((cap) => [cap, cap.replace(/,? D\.C\.$/, '')]);
    return {
      iso3: c.iso3,
      name: c.name,
      names: unique([...c.names, ...(more.names ?? [])]),
      demonyms: unique([...c.demonyms, ...(more.demonyms ?? [])]),
      seats: unique([...capitals, ...(more.seats ?? [])]),
      capitals: unique(capitals),
      places: unique(more.places ?? []),
      curated: c.iso3 in extra,
    };
  });
}

/** The built-in people and organisations: validated by the build step when it can be, else here. */
export function builtinActors(): ActorFile {
  return compiledActors() ?? validatedBuiltinActors();
}

export function validatedBuiltinActors(): ActorFile {
  const orgs = parseActorFile(readFileSync(KB_DIR + 'orgs.json', 'utf8'), KB_DIR + 'orgs.json');
  const people = parseActorFile(readFileSync(KB_DIR + 'people.json', 'utf8'), KB_DIR + 'people.json');
  return { orgs: orgs.orgs ?? [], people: people.people ?? [] };
}

export const builtinRoleTitles = (): RoleTitles => readJson<RoleTitles>('role-titles.json');
export const builtinSectors = (): SectorLexicon => readJson<SectorLexicon>('sectors.json');

function unique(list: string[]): string[] {
  return [...new Set(list)];
}
