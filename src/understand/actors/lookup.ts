// One actor, one page: a name, an alias, a country code, a CAMEO actor code or an entity id all lead
// to the same canonical actor, with the keys that find its events in the store.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { EntityType } from '../../model/index.ts';
import type { KnowledgeBase } from './kb/knowledge-base.ts';
import { builtinKnowledgeBase } from './kb/knowledge-base.ts';
import type { OrgEntry, PersonEntry } from './kb/schema.ts';
import { resolveWith } from './resolve.ts';
import { normalizeKey } from './text.ts';

export interface ActorRef {
  /** Canonical id: ISO3 for a country ("IRN"), "org:nato", "person:ebrahim-raisi". */
  id: string;
  name: string;
  type: EntityType;
  country: string | null;
  /** CAMEO-style code (IRN, IGONAT, IRNGOV). */
  code: string | null;
  region: string | null;
  aliases: string[];
  /** How events name this actor: country codes match a side's country, others its entity id or code. */
  match: { countries: string[]; entityIds: string[]; codes: string[]; names?: string[] };
}

const require = createRequire(import.meta.url);
// Read on first use: the file is large (1.4 MB) and reading an article never asks for a region.
let regions: Map<string, string | null> | null = null;
function regionsByCode(): Map<string, string | null> {
  regions ??= new Map(
    (
      JSON.parse(readFileSync(require.resolve('world-countries/countries.json'), 'utf8')) as {
        cca3: string;
        region: string;
      }[]
    ).map((c) => [c.cca3, c.region || null]),
  );
  return regions;
}

/** The world region of a country code (Asia, Europe …); null for blocs and unknown codes. */
export function regionOf(code: string | null | undefined): string | null {
  return code ? (regionsByCode().get(code.toUpperCase()) ?? null) : null;
}

function countryRef(kb: KnowledgeBase, iso3: string): ActorRef | null {
  const c = kb.countries.get(iso3);
  if (!c) return null;
  return {
    id: c.iso3,
    name: c.name,
    type: 'GPE',
    country: c.iso3,
    code: c.iso3,
    region: regionOf(c.iso3),
    aliases: c.names.filter((n) => n !== c.name),
    match: { countries: [c.iso3], entityIds: [c.iso3], codes: [c.iso3] },
  };
}

function orgRef(org: OrgEntry, kb: KnowledgeBase): ActorRef {
  const country = org.country ?? null;
  return {
    id: org.id,
    name: org.name,
    type: org.type === 'GPE' || org.type === 'LOC' || org.type === 'MISC' ? org.type : 'ORG',
    country: country ?? org.bloc ?? null,
    code: org.code ?? null,
    region: regionOf(country),
    aliases: org.aliases,
    match: {
      countries: [],
      entityIds: [org.id],
      codes: org.code && onlyOrgWithCode(kb, org.code) ? [org.code] : [],
    },
  };
}

function personRef(person: PersonEntry): ActorRef {
  return {
    id: person.id,
    name: person.name,
    type: 'PERSON',
    country: person.country,
    code: null,
    region: regionOf(person.country),
    aliases: person.aliases,
    match: { countries: [], entityIds: [person.id], codes: [] },
  };
}

/** The organisation a code stands for, when exactly one has it (USAUAF fits many groups). */
function onlyOrgWithCode(kb: KnowledgeBase, code: string): OrgEntry | null {
  const orgs = [...kb.orgsById.values()].filter((o) => o.code === code);
  return orgs.length === 1 ? orgs[0]! : null;
}

function byCode(kb: KnowledgeBase, raw: string): ActorRef | null {
  const code = raw.toUpperCase();
  if (kb.peopleById.has(raw)) return personRef(kb.peopleById.get(raw)!);
  if (kb.orgsById.has(raw)) return orgRef(kb.orgsById.get(raw)!, kb);
  if (!/^[A-Z]{3,}$/.test(code) || raw !== code) return code.length === 3 ? countryRef(kb, code) : null;
  if (code.length === 3) return countryRef(kb, code);
  const org = onlyOrgWithCode(kb, code);
  if (org) return orgRef(org, kb);
  // A CAMEO code such as USAUAF or IRNGOV names a part of a country: its page is the country's.
  return countryRef(kb, code.slice(0, 3));
}

