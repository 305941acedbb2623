// Calibrated confidence of an event: a logistic mapping of what the coder knows about it (how
// specific the pattern is, who acts on whom, the modality, whether the text is about public affairs),
// fitted on held-back coded sentences by scripts/fit-event-confidence.ts (data/events/confidence.json).
import type { EventActor, Modality } from '../../model/index.ts';
import { loadJson } from './data.ts';

/** Public actors: their acts are political even in a story about sport or business. */
const PUBLIC_SECTORS = new Set([
  'GOV',
  'MIL',
  'COP',
  'JUD',
  'LEG',
  'PTY',
  'REB',
  'ELI',
  'OPP',
  'SPY',
  'UAF',
  'INS',
  'IGO',
  'PRM',
]);
const BLOCS = new Set(['IGO', 'NGO', 'IMG', 'ISM']);

export function isPublicActor(actor: EventActor | null): boolean {
  if (!actor) return false;
  if (BLOCS.has(actor.country ?? '') && actor.country !== 'NGO') return true;
  const sector = actor.sector ?? (actor.code ?? '').slice(3, 6);
  return PUBLIC_SECTORS.has(sector);
}

export interface EventEvidence {
  sentenceRelevance: number;
  articleRelevance: number;
  discard: boolean;
  patternWeight: number;
  /** 0: the project's own pattern; 1: a phrase of the imported CAMEO dictionary. */
  patternRank?: number;
  codeLength: number;
  source: EventActor | null;
  target: EventActor | null;
  modality: Modality;
  reported: boolean;
  subordinate: boolean;
  passive: boolean;
  /** The passive names its doer ("was arrested by police"): as specific as the active voice. */
  agent?: boolean;
  plover: string | null;
  /** The pattern starts at the verb of its clause (not at a noun or an adjective). */
  clauseVerb?: boolean;
  /** What the clause's subject is: an actor, a thing ("oil prices", "the storm"), or none found. */
  subject?: 'actor' | 'thing' | null;
  /** The pattern that matched (code and text), for reading why an event was coded. */
  pattern: string;
}

const PLOVER_TYPES = [
  'AGREE',
  'CONSULT',
  'SUPPORT',
  'CONCEDE',
  'COOPERATE',
  'AID',
  'RETREAT',
  'REQUEST',
  'ACCUSE',
  'REJECT',
  'THREATEN',
  'PROTEST',
  'SANCTION',
  'MOBILIZE',
  'COERCE',
  'ASSAULT',
] as const;

export const FEATURES = [
  'bias',
  'sentence relevance',
  'article relevance',
  'discard phrase',
  'one-word pattern',
  'long pattern',
  'dictionary pattern',
  'specific code',
  'unknown source',
  'public source',
  'placed source',
  'public target',
  'no target',
  'hypothetical',
  'negated',
  'intended',
  'reported',
  'subordinate',
  'passive',
  'passive with agent',
  'clause verb',
  'actor subject',
  'thing subject',
  ...PLOVER_TYPES.map((t) => `type ${t}`),
  // A public statement (CAMEO 01), which has no PLOVER type.
  'type statement',
] as const;

const clip = (z: number) => Math.max(-4, Math.min(4, z)) / 4;
const placed = (a: EventActor | null) => !!a && !!(a.country ?? a.code) && a.name !== 'unknown';

export function featureVector(e: EventEvidence): number[] {
  const unknown = !e.source || e.source.name === 'unknown';
  return [
    1,
    clip(e.sentenceRelevance),
    clip(e.articleRelevance),
    e.discard ? 1 : 0,
    e.patternWeight <= 1 ? 1 : 0,
    e.patternWeight >= 3 ? 1 : 0,
    e.patternRank ? 1 : 0,
    e.codeLength >= 3 ? 1 : 0,
    unknown ? 1 : 0,
    isPublicActor(e.source) ? 1 : 0,
    placed(e.source) ? 1 : 0,
    isPublicActor(e.target) ? 1 : 0,
    e.target ? 0 : 1,
    e.modality === 'hypothetical' ? 1 : 0,
    e.modality === 'negated' ? 1 : 0,
    e.modality === 'intended' || e.modality === 'expected' ? 1 : 0,
    e.reported ? 1 : 0,
    e.subordinate ? 1 : 0,
    e.passive ? 1 : 0,
    e.passive && e.agent ? 1 : 0,
    e.clauseVerb ? 1 : 0,
    e.subject === 'actor' ? 1 : 0,
    e.subject === 'thing' ? 1 : 0,
    ...PLOVER_TYPES.map((t) => (t === e.plover ? 1 : 0)),
    e.plover === null ? 1 : 0,
  ];
}

interface ConfidenceModel {
  weights: Record<string, number>;
  /** Events below this confidence are left out of listings by default. */
  threshold: number;
}

let model: { weights: number[]; threshold: number } | null = null;

function loadModel(): { weights: number[]; threshold: number } {
  model ??= (() => {
    const raw = loadJson<ConfidenceModel>('events/confidence.json');
    return { weights: FEATURES.map((f) => raw.weights[f] ?? 0), threshold: raw.threshold };
  })();
  return model;
}

/** The probability that the event is right, from its evidence. */
export function eventConfidence(e: EventEvidence): number {
  const w = loadModel().weights;
  const x = featureVector(e);
  const z = x.reduce((sum, v, i) => sum + v * (w[i] ?? 0), 0);
  return Math.round((1 / (1 + Math.exp(-z))) * 100) / 100;
}

/** The default confidence below which events are not shown (`--all-events` shows them). */
export function eventThreshold(): number {
  return loadModel().threshold;
}

/** The events at or above `min` confidence (by default the threshold shown to people). */
export function confidentEvents<E extends { confidence: number }>(events: E[], min = eventThreshold()): E[] {
  return events.filter((e) => e.confidence >= min);
}
