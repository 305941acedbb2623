// Converts the Phoenix / PETRARCH2 actor dictionaries (Open Event Data Alliance, MIT) into the compact
// files under data/kb/phoenix/ that the actor knowledge base reads:
//   node --import tsx scripts/import-phoenix.ts [DICTIONARY_DIR [OUT_DIR]]
// (defaults: ../shared/data/phoenix and data/kb/phoenix)
// people.json: [name, aliases, country, sector, roles[[sector, from, to]]]; orgs.json: [name, aliases,
// country, bloc, sector]; places.json: country -> other names; agents.json: sector -> nouns;
// name-words.json: a name word -> the country nearly all its bearers are of. CAMEO codes become PLOVER ones (MED media -> JRN,
// HLH health -> MED, religions -> REL). Multinational companies are left out: they are no political actors.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { normalizeKey } from '../src/understand/text/index.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SOURCE = resolve(process.argv[2] ?? join(ROOT, '..', 'shared', 'data', 'phoenix'));
const OUT = resolve(process.argv[3] ?? join(ROOT, 'data', 'kb', 'phoenix'));

/** CAMEO sector (agent) codes to PLOVER sector codes; absent: no sector. */
const SECTORS: Record<string, string> = {
  GOV: 'GOV',
  MIL: 'MIL',
  REB: 'REB',
  INS: 'REB',
  OPP: 'OPP',
  PTY: 'PTY',
  COP: 'COP',
  JUD: 'JUD',
  SPY: 'SPY',
  LEG: 'LEG',
  CRM: 'CRM',
  BUS: 'BUS',
  CVL: 'CVL',
  PPL: 'CVL',
  EDU: 'EDU',
  AGR: 'AGR',
  LAB: 'LAB',
  REF: 'REF',
  ELI: 'ELI',
  UAF: 'UAF',
  MED: 'JRN',
  HLH: 'MED',
  HRI: 'SOC',
  ENV: 'SOC',
  NGO: 'SOC',
  REL: 'REL',
  MUS: 'REL',
  CHR: 'REL',
  JEW: 'REL',
  BUD: 'REL',
  HIN: 'REL',
  SIK: 'REL',
  CTH: 'REL',
};
/** CAMEO country codes that differ from ISO 3166-1 alpha-3. */
const ISO_OF: Record<string, string> = { TMP: 'TLS', KSV: 'XKX' };
/**
 * CAMEO region codes (Middle East, West Africa …), a coder's mark for no known country (KKL), an
 * international scope (INT) and a made-up test country (KNT): none is a country. EUR is CAMEO's Europe,
 * not PLOVER's European Union.
 */
const NO_COUNTRY = new Set(
  'AFR ASA CAS CFR EAF EEU EIN EUR LAM MEA NAF NMR SAF SAM SAS SEA WAF WEU ANG INT KKL KNT'.split(' '),
);
/** Branches of government that PLOVER codes as their own sector: a body of GOVLEG is a legislature. */
const BRANCHES = new Set(['LEG', 'JUD', 'MIL', 'COP', 'SPY']);
/** For people, only a legislator's seat is its own sector (a GOVMIL defence minister is GOV). */
const sectorOf = (c: Code, branches: Set<string>) =>
  c.sector === 'GOV' && c.branch && branches.has(c.branch) ? c.branch : c.sector;
const PERSON_BRANCHES = new Set(['LEG']);
/** Codes that stand where a country would: bodies above or outside states. */
const BLOCS = new Set(['IGO', 'NGO', 'IMG', 'UNO', 'MNC', 'ISM']);
// A word of these makes a Countries-file entry an organisation ("Communist Party of China").
const ORG_WORDS = new Set(
  'army navy party council ministry committee front movement commission court bank agency police union assembly parliament government office forces force guard guards corps department service league organization organisation association federation institute university company corporation group brigade brigades politburo cabinet senate congress junta militia coalition alliance tribunal'.split(
    ' ',
  ),
);
// A name that begins with a title is a phrase about the person ("Foreign Minister Abdullah"), not a name.
const TITLE_WORDS = new Set(
  'president prime minister secretary general acting deputy vice foreign defense defence ambassador chief king queen prince sheikh emir sultan chairman leader premier governor mayor senator the former late interior finance spokesman'.split(
    ' ',
  ),
);

