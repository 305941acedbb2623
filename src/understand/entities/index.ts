// Named entities found in an article's text and resolved to actors.
import type { Entity } from '../../model/index.ts';
import type { KnowledgeBase } from '../actors/kb/knowledge-base.ts';
import { builtinKnowledgeBase } from '../actors/kb/knowledge-base.ts';
import type { TextDoc } from '../text/index.ts';
import { findEntitiesWith } from './find.ts';

export interface EntityOptions {
  /** The article's publication date (ISO); roles are looked up on it. */
  published?: string | null;
  /** Knowledge base to link against; the built-in one when absent. */
  kb?: KnowledgeBase;
  /** The text layer already read from `text` (understand() reads it once for every stage). */
  doc?: TextDoc;
}

export function findEntities(text: string, options: EntityOptions = {}): Entity[] {
  return findEntitiesWith(options.kb ?? builtinKnowledgeBase(), text, options.published ?? null, options.doc);
}
