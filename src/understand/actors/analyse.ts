// What a short text is made of, as far as the knowledge base can tell: known people, organisations,
// country words, titles and sector nouns, each with its token span.
import type { PhraseHit } from './phrase-index.ts';
import type { NameLayer } from './kb/phoenix.ts';
import type { Token } from './text.ts';
import { tokenize } from './text.ts';
import type { CountryHitValue, KnowledgeBase, TitleValue } from './kb/knowledge-base.ts';
import type { OrgEntry, PersonEntry } from './kb/schema.ts';
import { allowedEdits } from './fuzzy.ts';
import { isLoneName } from './surname.ts';

export interface TextParts {
  tokens: Token[];
  people: PhraseHit<PersonEntry>[];
  orgs: PhraseHit<OrgEntry>[];
  countries: PhraseHit<CountryHitValue>[];
  titles: PhraseHit<TitleValue>[];
  sectors: PhraseHit<string>[];
  /** "former", "retired" … before the head. */
  former: boolean;
  /** Index of the first token after the head phrase ("of", "in", "to", a comma …). */
  headEnd: number;
}

const LEADING = new Set([
  'the',
  'a',
  'an',
  'some',
  'several',
  'many',
  'two',
  'three',
  'four',
  'five',
  'members',
  'member',
  'of',
]);
const HEAD_BREAK = new Set([
  'of',
  'in',
  'to',
  'at',
  'for',
  'from',
  'on',
  'with',
  'near',
  'who',
  'which',
  'that',
  ',',
  'named',
  'and',
]);

// "Somalia-based", "Kurdish-led", "Iranian-backed": the country word stands on its own.
const COMPOUND =
  /(\p{L})-(based|led|backed|made|born|owned|funded|run|allied|controlled|linked|aligned|sponsored|brokered)\b/gu;

/** "Russian-backed separatists", "Chinese-made drones": the country backs or made them; they are not its. */
const BACKER = new Set([
  'backed',
  'funded',
  'sponsored',
  'supported',
  'made',
  'trained',
  'armed',
  'brokered',
]);

function backerOnly(text: string, tokens: Token[], hit: { from: number; to: number }): boolean {
  const next = tokens[hit.to];
  return !!next && text[tokens[hit.to - 1]!.end] === '-' && BACKER.has(next.key);
}

// Tested once per token: made once, not at every test.
const UPPER_CASE_START = /^\p{Lu}/u;
/** Names written in lower case ("al-Qaeda", "dpa"). */
const LOWER_CASE_NAME = /^(?:al|dpa)\b/;

// "ex-minister", "ex-Kenyan president": the prefix is the modifier "ex" before the word.
const EX_PREFIX = /\b([Ee]x)-(?=\p{L})/gu;

