// Short text -> actor: a known person, organisation or country, a role holder on a date ("the Iranian
// president"), a titled new person, or a group named by country and sector ("Iranian police").
import type { Actor, ResolveOptions } from './index.ts';
import type { CountryHitValue, KnowledgeBase } from './kb/knowledge-base.ts';
import type { PhraseHit } from './phrase-index.ts';
import type { OrgEntry, PersonEntry } from './kb/schema.ts';
import type { TextParts } from './analyse.ts';
import { analyseText } from './analyse.ts';
import { fuzzyDictionaryPerson, fuzzyPerson } from './fuzzy-person.ts';
import { fuzzyOrg } from './fuzzy-org.ts';
import type { SurnameSupport } from './surname.ts';
import { isLoneName, personBySurname } from './surname.ts';
import { toIsoDay } from './dates.ts';
import { definedName } from './short-form.ts';
import {
  countryActor,
  groupActor,
  orgActor,
  personActor,
  placeActor,
  titledPersonActor,
} from './build-actor.ts';

const FORMER_SECTORS = new Set(['GOV', 'MIL', 'LEG', 'JUD', 'COP', 'SPY']);

export function resolveWith(kb: KnowledgeBase, text: string, options: ResolveOptions): Actor | null {
  // "KDP" with a context that defines it ("the Kurdistan Democratic Party (KDP) said"): that name.
  const short = options.context ? text.trim().replace(/^the\s+/i, '') : '';
  const defined = short ? definedName(short, options.context!) : null;
  if (defined) {
    const body = resolveWith(kb, defined, options);
    // A body's name is not the place named in it ("… Cooperation in Europe").
    return body && body.type !== 'GPE' && body.type !== 'LOC' ? body : groupActor(defined, null, null, null);
  }
  const day = toIsoDay(options.date ?? null);
  const [parts, foreignSector] = withoutOtherCountriesBodies(
    kb,
    withoutInnerBodies(kb, analyseText(kb, text)),
  );
  if (!parts.tokens.length) return null;
  const fromContext = options.context ? analysedContext(kb, options.context) : null;
  const direct = knownThing(kb, parts, day, fromContext, text.trim());
  if (direct) return direct;
  const described = nameWithApposition(kb, text.trim(), day);
  if (described) return described;
  if (intergovernmentalName(kb, parts)) return groupActor(text.trim(), null, 'IGO', null);
  if (looksLikeName(parts)) {
    const org = fuzzyOrg(
      kb,
      parts.tokens,
      fromContext ? (mainCountry(fromContext)?.value.iso3 ?? null) : null,
    );
    if (org) return orgActor(org);
  }
  const named = looksLikeName(parts);
  if (named && !fromContext) {
    // A name alone may be another spelling of a known person's ("Hassan Rohani"), or of a
    // dictionary person's ("Thabo Mbeky" for "Thabo Mbeki"), with a word spelt alike or
    // the country the name's words belong to as support.
    const country = countryOfName(kb, parts);
    const curated = fuzzyPerson(kb, text.trim(), { country });
    if (curated) return personActor(curated, day, kb);
    // The dictionaries spell names as their coders of the time did: the text's spelling is kept.
    const older = fuzzyDictionaryPerson(kb, text.trim(), country);
    if (older) return { ...personActor(older, day, kb), name: text.trim() };
  }
  const actor = named
    ? fromContext
      ? personFromContext(kb, text.trim(), fromContext, options.context!, day)
      : describedGroup(kb, parts, day, null, text.trim(), foreignSector)
    : describedGroup(kb, parts, day, fromContext, text.trim(), foreignSector);
  if (actor || !named) return actor;
  const country = countryOfName(kb, parts);
  return country ? titledPersonActor(text.trim(), country, null, null) : null;
}

/**
 * "Malawi Congress Party", "Tanzania People's Defence Force", "Pakistani Taliban": a known body's name
 * right after another country's name or demonym is that country's body of the kind, not the known one.
 * The known body's hit is dropped; its sector is kept for when the words name none.
 */
