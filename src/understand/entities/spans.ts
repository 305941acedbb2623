// A candidate mention: a token span with a type, and (once linked) the actor it stands for.
import type { EntityType, MentionForm } from '../../model/index.ts';
import type { Actor } from '../actors/index.ts';

export interface Span {
  from: number;
  to: number;
  type: EntityType;
  form: MentionForm;
  actor: Actor | null;
  /** Where the span came from, for debugging and precedence: knowledge base beats tagger. */
  origin: 'kb' | 'tagger' | 'title' | 'coref';
}

export const overlaps = (a: { from: number; to: number }, b: { from: number; to: number }) =>
  a.from < b.to && b.from < a.to;
