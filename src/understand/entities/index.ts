// Named entities found in an article's text and resolved to actors.
import type { Entity } from '../../model/index.ts';
import type { KnowledgeBase } from '../actors/kb/knowledge-base.ts';
import { builtinKnowledgeBase } from '../actors/kb/knowledge-base.ts';
import { findEntitiesWith } from './find.ts';

export interface EntityOptions {
  /** The article's publication date (ISO); roles are looked up on it. */
  published?: string | null;
  /** Knowledge base to link against; the built-in one when absent. */
  kb?: KnowledgeBase;
}

export function findEntities(text: string, options: EntityOptions = {}): Entity[] {
  return findEntitiesWith(options.kb ?? builtinKnowledgeBase(), text, options.published ?? null);
}