export function analyseText(kb: KnowledgeBase, text: string): TextParts {
  // Both rewrites need a hyphen: most phrases have none, and skip the two expressions' passes.
  let tokens = tokenize(
    text.includes('-') ? text.replace(COMPOUND, '$1 $2').replace(EX_PREFIX, '$1 ') : text,
  );
  let skip = 0;
  while (skip < tokens.length - 1 && (LEADING.has(tokens[skip]!.key) || /^\d+$/.test(tokens[skip]!.key)))
    skip++;
  tokens = tokens.slice(skip);
  let { people, orgs, countries: named } = scanNames(kb, tokens);
  // "Noel Dempsey" is not the known Martin Dempsey: a surname hit with another given name is someone else.
  if (people.length) {
    const others = [...orgs, ...named];
    people = people.filter((p) => !isLoneName(p.value, p) || !strangerBeside(kb, tokens, p, others));
  }
  // Names the curated entries do not know may be in the Phoenix dictionaries (older office holders,
  // more bodies and armed groups).
  if (!people.length && !orgs.length && tokens.some((t) => UPPER_CASE_START.test(t.text))) {
    // A dictionary name must be the whole capitalised run it stands in: "Organization" (an alias
    // of one armed group) is not the "World Health Organization".
    const titleEnds = new Set(kb.titleIndex.scan(tokens).map((t) => t.to));
    const older = scanNames(kb.dictionaries, tokens, (h) => wholeRun(tokens, h, titleEnds));
    // A dictionary name that is the whole run of capitalised words holds a place word in it
    // ("Isabel Pires de Lima" is a person, not Peru's capital).
    const inName = (c: PhraseHit<CountryHitValue>) =>
      older.people.some((p) => p.from <= c.from && c.to <= p.to && p.to - p.from > c.to - c.from);
    named = named.filter((c) => !inName(c));
    people = older.people.filter((p) => !overlapsAny(p, named));
    // "Chile's Defense Department" is not the dictionaries' (American) Defense Department.
    const otherCountry = (o: PhraseHit<OrgEntry>) =>
      !!o.value.country && named.some((c) => c.value.iso3 !== o.value.country);
    orgs = older.orgs.filter((o) => !overlapsAny(o, named) && !otherCountry(o));
    if (!named.length) named = older.countries.filter((c) => !overlapsAny(c, [...people, ...orgs]));
    if (!named.length && !people.length) named = placesInBodyNames(kb, tokens, orgs);
  }
  const taken = [...people, ...orgs];
  const countries = (
    named.length ? named : (pluralDemonyms(kb, tokens, taken) ?? fuzzyCountries(kb, tokens, taken))
  ).filter((c) => !backerOnly(text, tokens, c));
  const titles = kb.titleIndex.scan(tokens).filter((t) => !overlapsAny(t, taken));
  const free = (s: PhraseHit<string>) => !overlapsAny(s, taken) && !overlapsAny(s, countries);
  let sectors = kb.sectorIndex.scan(tokens).filter(free);
  if (!sectors.length) sectors = kb.agentIndex.scan(tokens).filter(free);
  // "white supremicists": a misspelt sector noun, read only where no noun is spelt right.
  if (!sectors.length && !taken.length) {
    const spelt = correctedNouns(kb, tokens);
    if (spelt) {
      sectors = kb.sectorIndex.scan(spelt).filter(free);
      if (!sectors.length) sectors = kb.agentIndex.scan(spelt).filter(free);
    }
  }
  // The head ends at the first break word that is not inside a known phrase ("Ministry of Defense").
  const known = [...taken, ...countries, ...sectors, ...titles];
  let headEnd = tokens.findIndex(
    (t, i) => HEAD_BREAK.has(t.key) && i > 0 && !known.some((h) => h.from < i && i < h.to),
  );
  if (headEnd < 0) headEnd = tokens.length;
  const former = tokens.slice(0, headEnd).some((t) => kb.formerModifiers.has(t.key));
  return { tokens, people, orgs, countries, titles, sectors, former, headEnd };
}

/** People, organisations and countries, left to right; the longest name wins where they overlap. */
export function scanNames(
  kb: Pick<KnowledgeBase, 'personIndex' | 'orgIndex' | 'countryIndex'> | NameLayer,
  tokens: Token[],
  accept: (hit: { from: number; to: number }) => boolean = () => true,
) {
  const people: PhraseHit<PersonEntry>[] = [];
  const orgs: PhraseHit<OrgEntry>[] = [];
  const countries: PhraseHit<CountryHitValue>[] = [];
  const ok = <T extends { from: number; to: number }>(hit: T | null) => (hit && accept(hit) ? hit : null);
  for (let i = 0; i < tokens.length;) {
    // Names are written with a capital ("Borne" the minister, not "car-borne"), except a few ("al-Qaeda").
    const capital = CAPITALISED.test(tokens[i]!.text);
    const person = capital ? ok(kb.personIndex.matchAt(tokens, i)) : null;
    const org = capital || LOWER_CASE_NAME.test(tokens[i]!.text) ? ok(kb.orgIndex.matchAt(tokens, i)) : null;
    const country = capital ? ok(kb.countryIndex.matchAt(tokens, i)) : null;
    const longest = Math.max(person?.to ?? 0, org?.to ?? 0, country?.to ?? 0);
    if (!longest) {
      i++;
      continue;
    }
    if (person?.to === longest) people.push(person);
    else if (org?.to === longest) orgs.push(org);
    else if (country) countries.push(country);
    i = longest;
  }
  return { people, orgs, countries };
}

const CAPITALISED = /^[\p{Lu}\d]/u;
const NAME_WORD = /^\p{Lu}\p{Ll}+$/u;

/**
 * A capitalised word right before a one-word name hit that is another known person's given name
 * ("Noel" Dempsey), or right after it a capitalised word that is no word of the person's own name, no
 * common noun ("Administration") and no other name ("Kremlin"): the hit names someone else.
 */
function strangerBeside(
  kb: KnowledgeBase,
  tokens: Token[],
  hit: PhraseHit<PersonEntry>,
  others: { from: number; to: number }[],
): boolean {
  const own = new Set([hit.value.name, ...hit.value.aliases].flatMap((n) => tokenize(n).map((t) => t.key)));
  const stranger = (t: Token | undefined) =>
    !!t && NAME_WORD.test(t.text) && !own.has(t.key) && !kb.nounWords.has(t.key);
  const before = tokens[hit.from - 1];
  if (stranger(before) && kb.givenNames.has(before!.key)) return true;
  const after = { from: hit.to, to: hit.to + 1 };
  return stranger(tokens[hit.to]) && !overlapsAny(after, others);
}

