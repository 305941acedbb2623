// Quotes (direct, indirect, mixed) with their speakers.
import type { Entity, Quote } from '../../model/index.ts';

export function findQuotes(_text: string, _entities: Entity[]): Quote[] {
  return [];
}