interface Code {
  country: string | null;
  sector: string | null;
  /** The second sector of a code (LEG of GOVLEG). */
  branch: string | null;
  /** A region's or no country's code (MEAREB): the body has a sector but no country. */
  regional?: boolean;
  from: string | null;
  to: string | null;
}
interface RawEntry {
  name: string;
  aliases: string[];
  codes: Code[];
}

/** TABARI dates: YYYYMMDD or YYMMDD (two digits above 30 are 19xx); anything else is unknown. */
function isoDate(raw: string): string | null {
  if (/^\d{8}$/.test(raw)) return `${raw.slice(0, 4)}-${raw.slice(4, 6)}-${raw.slice(6, 8)}`;
  if (/^\d{6}$/.test(raw)) {
    const yy = Number(raw.slice(0, 2));
    return `${yy > 30 ? 19 : 20}${raw.slice(0, 2)}-${raw.slice(2, 4)}-${raw.slice(4, 6)}`;
  }
  return null;
}

function parseCode(body: string): Code | null {
  const [code = '', ...rest] = body.trim().split(/\s+/);
  if (!/^[A-Z]{3,}$/.test(code)) return null;
  // "> 20090120" is written with a space too: the range is all that follows the code.
  const range = rest.join('');
  let from: string | null = null;
  let to: string | null = null;
  if (range.startsWith('>')) from = isoDate(range.slice(1));
  else if (range.startsWith('<')) to = isoDate(range.slice(1));
  // A lone date ("[USAGOV 19820101] # entered Foreign Service") is when the role began.
  else if (/^\d+$/.test(range)) from = isoDate(range);
  else if (range.includes('-')) {
    const [a = '', b = ''] = range.split('-');
    from = isoDate(a);
    to = isoDate(b);
    if (!from || !to) return null;
  }
  const head = code.slice(0, 3);
  if (SECTORS[head] && code.length === 3)
    return { country: null, sector: SECTORS[head]!, branch: null, from, to };
  const sector = SECTORS[code.slice(3, 6)] ?? null;
  const branch = SECTORS[code.slice(6, 9)] ?? null;
  if (NO_COUNTRY.has(head)) return { country: null, sector, branch, from, to, regional: true };
  return { country: ISO_OF[head] ?? head, sector, branch, from, to };
}

const phrase = (raw: string) => raw.replace(/_+$/, '').replace(/_/g, ' ').replace(/\s+/g, ' ').trim();

/** Entries of a TABARI actor file: NAME lines, +ALIAS lines, [CODE FROM-TO] on any of them. */
function readActors(file: string): RawEntry[] {
  const entries: RawEntry[] = [];
  let current: RawEntry | null = null;
  for (const rawLine of readFileSync(join(SOURCE, file), 'utf8').split('\n')) {
    const line = rawLine.replace(/#.*$/, '');
    if (!line.trim()) continue;
    const codes = [...line.matchAll(/\[([^\]]*)\]/g)].map((m) => parseCode(m[1]!));
    const text = line.replace(/\[[^\]]*\]/g, '').trim();
    if (/^\S/.test(line) && !line.startsWith('[') && text) {
      if (line.startsWith('+')) current?.aliases.push(phrase(text.slice(1)));
      else entries.push((current = { name: phrase(text), aliases: [], codes: [] }));
    }
    if (current) for (const c of codes) if (c) current.codes.push(c);
  }
  return entries.filter((e) => e.name && e.codes.length);
}

