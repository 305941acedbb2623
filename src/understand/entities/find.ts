// Finds named entities, links them to actors and groups their mentions:
// tagger spans (statistical) and knowledge-base names are merged, then linked, then the rules for
// titles, metonymy and coreference run over them.
import type { Entity } from '../../model/index.ts';
import type { KnowledgeBase } from '../actors/kb/knowledge-base.ts';
import { scanNames } from '../actors/analyse.ts';
import { countryActor, orgActor, personActor, placeActor } from '../actors/build-actor.ts';
import { toIsoDay } from '../actors/dates.ts';
import type { Token } from '../actors/text.ts';
import { tokenize } from '../actors/text.ts';
import type { Span } from './spans.ts';
import { overlaps } from './spans.ts';
import { groupMentions } from './group.ts';
import { tagTokens } from './tagger/tag.ts';
import type { TaggedSpan } from './tagger/tag.ts';
import { linkSpan } from './link.ts';

export interface Doc {
  kb: KnowledgeBase;
  text: string;
  tokens: Token[];
  day: string | null;
}

export function findEntitiesWith(kb: KnowledgeBase, text: string, published: string | null): Entity[] {
  const doc: Doc = { kb, text, tokens: tokenize(text), day: toIsoDay(published) };
  const known = kbSpans(doc);
  const tagged = tagTokens(kb, doc.tokens);
  const spans = mergeSpans(doc, known, tagged);
  return groupMentions(text, doc.tokens, spans);
}

/** Tagger boundaries win, the knowledge base links what it can; names only the knowledge base sees are kept. */
function mergeSpans(doc: Doc, known: Span[], tagged: TaggedSpan[]): Span[] {
  const spans: Span[] = [];
  for (const t of tagged) {
    const same = known.find((k) => k.from === t.from && k.to === t.to);
    if (same && compatible(t.type, same)) spans.push(same);
    else if (t.type !== 'MISC' || !same) spans.push(linkSpan(doc, t));
    else spans.push(same);
  }
  for (const k of known) {
    if (spans.some((s) => overlaps(s, k))) continue;
    if (!/^\p{Lu}/u.test(doc.tokens[k.from]!.text)) continue;
    spans.push(k);
  }
  return spans.sort((a, b) => a.from - b.from);
}

/** The tagger's type decides; the knowledge base links only a span of the same kind. */
function compatible(type: TaggedSpan['type'], span: Span): boolean {
  if (type === 'PER') return span.type === 'PERSON';
  if (type === 'ORG') return span.type === 'ORG';
  if (type === 'LOC') return span.type === 'GPE' || span.type === 'LOC';
  return span.form === 'demonym' || span.type === 'MISC';
}

function kbSpans(doc: Doc): Span[] {
  const { kb, tokens, day } = doc;
  const { people, orgs, countries } = scanNames(kb, tokens);
  const spans: Span[] = [];
  for (const p of people)
    spans.push({
      from: p.from,
      to: p.to,
      type: 'PERSON',
      form: 'name',
      actor: personActor(p.value, day),
      origin: 'kb',
    });
  for (const o of orgs) {
    const actor = orgActor(o.value);
    spans.push({ from: o.from, to: o.to, type: actor.type, form: 'name', actor, origin: 'kb' });
  }
  for (const c of countries) {
    const surface = doc.text.slice(tokens[c.from]!.start, tokens[c.to - 1]!.end);
    const { iso3, form } = c.value;
    if (form === 'place') {
      spans.push({
        from: c.from,
        to: c.to,
        type: 'GPE',
        form: 'name',
        actor: placeActor(surface, iso3),
        origin: 'kb',
      });
      continue;
    }
    const mentionForm = form === 'demonym' ? 'demonym' : form === 'seat' ? 'alias' : 'name';
    spans.push({
      from: c.from,
      to: c.to,
      type: 'GPE',
      form: mentionForm,
      actor: countryActor(kb, iso3),
      origin: 'kb',
    });
  }
  return spans;
}
