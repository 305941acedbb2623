// Links a tagger's organisation span the knowledge base did not match whole ("The Associated Press"),
// and a name spelt or romanised otherwise than the knowledge base's ("Hayaat Tahrir Al-Shaam"), as the
// actor resolver does (fuzzyOrg), whatever type the tagger guessed for it.
import { orgActor } from '../actors/build-actor.ts';
import { fuzzyOrg } from '../actors/fuzzy-org.ts';
import type { Doc } from './doc.ts';
import type { Span } from './spans.ts';

export function linkSpan(doc: Doc, span: Span): Span {
  if (span.type !== 'ORG' && span.type !== 'PERSON') return span;
  // "The Associated Press" as the tagger found it is the knowledge base's "Associated Press".
  let tokens = doc.tokens.slice(span.from, span.to);
  if (tokens.length > 1 && tokens[0]!.key === 'the') tokens = tokens.slice(1);
  if (span.type === 'ORG') {
    const org = doc.kb.orgIndex.matchAt(tokens, 0);
    if (org && org.to === tokens.length) return { ...span, actor: orgActor(org.value) };
  }
  const near = fuzzyOrg(doc.kb, tokens, null);
  return near ? { ...span, type: 'ORG', actor: orgActor(near) } : span;
}
