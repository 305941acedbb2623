// CAMEO tells violence apart by its means: killings and attacks by aircraft or drones are "employ
// aerial weapons" (195, under FIGHT, 19), not unconventional violence (18), whoever the victims are.
// The aircraft are the CAMEO dictionary's &AIRCRAFT class (data/events/cameo-verbs.json, sets), less
// civil and ambiguous members ("plane", "airliner"; "bomber", which is as often a suicide bomber).
import { loadJson } from './data.ts';
import { stem, type Token } from './text.ts';

const CIVIL_OR_AMBIGUOUS = new Set([
  'plane',
  'airplane',
  'airliner',
  'jetliner',
  'jumbojet',
  'jumbo_jet',
  'airship',
  'dirigible',
  'glider',
  'skyhook',
  'bomber',
]);

let aircraft: Set<string> | null = null;

function aircraftStems(): Set<string> {
  aircraft ??= new Set(
    (loadJson<{ sets: Record<string, string[]> }>('events/cameo-verbs.json').sets.AIRCRAFT ?? [])
      // A multi-word member counts by its head ("unmanned_drone" → "drone", "stealth_bomber" → "bomber").
      .map((w) => w.split('_').pop() ?? w)
      .filter((w) => !CIVIL_OR_AMBIGUOUS.has(w) && !CIVIL_OR_AMBIGUOUS.has(w.replace(/s$/, '')))
      .map(stem),
  );
  return aircraft;
}

/** Codes of violence that say nothing of its means: an attack, an assault, a killing. */
const GENERIC_VIOLENCE = new Set(['180', '182', '1823', '190']);

/** The code of a violent act whose clause tokens[from, to) names aircraft or drones as its means. */
export function codeByMeans(code: string, tokens: Token[], from: number, to: number): string {
  if (!GENERIC_VIOLENCE.has(code)) return code;
  const stems = aircraftStems();
  for (let k = from; k < to; k++) if (stems.has(tokens[k]?.stem ?? '')) return '195';
  return code;
}
