// Links a tagger span the knowledge base did not match whole: known people by surname, organisations
// and places by name; otherwise a new actor of the tagger's type.
import type { EntityType } from '../../model/index.ts';
import { orgActor, personActor } from '../actors/build-actor.ts';
import type { Doc } from './find.ts';
import type { Span } from './spans.ts';
import type { TaggedSpan } from './tagger/tag.ts';

const TYPES: Record<TaggedSpan['type'], EntityType> = { PER: 'PERSON', ORG: 'ORG', LOC: 'LOC', MISC: 'MISC' };

export function linkSpan(doc: Doc, tagged: TaggedSpan): Span {
  const type = TYPES[tagged.type];
  const span: Span = { from: tagged.from, to: tagged.to, type, form: 'name', actor: null, origin: 'tagger' };
  const tokens = doc.tokens.slice(tagged.from, tagged.to);
  if (type === 'PERSON' && tokens.length === 1) {
    const people = doc.kb.surnames.get(tokens[0]!.key) ?? [];
    if (people.length === 1) span.actor = personActor(people[0]!, doc.day);
  } else if (type === 'ORG') {
    const org = doc.kb.orgIndex.matchAt(tokens, 0);
    if (org && org.to === tokens.length) span.actor = orgActor(org.value);
  }
  return span;
}
