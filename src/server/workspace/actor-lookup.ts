// Resolving the actor a request names, and naming the nodes events are counted under.
import { SitrepError } from '../../model/index.ts';
import type { EdgeCount } from '../../store/index.ts';
import {
  actorCodeLabel,
  eventThreshold,
  findActor,
  regionOf,
  type ActorRef,
} from '../../understand/index.ts';
import { round } from './buckets.ts';
import type { Partner } from './schemas.ts';

/** The canonical actor for a name, alias, code or id, or a 404 naming what was asked for. */
export function actorOr404(key: string, field = 'actor'): ActorRef {
  const actor = findActor(key);
  if (!actor) throw new SitrepError('not_found', `${field}: no known actor is named or coded '${key}'`);
  return actor;
}

/**
 * For counting events: a known actor, else the name as event sides store it (graph nodes that
 * the knowledge base does not know, such as a militia named in one report).
 */
export function actorForEvents(key: string): ActorRef {
  const known = findActor(key);
  if (known) return known;
  return {
    id: key,
    name: key,
    type: 'MISC',
    country: null,
    code: null,
    region: null,
    aliases: [],
    match: { countries: [], entityIds: [], codes: [], names: [key] },
  };
}

/** The public part of an actor (how it matches events is the store's business). */
export function publicActor(actor: ActorRef) {
  return {
    id: actor.id,
    name: actor.name,
    type: actor.type,
    country: actor.country,
    code: actor.code,
    region: actor.region,
    aliases: actor.aliases,
  };
}

const BLOCS = new Set(['IGO', 'UNO', 'EUR', 'NGO', 'IMG', 'MNC', 'AFR', 'ASA', 'MEA', 'WST']);

export function nodeKind(key: string): 'country' | 'bloc' | 'other' {
  if (regionOf(key)) return 'country';
  return BLOCS.has(key) ? 'bloc' : 'other';
}

export function nodeLabel(key: string): string {
  return /^[A-Z]{3,}$/.test(key) ? actorCodeLabel(key) : key;
}

export { regionOf };

export function toPartner(edge: EdgeCount): Partner {
  const cooperation = edge.quad[0] + edge.quad[1];
  const conflict = edge.quad[2] + edge.quad[3];
  return {
    id: edge.target,
    label: nodeLabel(edge.target),
    events: edge.events,
    reports: edge.reports,
    origins: edge.origins,
    quad: edge.quad,
    goldsteinMean: edge.goldsteinCount ? round(edge.goldsteinSum / edge.goldsteinCount) : null,
    cooperation,
    conflict,
  };
}

/** A side of an event named in words: "Iran" for a side stored as its code IRN. */
export function sideLabel(
  side: { name: string; code: string | null; country: string | null } | null,
): string | null {
  if (!side) return null;
  const bare = /^[A-Z]{3,}$/.test(side.name) && (side.name === side.code || side.name === side.country);
  return bare ? nodeLabel(side.name) : side.name;
}

/** Adds sourceLabel and targetLabel so no page shows a bare code such as USAUAF. */
export function withSideLabels<
  E extends { source: Parameters<typeof sideLabel>[0]; target: Parameters<typeof sideLabel>[0] },
>(page: { total: number; items: E[] }) {
  return {
    total: page.total,
    items: page.items.map((e) => ({
      ...e,
      sourceLabel: sideLabel(e.source) ?? '',
      targetLabel: sideLabel(e.target),
    })),
  };
}

/**
 * A window with its minimum confidence: the one asked for, else the threshold events are shown
 * at everywhere else (data/events/confidence.json), so counts match the reader and the events list.
 */
export function withThreshold<W extends { minConfidence?: number; reports?: 'origins' | 'all' }>(
  window: W,
): W & { minConfidence: number; allReports: boolean } {
  return {
    ...window,
    minConfidence: window.minConfidence ?? eventThreshold(),
    allReports: window.reports === 'all',
  };
}
