// The actor knowledge base and resolver: countries, organisations and people with dated roles.
import type { EntityType } from '../../model/index.ts';

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
}

export interface ResolveOptions {
  /** ISO date the text speaks of; roles are looked up on it. */
  date?: string | null;
  /** Surrounding text that may disambiguate (a sentence or a headline). */
  context?: string | null;
}

/** Resolves a short text ("Iran's defense minister", "Tehran", "NATO") to a known actor, or null. */
export function resolveActor(_text: string, _options: ResolveOptions = {}): Actor | null {
  return null;
}
