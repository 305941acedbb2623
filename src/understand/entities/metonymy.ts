// Capitals stand for governments ("Tehran sees its ties with Beijing as strategic", "Washington will
// be forced back") but stay places after a preposition of place ("a meeting in Tehran").
import { placeActor } from '../actors/build-actor.ts';
import type { Doc } from './doc.ts';
import type { Span } from './spans.ts';

// "the Vienna talks": a capital as a modifier names the place too.
const PLACE_CUES = new Set(
  'in to from near into outside inside across via through around toward towards within visit visited visiting reached arrived the'.split(
    ' ',
  ),
);

export function placeOrGovernment(doc: Doc, spans: Span[]): Span[] {
  return spans.map((span) => {
    if (span.form !== 'alias' || span.actor?.type !== 'GPE') return span;
    const before = doc.tokens[span.from - 1];
    if (!before || !PLACE_CUES.has(before.key)) return span;
    const name = doc.text.slice(doc.tokens[span.from]!.start, doc.tokens[span.to - 1]!.end);
    return { ...span, form: 'name', actor: placeActor(name, span.actor.country!) };
  });
}
