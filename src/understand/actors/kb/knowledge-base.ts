// The actor knowledge base in memory: countries, organisations, people with dated roles, sector and
// title lexicons, each indexed for longest-phrase lookup over tokens.
import { PhraseIndex } from '../phrase-index.ts';
import { DeletionIndex, NameWordIndex } from '../fuzzy-index.ts';
import { normalizeKey, withPlurals } from '../text.ts';
import type { CountryRecord, RoleTitles, SectorLexicon } from './builtin.ts';
import { builtinActors, builtinCountries, builtinRoleTitles, builtinSectors } from './builtin.ts';
import { readActorFile } from './read-file.ts';
import { delimiter } from 'node:path';
import type { ActorFile, OrgEntry, PersonEntry, RoleEntry } from './schema.ts';
import { roleHeldOn } from '../dates.ts';
import type { NameLayer } from './phoenix.ts';
import {
  firstNameWord,
  layerFirstNameWords,
  phoenixAgents,
  phoenixLayer,
  phoenixNameWords,
} from './phoenix.ts';
import { compiledLayer } from './compiled-layer.ts';

export type CountryForm = 'name' | 'demonym' | 'seat' | 'place';
export interface CountryHitValue {
  iso3: string;
  form: CountryForm;
}
export interface TitleValue {
  /** Canonical dated role ("President") or null for plain titles ("Gen."). */
  role: string | null;
  sector: string;
}

export class KnowledgeBase {
  readonly countries = new Map<string, CountryRecord>();
  readonly countryIndex = new PhraseIndex<CountryHitValue>();
  /** Single-word country names, demonyms and capitals, for misspellings ("Terhan"). */
  readonly countryWords = new DeletionIndex();
  readonly orgIndex = new PhraseIndex<OrgEntry>();
  readonly orgsById = new Map<string, OrgEntry>();
  /** Organisation names by their words, for misspellings. */
  readonly orgNames = new NameWordIndex<OrgEntry>();
  readonly personIndex = new PhraseIndex<PersonEntry>();
  readonly peopleById = new Map<string, PersonEntry>();
  /** People's names by their words, for misspellings. */
  readonly personNames = new NameWordIndex<PersonEntry>();
  /** Last names (and other single name words) to the people who bear them. */
  readonly surnames = new Map<string, PersonEntry[]>();
  /** "President|IRN" to everyone who held it, with the role entry. */
  readonly roleHolders = new Map<string, { person: PersonEntry; role: RoleEntry }[]>();
  readonly sectorIndex = new PhraseIndex<string>();
  readonly titleIndex = new PhraseIndex<TitleValue>();
  readonly formerModifiers: Set<string>;
  readonly nonActors: Set<string>;
  readonly newspaperTitles: Set<string>;
  /** Nouns for someone of a person's side: "kin" (family: PLOVER's elites) or "aide" (the person's sector). */
  readonly relationIndex = new PhraseIndex<'kin' | 'aide'>();
  /** Fields of a government ("defense", "foreign affairs"), read in a person's context. */
  readonly portfolioIndex = new PhraseIndex<true>();
  /** Last words of the names of bodies of states ("pact", "treaty organization"). */
  readonly intergovernmentalHeads = new PhraseIndex<true>();
  /** "league" of "League of Arab States" and "states": bodies and members of bodies of states. */
  readonly intergovernmentalBodies: Set<string>;
  readonly intergovernmentalMembers: Set<string>;
  /** Posts any body has ("leader", "spokesman", with plurals): of the sector or body named before them. */
  readonly positionNouns = new Set<string>();
  /** Nouns for armed men ("forces", "fighters", with plurals): of the side named before them. */
  readonly armedHeads = new Set<string>();
  /** Last words of armed bodies' names ("army", "forces"), with plurals. */
  readonly armedBodyHeads = new Set<string>();
  /** Words of armed movements' names ("liberation", "democratic"): before an armed body's head, rebels. */
  readonly rebelNameWords: Set<string>;

