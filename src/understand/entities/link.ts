// Links a tagger's organisation span the knowledge base did not match whole ("The Associated Press").
import { orgActor } from '../actors/build-actor.ts';
import type { Doc } from './doc.ts';
import type { Span } from './spans.ts';

export function linkSpan(doc: Doc, span: Span): Span {
  if (span.type !== 'ORG') return span;
  // "The Associated Press" as the tagger found it is the knowledge base's "Associated Press".
  let tokens = doc.tokens.slice(span.from, span.to);
  if (tokens.length > 1 && tokens[0]!.key === 'the') tokens = tokens.slice(1);
  const org = doc.kb.orgIndex.matchAt(tokens, 0);
  return org && org.to === tokens.length ? { ...span, actor: orgActor(org.value) } : span;
}
