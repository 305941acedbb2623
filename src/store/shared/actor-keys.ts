// The keys an event side is indexed under (event_actors) and the node it is drawn as (events.
// source_node / target_node). Migration 005_actor_keys computes the same values in SQL for rows
// stored before it, so the two must agree: upper-casing is ASCII-only, as SQLite's upper() is.
import type { EventActor } from '../../model/index.ts';
import type { ActorMatch } from '../types.ts';

export type Side = 'source' | 'target';

export interface EventActorRow {
  actor_key: string;
  side: Side;
  document_id: string;
  ordinal: number;
  /** Which fields hold the value, as bits (KIND). */
  kinds: number;
  /** The event's date, else its article's (events.effective_date), so keys are found by window. */
  effective_date: string | null;
}

/** The kinds of field a side's value can be found in. */
export const KIND = { country: 1, code: 2, entity: 4, name: 8 } as const;

/** Upper case for ASCII letters only; codes are ASCII, and both databases must agree. */
export function asciiUpper(value: string): string {
  return value.replace(/[a-z]+/g, (letters) => letters.toUpperCase());
}

/** The graph node a side stands for: its country or bloc, else its code, else its name. */
export function nodeOf(actor: EventActor | null): string | null {
  if (!actor) return null;
  if (actor.country !== null) return asciiUpper(actor.country);
  if (actor.code !== null) return asciiUpper(actor.code);
  return actor.name;
}

/** Each distinct value one side can be found under, with the kinds of field holding it. */
export function sideKeys(actor: EventActor | null): Map<string, number> {
  const keys = new Map<string, number>();
  if (!actor) return keys;
  const add = (value: string | null, kind: number) => {
    if (value !== null) keys.set(value, (keys.get(value) ?? 0) | kind);
  };
  add(actor.country === null ? null : asciiUpper(actor.country), KIND.country);
  add(actor.code === null ? null : asciiUpper(actor.code), KIND.code);
  add(actor.entityId, KIND.entity);
  add(actor.name, KIND.name);
  return keys;
}

export function eventActorRows(
  documentId: string,
  ordinal: number,
  source: EventActor | null,
  target: EventActor | null,
  effectiveDate: string | null,
): EventActorRow[] {
  const rows = (side: Side, actor: EventActor | null) =>
    [...sideKeys(actor)].map(([actor_key, kinds]) => ({
      actor_key,
      side,
      document_id: documentId,
      ordinal,
      kinds,
      effective_date: effectiveDate,
    }));
  return [...rows('source', source), ...rows('target', target)];
}

/**
 * SQL true when an event_actors row (alias x) is one of the actor's sides: its value is one the
 * actor is known by, held in a field of the kind the actor is matched on. Null when the match
 * names nothing. Masks are integers made here, so they are written into the SQL.
 */
export function keyCondition(alias: string, match: ActorMatch): { sql: string; params: string[] } | null {
  const masks = new Map<string, number>();
  const add = (values: readonly string[], kind: number, normalise: (v: string) => string) => {
    for (const value of values) masks.set(normalise(value), (masks.get(normalise(value)) ?? 0) | kind);
  };
  const same = (v: string) => v;
  add(match.countries, KIND.country, asciiUpper);
  add(match.codes, KIND.code, asciiUpper);
  add(match.entityIds, KIND.entity, same);
  add(match.names ?? [], KIND.name, same);
  const byMask = new Map<number, string[]>();
  for (const [value, mask] of masks) byMask.set(mask, [...(byMask.get(mask) ?? []), value]);
  if (!byMask.size) return null;
  const parts: string[] = [];
  const params: string[] = [];
  for (const [mask, values] of byMask) {
    const all = mask === 15;
    parts.push(
      `(${alias}.actor_key IN (${values.map(() => '?').join(', ')})${all ? '' : ` AND (${alias}.kinds & ${mask}) <> 0`})`,
    );
    params.push(...values);
  }
  return { sql: parts.join(' OR '), params };
}