const SMALL_WORDS = new Set(['of', 'the', 'and', 'for', 'in', 'on', 'de', 'du', 'la', 'y']);
const titleCase = (name: string) =>
  name
    .toLowerCase()
    .split(' ')
    .map((w, i) =>
      i > 0 && SMALL_WORDS.has(w)
        ? w
        : w.replace(/(^|[(-])(\p{L})/gu, (_, b: string, l: string) => b + l.toUpperCase()),
    )
    .join(' ');

/** An alias of a body must look like one: an acronym, a body's word, or a word of its main name. */
function bodyAlias(alias: string, main: string): boolean {
  if (/^[A-Z.]{2,8}$/.test(alias)) return true;
  const words = alias.toLowerCase().split(' ');
  const mainWords = new Set(
    main
      .toLowerCase()
      .split(' ')
      .filter((w) => w.length > 2 && !SMALL_WORDS.has(w)),
  );
  return words.some((w) => ORG_WORDS.has(w) || mainWords.has(w));
}

const usableName = (name: string) => {
  const words = name.toLowerCase().split(' ');
  return words.length >= 2 && !TITLE_WORDS.has(words[0]!) && /^[\p{L} .'-]+$/u.test(name);
};

/** Dated codes or a later ELI mark a person; bodies have standing codes. */
const personCodes = (e: RawEntry) => e.codes.some((c) => c.from || c.to || c.sector === 'ELI');

function people(entries: RawEntry[]) {
  const out: [string, string[], string, string | null, [string, string, string | null][]][] = [];
  for (const e of entries) {
    const words = e.name.toLowerCase().split(' ');
    if (!usableName(e.name) || words.some((w) => ORG_WORDS.has(w)) || !personCodes(e)) continue;
    const country = [...e.codes].reverse().find((c) => c.country && !BLOCS.has(c.country))?.country;
    if (!country || country.length !== 3) continue;
    const roles = e.codes
      .filter((c) => c.from && c.sector && c.sector !== 'ELI')
      .map((c): [string, string, string | null] => [sectorOf(c, PERSON_BRANCHES)!, c.from!, c.to]);
    const standing = e.codes.find((c) => !c.from && !c.to)?.sector ?? null;
    const aliases = [...new Set(e.aliases.filter(usableName).map(titleCase))].filter(
      (a) => a !== titleCase(e.name),
    );
    out.push([titleCase(e.name), aliases, country, standing, roles]);
  }
  return out;
}

function orgs(entries: RawEntry[], { inCountries }: { inCountries: boolean }) {
  const out: [string, string[], string | null, string | null, string | null][] = [];
  for (const e of entries) {
    const words = e.name.toLowerCase().split(' ');
    // In the Countries file, bodies carry undated codes ("Knesset", "Mossad"), people dated ones.
    if (
      inCountries &&
      (TITLE_WORDS.has(words[0]!) || (!words.some((w) => ORG_WORDS.has(w)) && personCodes(e)))
    )
      continue;
    if (personCodes(e)) continue;
    const code = e.codes[0]!;
    if (code.country === 'MNC' || (!code.country && !(code.regional && code.sector))) continue;
    // In the Countries file a code without a sector is the country itself, with its cities as aliases.
    if (inCountries && !code.sector) continue;
    const bloc = code.country && BLOCS.has(code.country) ? code.country : null;
    const names = [e.name, ...e.aliases.filter((a) => bodyAlias(a, e.name))].filter(
      (n) => /^[\p{L}\d .'&()/-]+$/u.test(n) && n.length > 1,
    );
    if (!names.length) continue;
    const display = (n: string) => (/^[A-Z.]{2,6}$/.test(n) ? n : titleCase(n));
    out.push([
      display(names[0]!),
      [...new Set(names.slice(1).map(display))],
      bloc ? null : code.country,
      bloc,
      sectorOf(code, BRANCHES),
    ]);
  }
  return out;
}

/**
 * The country an entry of codes without a sector stands for today: the code that has not ended, the
 * latest begun ("UKRAINE_ [USRUKR <910824] [UKRUNR 910824-911221] [UKR >911221]" is Ukraine).
 */
function currentCountry(codes: Code[]): string | null {
  if (codes.some((c) => c.sector || c.branch)) return null;
  const latest = (a: Code, b: Code) =>
    (a.to ?? '9999') + (a.from ?? '') < (b.to ?? '9999') + (b.from ?? '') ? 1 : -1;
  // A country that is no more (Czechoslovakia) keeps its last code.
  const country = [...codes].sort(latest)[0]?.country;
  return country && country.length === 3 && !BLOCS.has(country) ? country : null;
}

/** Other names of each country in the Countries file: spellings, cities, provinces, regions. */
function places(entries: RawEntry[]): Record<string, string[]> {
  const out: Record<string, Set<string>> = {};
  for (const e of entries) {
    const country = currentCountry(e.codes);
    if (!country) continue;
    for (const n of [e.name, ...e.aliases])
      if (n.length >= 4 && /^[\p{L} .'-]+$/u.test(n)) (out[country] ??= new Set()).add(titleCase(n));
  }
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, [...v]]));
}

/** Agent nouns: `NOUN [~SEC]` lines, with `!MACRO! = A, B` expansions. */
function agents(): Record<string, string[]> {
  const macros = new Map<string, string[]>();
  const out: Record<string, Set<string>> = {};
  for (const rawLine of readFileSync(join(SOURCE, 'Phoenix.agents.txt'), 'utf8').split('\n')) {
    const line = rawLine.replace(/#.*$/, '').trim();
    const macro = /^(!\w+!)\s*=\s*(.+)$/.exec(line);
    if (macro) {
      macros.set(
        macro[1]!,
        macro[2]!.split(',').map((w) => w.trim().toLowerCase()),
      );
      continue;
    }
    const m = /^([^[]+?)\s*\[~([A-Z]{3})/.exec(line);
    const sector = m && SECTORS[m[2]!];
    if (!m || !sector || sector === 'ELI') continue;
    let forms = [m[1]!.toLowerCase()];
    for (const [name, values] of macros)
      forms = forms.flatMap((f) =>
        f.includes(name.toLowerCase()) ? values.map((v) => f.replace(name.toLowerCase(), v)) : [f],
      );
    for (const f of forms) {
      const noun = phrase(f);
      if (/^[a-z][a-z '-]*$/.test(noun)) (out[sector] ??= new Set()).add(noun);
    }
  }
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, [...v].sort()]));
}

/**
 * Name words (four letters or more) that at least NAME_WORD_PEOPLE office holders bear, nearly all of
 * one country (NAME_WORD_SHARE): "nguyen" -> VNM. Held out one person at a time, the words give the
 * right country for 93% of the dictionaries' people they speak for (6% of them).
 */
const NAME_WORD_PEOPLE = 4;
const NAME_WORD_SHARE = 0.9;
function nameWords(rows: ReturnType<typeof people>): Record<string, string> {
  const byWord = new Map<string, Map<string, number>>();
  const seen = new Set<string>();
  for (const [name, , country] of rows) {
    const key = normalizeKey(name);
    if (seen.has(key)) continue;
    seen.add(key);
    for (const word of new Set(key.split(/\s+/).filter((w) => /^\p{Ll}{4,}$/u.test(w)))) {
      const counts = byWord.get(word) ?? new Map<string, number>();
      byWord.set(word, counts.set(country, (counts.get(country) ?? 0) + 1));
    }
  }
  const out: Record<string, string> = {};
  for (const [word, counts] of [...byWord].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    const [country, n] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
    if (total >= NAME_WORD_PEOPLE && n / total >= NAME_WORD_SHARE) out[word] = country;
  }
  return out;
}

const NOTE =
  'generated by scripts/import-phoenix.ts from the Phoenix/PETRARCH2 dictionaries (openeventdata/petrarch2, commit 676801cd), Copyright (c) 2014 Open Event Data Alliance, MIT licence (LICENSE in this folder)';

mkdirSync(OUT, { recursive: true });
copyFileSync(join(SOURCE, 'LICENSE'), join(OUT, 'LICENSE'));
const write = (name: string, key: string, rows: unknown) =>
  writeFileSync(
    join(OUT, name),
    `{"_source":${JSON.stringify(NOTE)},\n"${key}":${
      Array.isArray(rows)
        ? `[\n${rows.map((r) => JSON.stringify(r)).join(',\n')}\n]`
        : JSON.stringify(rows, null, 1)
    }}\n`,
  );
const countryEntries = readActors('Phoenix.Countries.actors.txt');
const personRows = people(countryEntries);
const orgRows = [
  ...orgs(countryEntries, { inCountries: true }),
  ...orgs(readActors('Phoenix.International.actors.txt'), { inCountries: false }),
  ...orgs(readActors('Phoenix.MilNonState.actors.txt'), { inCountries: false }),
];
const agentRows = agents();
write('places.json', 'places', places(countryEntries));
write('people.json', 'people', personRows);
write('orgs.json', 'orgs', orgRows);
write('agents.json', 'sectors', agentRows);
const wordRows = nameWords(personRows);
write('name-words.json', 'words', wordRows);
console.log(
  `wrote ${personRows.length} people, ${orgRows.length} organisations, ${Object.values(agentRows).flat().length} agent nouns and ${Object.keys(wordRows).length} name words to ${OUT}`,
);
