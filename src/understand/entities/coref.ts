// Within-text references: "the Iranian president" (a role held on the text's date by a person the
// text names) and "he"/"she" (the person last named before, within the previous two sentences).
import { personActor } from '../actors/build-actor.ts';
import type { Doc } from './doc.ts';
import type { Span } from './spans.ts';
import { overlaps } from './spans.ts';
import { countryEndingAt } from './titles.ts';

const PRONOUNS = new Set(['he', 'she', 'him', 'his', 'her', 'hers']);

export function addReferences(doc: Doc, spans: Span[]): Span[] {
  const out = [...spans, ...descriptions(doc, spans)].sort((a, b) => a.from - b.from);
  return [...out, ...pronouns(doc, out)].sort((a, b) => a.from - b.from);
}

/** "the Iranian president", "Iran's defense chief": a role of a country, with no name after it. */
function descriptions(doc: Doc, spans: Span[]): Span[] {
  if (!doc.day) return [];
  const named = new Set(spans.filter((s) => s.type === 'PERSON' && s.actor).map((s) => s.actor!.entityId));
  const out: Span[] = [];
  for (const hit of doc.kb.titleIndex.scan(doc.tokens)) {
    if (!hit.value.role) continue;
    const next = doc.tokens[hit.to];
    if (next && /^\p{Lu}/u.test(next.text)) continue; // a title before a name, not a reference
    const country = countryEndingAt(doc, hit.from - 1);
    if (!country) continue;
    const holder = doc.kb.holderOf(hit.value.role, country.iso3, doc.day);
    if (!holder || !named.has(holder.person.id)) continue;
    const span: Span = {
      from: hit.from,
      to: hit.to,
      type: 'PERSON',
      form: 'description',
      actor: personActor(holder.person, doc.day, doc.kb),
      origin: 'coref',
    };
    if (!spans.some((s) => s.type === 'PERSON' && overlaps(s, span))) out.push(span);
  }
  return out;
}

function pronouns(doc: Doc, spans: Span[]): Span[] {
  const out: Span[] = [];
  let last: Span | null = null;
  let k = 0;
  for (let i = 0; i < doc.tokens.length; i++) {
    while (k < spans.length && spans[k]!.from <= i) {
      if (spans[k]!.type === 'PERSON' && spans[k]!.actor) last = spans[k]!;
      k++;
    }
    if (!PRONOUNS.has(doc.tokens[i]!.key) || !last) continue;
    if (doc.sentenceOf[i]! - doc.sentenceOf[last.from]! > 1) continue;
    out.push({ from: i, to: i + 1, type: 'PERSON', form: 'pronoun', actor: last.actor, origin: 'coref' });
  }
  return out;
}