/**
 * The hit is not part of a longer run of capitalised words (a longer name the dictionaries lack); a
 * title or an abbreviation before it ("Sen. John McCain", "President Hosni Mubarak") is no part of it.
 */
function wholeRun(tokens: Token[], hit: { from: number; to: number }, titleEnds: Set<number>): boolean {
  const before = tokens[hit.from - 1];
  const after = tokens[hit.to];
  const titled = titleEnds.has(hit.from) || !!before?.text.endsWith('.');
  return !(before && !titled && CAPITALISED.test(before.text)) && !(after && CAPITALISED.test(after.text));
}

/**
 * The tokens with lower-case words the sector lexicons do not know replaced by the one lexicon word
 * within the edits their length allows ("supremicists" -> "supremacists"); null when none is.
 */
function correctedNouns(kb: KnowledgeBase, tokens: Token[]): Token[] | null {
  let changed = false;
  const out = tokens.map((t) => {
    if (!/^\p{Ll}{5,}$/u.test(t.text) || kb.nounWords.has(t.key)) return t;
    const near = kb.nounWords.near(t.key, 1);
    if (!near.length || (near.length > 1 && near[1]!.distance === near[0]!.distance)) return t;
    changed = true;
    return { ...t, key: near[0]!.word };
  });
  return changed ? out : null;
}

function overlapsAny(hit: { from: number; to: number }, others: { from: number; to: number }[]): boolean {
  return others.some((o) => hit.from < o.to && o.from < hit.to);
}

/**
 * "Lagos State Hospital Workers Union", "Sindh Police Service": a dictionary place inside the name of a
 * body (a capitalised run holding a sector noun) is where the body is. A place inside any other longer
 * name ("Kent Brantly") says nothing.
 */
function placesInBodyNames(
  kb: KnowledgeBase,
  tokens: Token[],
  taken: { from: number; to: number }[],
): PhraseHit<CountryHitValue>[] {
  const sectors = kb.sectorIndex.scan(tokens);
  const capital = (i: number) => CAPITALISED.test(tokens[i]?.text ?? '');
  return kb.dictionaries.countryIndex.scan(tokens).filter((place) => {
    if (!capital(place.from) || overlapsAny(place, taken)) return false;
    let from = place.from;
    let to = place.to;
    while (from > 0 && capital(from - 1)) from--;
    while (to < tokens.length && capital(to)) to++;
    return sectors.some((s) => s.from >= from && s.to <= to && !overlapsAny(s, [place]) && capital(s.from));
  });
}

/** "Kazakhs", "Libyans": a capitalised plural whose singular is a demonym (the country's people). */
function pluralDemonyms(
  kb: KnowledgeBase,
  tokens: Token[],
  taken: { from: number; to: number }[],
): PhraseHit<CountryHitValue>[] | null {
  const hits: PhraseHit<CountryHitValue>[] = [];
  tokens.forEach((t, i) => {
    if (!/^\p{Lu}\p{L}+s$/u.test(t.text) || overlapsAny({ from: i, to: i + 1 }, taken)) return;
    const value = kb.countryIndex.getKey(t.key.slice(0, -1));
    if (value?.form === 'demonym') hits.push({ from: i, to: i + 1, value });
  });
  return hits.length ? hits : null;
}

/** One-edit misspellings of single-word country names, demonyms and capitals, for capitalised words only. */
function fuzzyCountries(
  kb: KnowledgeBase,
  tokens: Token[],
  taken: { from: number; to: number }[],
): PhraseHit<CountryHitValue>[] {
  const hits: PhraseHit<CountryHitValue>[] = [];
  // Run for most phrases the resolver reads: a plain loop, its expression made once.
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!UPPER_CASE_START.test(t.text) || overlapsAny({ from: i, to: i + 1 }, taken)) continue;
    // A capitalised neighbour means a name ("Angela Merkel"), not a misspelt country.
    const before = tokens[i - 1];
    const after = tokens[i + 1];
    if ((before && UPPER_CASE_START.test(before.text)) || (after && UPPER_CASE_START.test(after.text)))
      continue;
    const limit = Math.min(1, allowedEdits(t.key.length));
    if (!limit) continue;
    const near = kb.countryWords.near(t.key, limit)[0];
    const value = near && kb.countryIndex.getKey(near.word);
    if (value) hits.push({ from: i, to: i + 1, value });
    else if (t.key.endsWith('s')) {
      // "Kazahks": a misspelt plural of a demonym.
      const single = kb.countryWords.near(t.key.slice(0, -1), limit)[0];
      const demonym = single && kb.countryIndex.getKey(single.word);
      if (demonym?.form === 'demonym') hits.push({ from: i, to: i + 1, value: demonym });
    }
  }
  return hits;
}
