// Capitals stand for governments ("Tehran sees its ties with Beijing as strategic", "Washington will
// be forced back") but stay places after a preposition of place ("a meeting in Tehran").
import { placeActor } from '../actors/build-actor.ts';
import type { Doc } from './doc.ts';
import type { Span } from './spans.ts';

const PLACE_CUES = new Set(
  'in to from near into outside inside across via through around toward towards within visit visited visiting reached arrived'.split(
    ' ',
  ),
);

export function placeOrGovernment(doc: Doc, spans: Span[]): Span[] {
  return spans.map((span) => {
    if (span.form !== 'alias' || span.actor?.type !== 'GPE') return span;
    const before = doc.tokens[span.from - 1];
    const name = doc.text.slice(doc.tokens[span.from]!.start, doc.tokens[span.to - 1]!.end);
    if (!before || !(PLACE_CUES.has(before.key) || modifierOfPlace(doc, span, name))) return span;
    return { ...span, form: 'name', actor: placeActor(name, span.actor.country!) };
  });
}

/** "the Vienna talks": a capital city (not "the Kremlin") between "the" and a lower-case noun. */
function modifierOfPlace(doc: Doc, span: Span, name: string): boolean {
  const before = doc.tokens[span.from - 1];
  const after = doc.tokens[span.to];
  if (before?.key !== 'the' || !after || !/^\p{Ll}/u.test(after.text)) return false;
  return doc.kb.countries.get(span.actor!.country!)?.capitals.includes(name) ?? false;
}