function withoutOtherCountriesBodies(kb: KnowledgeBase, parts: TextParts): [TextParts, string | null] {
  const foreign = parts.orgs.filter((o) =>
    parts.countries.some(
      (c) =>
        c.to === o.from &&
        /^\p{Lu}/u.test(parts.tokens[c.from]!.text) &&
        !!o.value.country &&
        o.value.country !== c.value.iso3,
    ),
  );
  if (!foreign.length) return [parts, null];
  // The sector nouns of the dropped name count again ("Defence Force").
  const inside = kb.sectorIndex
    .scan(parts.tokens)
    .filter((s) => foreign.some((o) => s.from >= o.from && s.to <= o.to));
  const sectors = [...parts.sectors, ...inside].sort((a, b) => a.from - b.from);
  const orgs = parts.orgs.filter((o) => !foreign.includes(o));
  return [{ ...parts, orgs, sectors }, foreign[0]!.value.sector ?? null];
}

/**
 * "Kurdistan Democratic Party", "Social Democratic Party": a known body's name of two words or more
 * right after a capitalised word that nothing else reads (no country, body, title or sector) is the
 * end of a longer name of another body, not the known one. Its sector nouns count again ("Party":
 * PTY). A one-word name after such a word is the body ("House Republicans").
 */
function withoutInnerBodies(kb: KnowledgeBase, parts: TextParts): TextParts {
  if (!parts.orgs.some((o) => o.from > 0 && o.to - o.from >= 2)) return parts;
  const hits = [...parts.countries, ...parts.orgs, ...parts.titles, ...parts.sectors, ...parts.people];
  const inner = parts.orgs.filter((o) => {
    const before = parts.tokens[o.from - 1];
    return (
      !!before &&
      o.to - o.from >= 2 &&
      /^\p{Lu}\p{Ll}/u.test(before.text) &&
      !LEADING_WORDS.has(before.key) &&
      !kb.formerModifiers.has(before.key) &&
      !hits.some((h) => h.from <= o.from - 1 && o.from - 1 < h.to)
    );
  });
  if (!inner.length) return parts;
  const inside = kb.sectorIndex
    .scan(parts.tokens)
    .filter((s) => inner.some((o) => s.from >= o.from && s.to <= o.to));
  const sectors = [...parts.sectors, ...inside].sort((a, b) => a.from - b.from);
  return { ...parts, orgs: parts.orgs.filter((o) => !inner.includes(o)), sectors };
}

/** Capitalised words that open a phrase without naming anything ("The Democratic Party"). */
const LEADING_WORDS = new Set(['the', 'a', 'an', 'its', 'their', 'our']);

const NAME_CONNECTORS = new Set(['of', 'the', 'and', 'for', 'on', 'in']);

/**
 * "Baghdad Pact", "Council of the Baltic Sea States": a name (capitalised words) of a body of states,
 * by its last words or as a body ("Council") of members ("States"); no country owns it.
 */
function intergovernmentalName(kb: KnowledgeBase, parts: TextParts): boolean {
  const { tokens } = parts;
  if (tokens.length < 2 || parts.orgs.length || parts.people.length) return false;
  if (!tokens.every((t) => /^\p{Lu}/u.test(t.text) || NAME_CONNECTORS.has(t.key))) return false;
  const last = tokens.length - 1;
  for (let from = Math.max(0, last - 1); from <= last; from++)
    if (kb.intergovernmentalHeads.matchAt(tokens, from)?.to === tokens.length) return true;
  const of = tokens.findIndex((t) => t.key === 'of');
  return (
    of > 0 &&
    kb.intergovernmentalBodies.has(tokens[of - 1]!.key) &&
    kb.intergovernmentalMembers.has(tokens[last]!.key)
  );
}

function countryOfName(kb: KnowledgeBase, parts: TextParts): string | null {
  return countryOfWords(kb, parts.tokens);
}

/**
 * An unknown name whose words nearly always belong to one country's people in the dictionaries
 * ("Nguyen", "Mykola", "Wangchuk"): a person of that country. Words that disagree decide nothing.
 * The entity finder asks the same of the people it finds with a title.
 */