  constructor(countries: CountryRecord[], actors: ActorFile, titles: RoleTitles, sectors: SectorLexicon) {
    // Countries with hand-written aliases are the ones news writes about: they own shared words
    // ("American" is also the demonym of American Samoa in the generated data).
    const ordered = [...countries].sort((a, b) => Number(!a.curated) - Number(!b.curated));
    for (const c of ordered) this.addCountry(c);
    for (const c of countries)
      for (const p of c.places) this.countryIndex.add(p, { iso3: c.iso3, form: 'place' });
    for (const [key] of this.countryIndex.entries()) if (!key.includes(' ')) this.countryWords.add(key);
    for (const org of actors.orgs ?? []) this.addOrg(org);
    for (const person of actors.people ?? []) this.addPerson(person);
    for (const [role, { sector, phrases }] of Object.entries(titles.roles)) {
      for (const p of phrases) for (const form of withPlurals(p)) this.titleIndex.add(form, { role, sector });
    }
    for (const [sector, list] of Object.entries(titles.titles)) {
      if (sector.startsWith('_')) continue;
      for (const p of list) this.titleIndex.add(p, { role: null, sector });
    }
    for (const [sector, phrases] of Object.entries(sectors.sectors)) {
      for (const p of phrases) for (const form of withPlurals(p)) this.sectorIndex.add(form, sector);
    }
    this.indexNounWords(this.sectorIndex);
    this.formerModifiers = new Set(sectors.formerModifiers);
    this.nonActors = new Set(sectors.nonActors);
    this.newspaperTitles = new Set(sectors.newspaperTitles ?? []);
    for (const p of sectors.kinNouns ?? []) this.relationIndex.add(p, 'kin');
    for (const p of sectors.aideNouns ?? []) this.relationIndex.add(p, 'aide');
    for (const p of sectors.portfolios ?? []) this.portfolioIndex.add(p, true);
    for (const p of sectors.intergovernmental?.heads ?? []) this.intergovernmentalHeads.add(p, true);
    this.intergovernmentalBodies = new Set(sectors.intergovernmental?.bodies ?? []);
    this.intergovernmentalMembers = new Set(sectors.intergovernmental?.members ?? []);
    for (const p of sectors.positionNouns ?? [])
      for (const form of withPlurals(p)) this.positionNouns.add(form);
    for (const p of sectors.armedHeads ?? []) for (const form of withPlurals(p)) this.armedHeads.add(form);
    for (const p of sectors.rebelNames?.heads ?? [])
      for (const form of withPlurals(p)) this.armedBodyHeads.add(form);
    this.rebelNameWords = new Set(sectors.rebelNames?.words ?? []);
  }

  private phoenix: NameLayer | null = null;
  /** Made from the built-in files alone (no users' files): the build step's compiled layer fits it. */
  builtinOnly = false;

  /**
   * People and organisations of the Phoenix dictionaries that the entries above do not name: a second
   * layer, read on first use, for names nothing else knows.
   */
  get dictionaries(): NameLayer {
    this.phoenix ??=
      (this.builtinOnly ? compiledLayer() : null) ??
      phoenixLayer(
        (key) =>
          this.personIndex.getKey(key) !== undefined ||
          this.orgIndex.getKey(key) !== undefined ||
          this.countryIndex.getKey(key) !== undefined,
        (key) => this.personIndex.getKey(key),
      );
    return this.phoenix;
  }

  private givenNameKeys: Set<string> | null = null;
  /** First words of the full names of known people (curated and dictionaries'): given names. */
  get givenNames(): Set<string> {
    if (!this.givenNameKeys) {
      const keys = new Set<string>();
      // Honorifics some dictionary names begin with ("Mr", "Dr") are no given names.
      const add = (word: string | null) => {
        if (word !== null && this.titleIndex.getKey(word) === undefined) keys.add(word);
      };
      for (const person of this.peopleById.values()) add(firstNameWord(person.name));
      // The dictionaries' twenty thousand people are not decoded for this (see NameLayer).
      for (const word of layerFirstNameWords(this.dictionaries)) add(word);
      this.givenNameKeys = keys;
    }
    return this.givenNameKeys;
  }

  private dictionaryNameKeys: Map<string, string[]> | null = null;
  /**
   * The dictionaries' people's names of two words or more (phrase keys), by each of their words: the
   * candidates for another spelling of a name one of whose words is spelt alike. Made on first use
   * from the keys alone (no entry is decoded).
   */
  get dictionaryNamesByWord(): Map<string, string[]> {
    if (!this.dictionaryNameKeys) {
      const byWord = new Map<string, string[]>();
      for (const key of this.dictionaries.personIndex.keys()) {
        const words = key.split(' ');
        if (words.length < 2) continue;
        for (const word of new Set(words)) {
          const list = byWord.get(word);
          if (list) list.push(key);
          else byWord.set(word, [key]);
        }
      }
      this.dictionaryNameKeys = byWord;
    }
    return this.dictionaryNameKeys;
  }

  private nameWordCountries: Map<string, string> | null = null;
  /** Name words that nearly always belong to one country's people, read on first use. */
  get nameWords(): Map<string, string> {
    return (this.nameWordCountries ??= phoenixNameWords());
  }

  /** Agent nouns of the Phoenix dictionaries ("sharecropper" -> AGR), read where no sector noun is. */
  readonly agentIndex = new PhraseIndex<string>();

  /** The words of the sector and agent nouns (five letters or more), for misspellings ("supremicists"). */
  readonly nounWords = new DeletionIndex();