/** The canonical actor for a name, alias, code or id; null when the knowledge base does not know it. */
export function findActor(query: string, kb: KnowledgeBase = builtinKnowledgeBase()): ActorRef | null {
  const raw = query.trim();
  if (!raw) return null;
  const coded = byCode(kb, raw);
  if (coded) return coded;
  // The resolver reads news text, where case matters; a search box does not.
  const titled = raw.replace(
    /(^|\s)(\p{Ll})/gu,
    (_m, space: string, letter: string) => space + letter.toUpperCase(),
  );
  const known =
    asRef(kb, resolveWith(kb, raw, {})) ?? (titled !== raw ? asRef(kb, resolveWith(kb, titled, {})) : null);
  if (known) return known;
  const [best] = rank(kb, raw);
  return best && best.s >= 3 ? best.ref : null;
}

/** The knowledge-base actor a resolution names; null for generic groups ("islamic" read as a sector). */
function asRef(kb: KnowledgeBase, actor: ReturnType<typeof resolveWith>): ActorRef | null {
  if (!actor) return null;
  if (actor.type === 'GPE' && actor.country && actor.entityId === actor.country)
    return countryRef(kb, actor.country);
  const person = kb.peopleById.get(actor.entityId);
  if (person) return personRef(person);
  const org = kb.orgsById.get(actor.entityId);
  if (org) return orgRef(org, kb);
  return actor.country ? countryRef(kb, actor.country) : null;
}

/** "Iran" for IRN, "United States (UAF)" for USAUAF, the code itself when unknown. */
export function actorCodeLabel(code: string, kb: KnowledgeBase = builtinKnowledgeBase()): string {
  const upper = code.toUpperCase();
  const org = onlyOrgWithCode(kb, upper);
  if (org) return org.name;
  const country = kb.countries.get(upper.slice(0, 3))?.name;
  if (!country) return code;
  return upper.length > 3 ? `${country} (${upper.slice(3)})` : country;
}

function score(query: string, names: string[], code: string | null, id: string): number {
  const q = normalizeKey(query);
  if (!q) return 0;
  if (code?.toLowerCase() === q || id.toLowerCase() === q) return 4;
  let best = 0;
  for (const name of names) {
    const n = normalizeKey(name);
    if (n === q) return 3;
    if (n.startsWith(q)) best = Math.max(best, 2);
    else if (n.includes(` ${q}`)) best = Math.max(best, 1);
  }
  return best;
}

/** Actors whose name, alias, code or id matches the query, best first (all of them for an empty query). */
export function searchActors(
  query: string,
  limit = 50,
  kb: KnowledgeBase = builtinKnowledgeBase(),
): { total: number; items: ActorRef[] } {
  const ranked = rank(kb, query);
  // What the name resolves to comes first: "Islamic Republic" is Iran before Afghanistan's long name.
  const resolved = query.trim() ? findActor(query, kb) : null;
  const at = resolved ? ranked.findIndex((x) => x.ref.id === resolved.id) : -1;
  if (resolved) ranked.unshift(...(at >= 0 ? ranked.splice(at, 1) : [{ ref: resolved, s: 5 }]));
  return { total: ranked.length, items: ranked.slice(0, limit).map((x) => x.ref) };
}

function rank(kb: KnowledgeBase, query: string): { ref: ActorRef; s: number }[] {
  const candidates: ActorRef[] = [
    ...[...kb.countries.keys()].map((iso3) => countryRef(kb, iso3)!),
    ...[...kb.orgsById.values()].map((org) => orgRef(org, kb)),
    ...[...kb.peopleById.values()].map(personRef),
  ];
  const scored = query.trim()
    ? candidates
        .map((ref) => ({ ref, s: score(query, [ref.name, ...ref.aliases], ref.code, ref.id) }))
        .filter((x) => x.s > 0)
    : candidates.map((ref) => ({ ref, s: 1 }));
  return scored.sort((a, b) => b.s - a.s || a.ref.name.localeCompare(b.ref.name));
}