export function countryOfWords(kb: KnowledgeBase, tokens: readonly { key: string }[]): string | null {
  let country: string | null = null;
  for (const t of tokens) {
    const vote = kb.nameWords.get(t.key);
    if (!vote || vote === country) continue;
    if (country) return null;
    country = vote;
  }
  return country;
}

// A sentence is the context of each of its phrases: it is read once, not once per phrase.
const CONTEXTS_KEPT = 256;
const contexts = new WeakMap<KnowledgeBase, Map<string, TextParts>>();

function analysedContext(kb: KnowledgeBase, context: string): TextParts {
  let seen = contexts.get(kb);
  if (!seen) contexts.set(kb, (seen = new Map()));
  let parts = seen.get(context);
  if (!parts) {
    if (seen.size >= CONTEXTS_KEPT) seen.delete(seen.keys().next().value!);
    parts = analyseText(kb, context);
    seen.set(context, parts);
  }
  return parts;
}

/**
 * Two to four capitalised words and nothing the knowledge base knows: a person's name. Particles that
 * names write in lower case ("al", "bin", "van", "de") may stand between them (up to five words then).
 */
function looksLikeName(parts: TextParts): boolean {
  const { tokens } = parts;
  const capitalised = tokens.filter((t) => /^\p{Lu}\p{Ll}/u.test(t.text)).length;
  const known = parts.countries.length + parts.orgs.length + parts.titles.length + parts.sectors.length;
  return (
    capitalised >= 2 &&
    capitalised <= 4 &&
    tokens.length <= 5 &&
    !known &&
    /^\p{Lu}/u.test(tokens[0]!.text) &&
    /^\p{Lu}/u.test(tokens.at(-1)!.text) &&
    tokens.every((t) => /^\p{Lu}\p{Ll}/u.test(t.text) || NAME_PARTICLES.has(t.key))
  );
}

const NAME_PARTICLES = new Set([
  'al',
  'el',
  'bin',
  'ibn',
  'bint',
  'wal',
  'wa',
  'de',
  'del',
  'da',
  'dos',
  'du',
  'van',
  'von',
  'der',
  'den',
  'di',
  'la',
  'le',
]);

/**
 * "Amina Wekesa" with the context "Kenyan defence": a new person with the context's country and role.
 * Where the context names the person, what it says of them is read first: an apposition ("Amina
 * Wekesa, a Kenyan MP, said") or the words before the name in its clause ("Kenyan MP Amina Wekesa").
 * The sector is read as for a described group: a post after a sector noun is of that sector
 * ("opposition leader", "police chief"), else the head noun's, else the title's.
 */
function personFromContext(
  kb: KnowledgeBase,
  name: string,
  context: TextParts,
  rawContext: string,
  day: string | null,
): Actor | null {
  const described = descriptionIn(kb, name, rawContext) ?? context;
  const country =
    mainCountry(described)?.value.iso3 ??
    (described === context ? null : mainCountry(context)?.value.iso3) ??
    null;
  const title = headTitle(described) ?? (described === context ? null : headTitle(context));
  const known = fuzzyPerson(kb, name, { country, role: title?.value.role ?? null });
  if (known) return personActor(known, day, kb);
  const noun = postHolderSector(kb, described, described.orgs[0] ?? null) ?? headSector(described);
  // "Kenyan defence": a government's field with its country makes the person an official.
  const field = country && kb.portfolioIndex.scan(described.tokens).length ? 'GOV' : null;
  const sector = noun ?? title?.value.sector ?? described.orgs[0]?.value.sector ?? field;
  if (!country && !sector) return null;
  return titledPersonActor(name, country, sector, title?.value.role ?? null);
}

/**
 * What a sentence says of a person it names: the apposition after the name ("…, the Kenyan interior
 * minister,"), else the words before it in its clause; null when the name is absent or neither says
 * anything the knowledge base reads (a country, title, sector or body).
 */
const BEFORE_NAME_WORDS = 4;

