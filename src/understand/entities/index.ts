// Named entities found in an article's text and resolved to actors.
import type { Entity } from '../../model/index.ts';

export interface EntityOptions {
  /** The article's publication date (ISO); roles are looked up on it. */
  published?: string | null;
}

export function findEntities(_text: string, _options: EntityOptions = {}): Entity[] {
  return [];
}
