// The actor knowledge base and resolver: countries, organisations and people with dated roles.
import type { EntityType } from '../../model/index.ts';
import type { KnowledgeBase } from './kb/knowledge-base.ts';
import { builtinKnowledgeBase } from './kb/knowledge-base.ts';
import { resolveWith } from './resolve.ts';
import type { ActorDescription } from './describe.ts';
import { describeWith } from './describe.ts';
import { tokenize } from './text.ts';

export interface Actor {
  /** Stable id, e.g. "IRN" for a country, "person:ebrahim-raisi", "org:nato". */
  entityId: string;
  name: string;
  type: EntityType;
  /** ISO 3166-1 alpha-3, or null (IGOs, NGOs). */
  country: string | null;
  /** PLOVER sector code (GOV, MIL, …), when known. */
  sector: string | null;
  /** CAMEO-style actor code: IRNGOV, CHNMIL, IGONAT, … */
  code: string | null;
  /** For people: the role held on the given date. */
  role: string | null;
  /** For bodies above states: PLOVER's non-state "country" (IGO, UNO, EUR, NGO, IMG). */
  bloc?: string | null;
}

export interface ResolveOptions {
  /** ISO date the text speaks of; roles are looked up on it. */
  date?: string | null;
  /** Surrounding text that may disambiguate (a sentence or a headline). */
  context?: string | null;
  /** Knowledge base to use; the built-in one when absent (see createKnowledgeBase for users' files). */
  kb?: KnowledgeBase;
}

/** Resolves a short text ("Iran's defense minister", "Tehran", "NATO") to a known actor, or null. */
export function resolveActor(text: string, options: ResolveOptions = {}): Actor | null {
  return resolveWith(options.kb ?? builtinKnowledgeBase(), text, options);
}

/** Everything the knowledge base knows of the actor `name` resolves to: roles over time, aliases … */
export function describeActor(name: string, options: { kb?: KnowledgeBase } = {}): ActorDescription | null {
  return describeWith(options.kb ?? builtinKnowledgeBase(), name);
}

export interface CountryMatch {
  iso3: string;
  name: string;
  /** How the text names it. */
  form: 'name' | 'demonym' | 'seat' | 'place';
  start: number;
  end: number;
  text: string;
}

/** The first country named in `text` by name, alternative name, demonym, capital or known city. */
export function findCountry(text: string, kb: KnowledgeBase = builtinKnowledgeBase()): CountryMatch | null {
  const tokens = tokenize(text);
  for (let i = 0; i < tokens.length; i++) {
    const hit = kb.countryIndex.matchAt(tokens, i);
    if (!hit) continue;
    const start = tokens[hit.from]!.start;
    const end = tokens[hit.to - 1]!.end;
    const name = kb.countries.get(hit.value.iso3)?.name ?? hit.value.iso3;
    return { iso3: hit.value.iso3, name, form: hit.value.form, start, end, text: text.slice(start, end) };
  }
  return null;
}

/** The record `sitrep actors resolve` prints: country falls back to the bloc (IGO, UNO, EUR …). */
export function toResolution(actor: Actor | null): {
  name: string;
  country: string | null;
  sector: string | null;
  entityId: string;
} | null {
  if (!actor) return null;
  return {
    name: actor.name,
    country: actor.country ?? actor.bloc ?? null,
    sector: actor.sector,
    entityId: actor.entityId,
  };
}

export type { ActorDescription, RoleSpan } from './describe.ts';
export { createKnowledgeBase, builtinKnowledgeBase, KnowledgeBase } from './kb/knowledge-base.ts';
export { readActorFile, parseActorFile } from './kb/read-file.ts';
