// CAMEO codes and PLOVER types from data/ontology (built by scripts/build-ontology.ts).
import { loadJson } from './data.ts';

export interface CameoCode {
  code: string;
  root: string;
  level: number;
  label: string;
  goldstein: number | null;
  quadClass: number;
  plover: string | null;
  ploverMode: string | null;
}

export interface PloverType {
  name: string;
  quadClass: number;
  score: number;
  requiresRecipient: boolean;
  modes: { name: string; score: number | null }[];
}

const cameoCodes = new Map(
  loadJson<{ codes: CameoCode[] }>('ontology/cameo.json').codes.map((c) => [c.code, c]),
);
const ploverTypes = new Map(
  loadJson<{ types: PloverType[] }>('ontology/plover.json').types.map((t) => [t.name, t]),
);

/** The CAMEO entry for a code, or null when the code is unknown. */
export function cameo(code: string): CameoCode | null {
  return cameoCodes.get(code) ?? null;
}

export function ploverType(name: string): PloverType | null {
  return ploverTypes.get(name) ?? null;
}

export interface Coding {
  cameo: string;
  /** Null for a CAMEO code PLOVER has no type for (a public statement, 01). */
  plover: string | null;
  mode: string | null;
  quadClass: number | null;
  goldstein: number | null;
}

/**
 * CAMEO code → PLOVER type and mode, quad class and Goldstein weight. A code without its own
 * PLOVER mapping falls back to its parents ("0231" → "023" → "02"). Statements (01), which PLOVER
 * does not code as events, have no PLOVER type. Null for an unknown code.
 */
export function codeEvent(code: string): Coding | null {
  const entry = cameo(code);
  if (!entry) return null;
  for (let c = code; c.length >= 2; c = c.length > 3 ? c.slice(0, 3) : c.slice(0, 2)) {
    const parent = cameo(c);
    if (parent?.plover) {
      return {
        cameo: code,
        plover: parent.plover,
        mode: entry.ploverMode ?? parent.ploverMode,
        quadClass: entry.quadClass,
        goldstein: entry.goldstein ?? parent.goldstein,
      };
    }
    if (c.length === 2) break;
  }
  // A public statement (CAMEO 01: a speech, an admission, a symbolic act, condolences) is an event
  // in CAMEO and none in PLOVER: coded by its CAMEO code alone.
  if (entry.root === '01')
    return { cameo: code, plover: null, mode: null, quadClass: entry.quadClass, goldstein: entry.goldstein };
  return null;
}