  /** More sector nouns, consulted only where the hand-written ones find none. */
  addAgentNouns(sectors: Record<string, string[]>): void {
    for (const [sector, phrases] of Object.entries(sectors)) {
      for (const p of phrases) for (const form of withPlurals(p)) this.agentIndex.add(form, sector);
    }
    this.indexNounWords(this.agentIndex);
  }

  private indexNounWords(index: PhraseIndex<string>): void {
    for (const [key] of index.entries())
      for (const word of key.split(' ')) if (/^\p{Ll}{5,}$/u.test(word)) this.nounWords.add(word);
  }

  /** Adds a user's file on top: its entries win over built-in ones with the same names. */
  extend(actors: ActorFile): void {
    this.builtinOnly = false;
    for (const org of actors.orgs ?? []) this.addOrg(org, true);
    for (const person of actors.people ?? []) this.addPerson(person, true);
  }

  /** Who held `role` for `owner` (a country code or an org id) on `day`. */
  holderOf(role: string, owner: string, day: string): { person: PersonEntry; role: RoleEntry } | null {
    const list = this.roleHolders.get(`${role}|${owner}`) ?? [];
    return (
      list.filter((h) => roleHeldOn(h.role, day)).sort((a, b) => (a.role.from < b.role.from ? 1 : -1))[0] ??
      null
    );
  }

  private addCountry(c: CountryRecord): void {
    this.countries.set(c.iso3, c);
    for (const n of c.names) this.countryIndex.add(n, { iso3: c.iso3, form: 'name' });
    for (const d of c.demonyms) this.countryIndex.add(d, { iso3: c.iso3, form: 'demonym' });
    for (const s of c.seats) this.countryIndex.add(s, { iso3: c.iso3, form: 'seat' });
  }

  private addOrg(org: OrgEntry, overwrite = false): void {
    this.orgsById.set(org.id, org);
    for (const n of [org.name, ...org.aliases]) {
      this.orgIndex.add(n, org, { overwrite });
      this.orgNames.add(org, n);
    }
  }

  private addPerson(person: PersonEntry, overwrite = false): void {
    const previous = this.peopleById.get(person.id);
    this.peopleById.set(person.id, person);
    for (const n of [person.name, ...person.aliases]) {
      this.personIndex.add(n, person, { overwrite });
      this.personNames.add(person, n);
    }
    for (const role of person.roles) {
      const owner = role.org ?? (role.country === undefined ? person.country : role.country);
      if (!owner) continue;
      const key = `${role.role}|${owner}`;
      const list = (this.roleHolders.get(key) ?? []).filter(
        (h) => h.person.id !== person.id || h.person === person,
      );
      this.roleHolders.set(key, [...list, { person, role }]);
    }
    for (const last of surnamesOf(person)) {
      const list = (this.surnames.get(last) ?? []).filter((p) => p !== previous && p.id !== person.id);
      this.surnames.set(last, [...list, person]);
    }
  }
}

/**
 * Keys of the words a person is called by alone: the given surname, else each name's last word, and
 * one-word aliases ("Sisi", "Jokowi") other than abbreviations ("AMLO"), which name no one else.
 */
function surnamesOf(person: PersonEntry): Set<string> {
  const out = new Set<string>();
  if (person.surname) out.add(normalizeKey(person.surname));
  for (const n of [person.name, ...person.aliases]) {
    const words = n.split(/\s+/);
    const last = normalizeKey(words[words.length - 1] ?? '');
    if (!person.surname && words.length >= 2 && last.length >= 3) out.add(last);
    if (n !== person.name && words.length === 1 && !/^[\p{Lu}\d]+$/u.test(n)) out.add(normalizeKey(n));
  }
  return out;
}

let defaultKb: KnowledgeBase | null = null;

/**
 * The knowledge base used when none is passed: the built-in one, extended with the users' files named
 * in SITREP_ACTOR_FILES (separated by the platform's path delimiter). Built once, on first use.
 */
export function builtinKnowledgeBase(): KnowledgeBase {
  defaultKb ??= createKnowledgeBase(userFilesFromEnvironment().map(readActorFile));
  return defaultKb;
}

function userFilesFromEnvironment(): string[] {
  return (process.env.SITREP_ACTOR_FILES ?? '').split(delimiter).filter(Boolean);
}

/** A fresh knowledge base: the built-in one extended with users' files (already validated). */
export function createKnowledgeBase(extra: ActorFile[] = []): KnowledgeBase {
  const kb = new KnowledgeBase(builtinCountries(), builtinActors(), builtinRoleTitles(), builtinSectors());
  kb.addAgentNouns(phoenixAgents());
  kb.builtinOnly = true;
  for (const file of extra) kb.extend(file);
  return kb;
}