function descriptionIn(kb: KnowledgeBase, name: string, context: string): TextParts | null {
  const at = context.toLowerCase().indexOf(name.toLowerCase());
  if (at < 0) return null;
  const after = /^\s*,\s*([^,;:.()]+)/u.exec(context.slice(at + name.length))?.[1];
  // Before the name, its own modifiers: the clause's last few words ("… met Kenyan MP").
  const before = context
    .slice(0, at)
    .split(/[,;:.()"“”]/u)
    .at(-1)
    ?.split(/\s+/u)
    .slice(-BEFORE_NAME_WORDS)
    .join(' ');
  for (const words of [after, before]) {
    if (!words?.trim()) continue;
    const parts = analysedContext(kb, words.trim());
    if (parts.countries.length || parts.titles.length || parts.sectors.length || parts.orgs.length)
      return parts;
  }
  return null;
}

/** A known person, or a known organisation that is the head of the text. */
function knownThing(
  kb: KnowledgeBase,
  parts: TextParts,
  day: string | null,
  context: TextParts | null,
  text: string,
): Actor | null {
  const person = parts.people[0];
  if (person && parts.tokens[person.to]?.key === "'s") {
    const owned = possessedBy(kb, parts, person, day, text);
    if (owned) return owned;
  }
  // "Putin" with a context: a surname, which names him only where the context supports it.
  if (person && context && parts.tokens.length === 1 && isLoneName(person.value, person))
    return surnameActor(kb, parts, day, context);
  if (person) {
    const actor = personActor(person.value, day, kb);
    // "former president Jacob Zuma": out of office whatever the roles say for an undated text.
    const former = parts.tokens.slice(0, person.from).some((t) => kb.formerModifiers.has(t.key));
    return former && actor.sector && FORMER_SECTORS.has(actor.sector)
      ? { ...actor, sector: 'ELI', role: null, code: (actor.country ?? actor.bloc ?? '') + 'ELI' }
      : actor;
  }
  const org = parts.orgs[0];
  const titledAfter = parts.titles.some((t) => org && t.from >= org.to && t.value.role);
  if (org && !titledAfter && !parts.sectors.some((s) => s.from >= org.to)) {
    const actor = orgActor(org.value);
    return parts.former && actor.sector && FORMER_SECTORS.has(actor.sector)
      ? { ...actor, sector: 'ELI' }
      : actor;
  }
  return surnameActor(kb, parts, day, context);
}

/**
 * "Zuma's former adviser", "Erdogan's spokesman": someone of the person's side, described by a sector
 * noun or title after the possessive, is not the person.
 */
function possessedBy(
  kb: KnowledgeBase,
  parts: TextParts,
  person: PhraseHit<PersonEntry>,
  day: string | null,
  text: string,
): Actor | null {
  const after = (h: { from: number }) => h.from > person.to;
  const owner = personActor(person.value, day, kb);
  const relation = kb.relationIndex.scan(parts.tokens).filter(after).at(-1)?.value;
  const official = !!owner.sector && (FORMER_SECTORS.has(owner.sector) || owner.sector === 'ELI');
  const title = parts.titles.find(after);
  let sector =
    relation === 'kin'
      ? official
        ? 'ELI'
        : null
      : relation === 'aide'
        ? owner.sector
        : (parts.sectors.filter(after).at(-1)?.value ?? title?.value.sector ?? null);
  if (!sector && !relation) return null;
  const former = parts.tokens.slice(person.to).some((t) => kb.formerModifiers.has(t.key));
  if (sector && former && FORMER_SECTORS.has(sector)) sector = 'ELI';
  return groupActor(text, owner.country, null, sector);
}

/**
 * "Trump", "Raisi": a lone capitalised word that is the last name of exactly one known person. On its
 * own it is looked up; with a context, a full mention of a bearer there names them, else the context
 * must fit the person, else it is a person of the context's country.
 */
function surnameActor(
  kb: KnowledgeBase,
  parts: TextParts,
  day: string | null,
  context: TextParts | null,
): Actor | null {
  const word = parts.tokens.length === 1 ? parts.tokens[0]! : null;
  // A word that names a country, city or body ("Medina", "English") is read as that, not as a surname.
  if (!word || !/^\p{Lu}/u.test(word.text) || parts.countries.length) return null;
  const bearers = kb.surnames.get(word.key) ?? [];
  const named = context?.people.find((p) => !isLoneName(p.value, p) && bearers.includes(p.value));
  if (named) return personActor(named.value, day, kb);
  const person = personBySurname(kb, word.key, context ? contextSupport(context) : null);
  if (person) return personActor(person, day, kb);
  const country = context ? (mainCountry(context)?.value.iso3 ?? null) : null;
  return country && kb.surnames.has(word.key) ? titledPersonActor(word.text, country, null, null) : null;
}

function contextSupport(context: TextParts): SurnameSupport {
  const owners = new Set<string>();
  for (const c of context.countries) owners.add(c.value.iso3);
  for (const o of context.orgs) {
    owners.add(o.value.id);
    if (o.value.country) owners.add(o.value.country);
  }
  // A lone surname in the context (often the very mention) is no support for itself.
  for (const p of context.people) if (p.value.country && !isLoneName(p.value, p)) owners.add(p.value.country);
  const title = headTitle(context);
  return { owners, role: title?.value.role ?? null };
}

function describedGroup(
  kb: KnowledgeBase,
  parts: TextParts,
  day: string | null,
  context: TextParts | null,
  text: string,
  fallbackSector: string | null = null,
): Actor | null {
  const title = headTitle(parts);
  // "Deputy Defence Minister Lt. Gen. Amos Kiprono": titles stacked after the first are no part of
  // the name, and the first one (the post) gives the sector, not the rank after it.
  let afterTitles = title?.to ?? -1;
  for (;;) {
    const stacked = parts.titles.find((t) => t.from === afterTitles);
    if (!stacked) break;
    afterTitles = stacked.to;
  }
  const nameSpan = titledNameSpan(parts, afterTitles);
  // Words of the name are no country or sector ("Foreign Minister Park Jin" is no park).
  const outside = (h: { from: number; to: number }) =>
    !nameSpan || !title || h.to <= title.to || h.from >= nameSpan.to;
  const outsideName = nameSpan
    ? { ...parts, countries: parts.countries.filter(outside), sectors: parts.sectors.filter(outside) }
    : parts;
  const place = mainCountry(outsideName) ?? (context ? mainCountry(context) : null);
  const org = parts.orgs[0]?.value ?? null;
  const iso3 = place?.value.iso3 ?? org?.country ?? null;
  const bloc = iso3 ? null : (org?.bloc ?? null);
  const head =
    postHolderSector(kb, outsideName, parts.orgs[0] ?? null) ??
    armedMenSector(kb, outsideName, parts.orgs[0] ?? null) ??
    rebelNameSector(kb, outsideName) ??
    headSector(outsideName);
  const owner = org && !place ? org.id : iso3;
  // "the former prime minister" is not the one in office on the day.
  if (title?.value.role && owner && day && !parts.former) {
    const holder = kb.holderOf(title.value.role, owner, day);
    if (holder) return personActor(holder.person, day, kb);
  }
  const name = nameSpan?.name ?? null;
  let sector = head ?? title?.value.sector ?? fallbackSector;
  // "Taliban fighters": armed men of a named group are no longer unidentified (UAF); they are the group's.
  if (sector === 'UAF' && org?.sector) sector = org.sector;
  if (sector && parts.former && FORMER_SECTORS.has(sector)) sector = 'ELI';
  if (name && title && nameSpan) {
    const known = fuzzyPerson(kb, name, { country: iso3, role: title.value.role });
    if (known) return personActor(known, day, kb);
    // Nothing else names the country: the name's words may ("Foreign Minister Park …").
    const country =
      iso3 ?? (bloc ? null : countryOfWords(kb, parts.tokens.slice(nameSpan.from, nameSpan.to)));
    return titledPersonActor(name, country, sector, title.value.role);
  }
  if (sector === null && parts.tokens.some((t) => kb.nonActors.has(t.key)))
    return iso3 ? countryActor(kb, iso3) : null;
  if (sector === null && !iso3 && !bloc) return null;
  // "ordinary Kazakhs", "Syrians": a plural demonym as the head names the country's people.
  if (sector === null && place && peopleOf(parts, place)) sector = 'CVL';
  // "Lusaka Times": a capitalised name ending in a newspaper's title word is the press.
  if (sector === null && newspaperName(kb, parts)) sector = 'JRN';
  if (sector === null && place) {
    // "Kenya's Joseph Otieno", "Joseph Otieno of Kenya": a name the knowledge base lacks, of the country.
    const name = unknownName(parts);
    if (name && !title) return titledPersonActor(name, place.value.iso3, null, null);
    if (place.value.form === 'place' && place.to - place.from === parts.tokens.length) {
      return placeActor(text, place.value.iso3);
    }
    const onlyTheCountry = place.to - place.from === parts.tokens.length;
    return countryActor(kb, place.value.iso3, onlyTheCountry && place.value.form === 'seat' ? 'GOV' : null);
  }
  return groupActor(text, iso3, bloc, sector);
}

/**
 * "Joseph Otieno, Kenya's interior minister", "Joseph Otieno, a senator": a name the knowledge base
 * lacks, then what the text says of it after a comma, read as a context that describes the person.
 */
function nameWithApposition(kb: KnowledgeBase, text: string, day: string | null): Actor | null {
  const comma = text.indexOf(',');
  if (comma < 0) return null;
  const name = text.slice(0, comma).trim();
  const rest = text.slice(comma + 1).trim();
  if (!rest) return null;
  const nameParts = analyseText(kb, name);
  if (!looksLikeName(nameParts)) return null;
  return personFromContext(kb, name, analysedContext(kb, rest), rest, day);
}

/**
 * Two to four capitalised words in a row that no hit (country, body, title, sector, person) covers:
 * a name the knowledge base lacks; null when there is none or more than one.
 */
function unknownName(parts: TextParts): string | null {
  const hits = [...parts.countries, ...parts.orgs, ...parts.titles, ...parts.sectors, ...parts.people];
  const runs: string[][] = [];
  let run: string[] = [];
  parts.tokens.forEach((t, i) => {
    const free = !hits.some((h) => h.from <= i && i < h.to) && /^\p{Lu}\p{Ll}/u.test(t.text);
    if (free) run.push(t.text);
    else if (run.length) {
      runs.push(run);
      run = [];
    }
  });
  if (run.length) runs.push(run);
  const names = runs.filter((r) => r.length >= 2 && r.length <= 4);
  return names.length === 1 && runs.length === 1 ? names[0]!.join(' ') : null;
}

function newspaperName(kb: KnowledgeBase, parts: TextParts): boolean {
  const { tokens } = parts;
  const last = tokens.at(-1);
  const before = tokens.at(-2);
  return (
    !!last &&
    !!before &&
    /^\p{Lu}/u.test(last.text) &&
    /^\p{Lu}/u.test(before.text) &&
    kb.newspaperTitles.has(last.key)
  );
}

function peopleOf(parts: TextParts, place: PhraseHit<CountryHitValue>): boolean {
  // A bare plural ("Kazakhs") stands for the country itself; a qualified one ("ordinary Kazakhs") for its people.
  const word = parts.tokens[place.to - 1]!;
  return (
    place.value.form === 'demonym' &&
    place.from > 0 &&
    place.to === parts.headEnd &&
    /\p{Ll}s$/u.test(word.text)
  );
}

/** The country the head speaks of: the first country word before "of/in/to", else the first at all. */
function mainCountry(parts: TextParts) {
  return parts.countries.find((c) => c.from < parts.headEnd) ?? parts.countries[0] ?? null;
}

/** The head noun's sector: the rightmost sector phrase of the head, else the rightmost anywhere. */
function headSector(parts: TextParts): string | null {
  const inHead = parts.sectors.filter((s) => s.from < parts.headEnd);
  const pick = inHead[inHead.length - 1] ?? parts.sectors[parts.sectors.length - 1];
  return pick?.value ?? null;
}

/**
 * "rebel leader", "police spokesman", "Taliban commander": a post any body has, after a sector noun or
 * a body's name, is of that sector (the body's), not the government's that the post alone suggests.
 */
function postHolderSector(
  kb: KnowledgeBase,
  parts: TextParts,
  org: PhraseHit<OrgEntry> | null,
): string | null {
  const { inHead, last: post, key } = lastHeadSector(parts);
  if (!post || !kb.positionNouns.has(key)) return null;
  const before = inHead.filter((s) => s.to <= post.from).at(-1);
  if (before) return before.value;
  return org && org.to <= post.from && org.value.sector ? org.value.sector : null;
}

/** The sector words of a name's head, the last of them (the head noun's), and that one's words as a key. */
function lastHeadSector(parts: TextParts) {
  const inHead = parts.sectors.filter((s) => s.from < parts.headEnd);
  const last = inHead.at(-1);
  const key = last
    ? parts.tokens
        .slice(last.from, last.to)
        .map((t) => t.key)
        .join(' ')
    : '';
  return { inHead, last, key };
}

/** Sides whose armed men keep the side's sector; armed opposition is rebels (PLOVER's note 3). */
const ARMED_SIDE: Record<string, string> = {
  REB: 'REB',
  PRM: 'PRM',
  COP: 'COP',
  SPY: 'SPY',
  CRM: 'CRM',
  OPP: 'REB',
};

/**
 * "rebel forces", "police units", "cartel gunmen", "Houthi forces": armed men ("forces", "fighters")
 * right after a non-state or police side's noun, or after a body of such a side, are of that side, not
 * the military (or unidentified gunmen) the noun alone suggests. "government forces" stay military.
 */
function armedMenSector(kb: KnowledgeBase, parts: TextParts, org: PhraseHit<OrgEntry> | null): string | null {
  const { inHead, last: men, key } = lastHeadSector(parts);
  if (!men || !kb.armedHeads.has(key)) return null;
  const side = inHead.find((s) => s.to === men.from)?.value;
  if (side) return ARMED_SIDE[side] ?? null;
  const body = org && org.to === men.from ? org.value.sector : null;
  return body ? (ARMED_SIDE[body] ?? null) : null;
}

/**
 * "Sudanese Revolutionary Forces", "Kosovo Liberation Army": an armed body's name (capitalised, ending in
 * "Army" or "Forces") with a word of armed movements' names among its capitalised words right before
 * the head is rebels (REB), not the state's military the head alone suggests. A word inside a
 * country's name ("Democratic Republic …") is the country's.
 */
function rebelNameSector(kb: KnowledgeBase, parts: TextParts): string | null {
  const { last: head, key } = lastHeadSector(parts);
  if (!head || head.value !== 'MIL' || !kb.armedBodyHeads.has(key)) return null;
  const capitalised = (i: number) => /^\p{Lu}/u.test(parts.tokens[i]!.text);
  for (let i = head.from; i < head.to; i++) if (!capitalised(i)) return null;
  for (let i = head.from - 1; i >= 0 && capitalised(i); i--) {
    if (parts.countries.some((c) => c.from <= i && i < c.to)) continue;
    if (kb.rebelNameWords.has(parts.tokens[i]!.key)) return 'REB';
  }
  return null;
}

function headTitle(parts: TextParts) {
  return parts.titles.find((t) => t.from < parts.headEnd) ?? null;
}

/** Capitalised words right after a title ("President Ibrahim Mohamed Solih"): the new person's name. */
function titledNameSpan(
  parts: TextParts,
  afterTitle: number,
): { name: string; from: number; to: number } | null {
  if (afterTitle < 0) return null;
  const words: string[] = [];
  let i = afterTitle;
  for (; i < parts.tokens.length; i++) {
    const t = parts.tokens[i]!;
    if (!/^\p{Lu}[\p{L}'’.-]*$/u.test(t.text)) break;
    words.push(t.text);
  }
  const ok = words.length >= 2 || (words.length === 1 && words[0]!.length > 2);
  return ok ? { name: words.join(' '), from: afterTitle, to: i } : null;
}
