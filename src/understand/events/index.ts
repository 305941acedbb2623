// Political events coded in PLOVER and CAMEO, with evidence sentences.
import type { Entity, Event } from '../../model/index.ts';

export interface EventOptions {
  /** The article's publication date (ISO), against which relative dates are resolved. */
  published?: string | null;
}

export function findEvents(_text: string, _entities: Entity[], _options: EventOptions = {}): Event[] {
  return [];
}
