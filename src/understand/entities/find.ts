// Finds named entities, links them to actors and groups their mentions.
import type { Entity } from '../../model/index.ts';
import type { KnowledgeBase } from '../actors/kb/knowledge-base.ts';
import { scanNames } from '../actors/analyse.ts';
import { countryActor, orgActor, personActor, placeActor } from '../actors/build-actor.ts';
import { toIsoDay } from '../actors/dates.ts';
import type { Token } from '../actors/text.ts';
import { tokenize } from '../actors/text.ts';
import { capitalisedSpans } from './capitalised.ts';
import type { Span } from './spans.ts';
import { overlaps } from './spans.ts';
import { groupMentions } from './group.ts';

export function findEntitiesWith(kb: KnowledgeBase, text: string, published: string | null): Entity[] {
  const tokens = tokenize(text);
  const day = toIsoDay(published);
  const spans = kbSpans(kb, tokens, day);
  for (const s of capitalisedSpans(tokens)) if (!spans.some((k) => overlaps(k, s))) spans.push(s);
  spans.sort((a, b) => a.from - b.from);
  return groupMentions(text, tokens, spans);
}

function kbSpans(kb: KnowledgeBase, tokens: Token[], day: string | null): Span[] {
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
    const surface = tokens
      .slice(c.from, c.to)
      .map((t) => t.text)
      .join(' ');
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
    const isName = form === 'name' || form === 'seat';
    const mentionForm = form === 'demonym' ? 'demonym' : form === 'seat' ? 'alias' : 'name';
    if (!isName && !/^\p{Lu}/u.test(surface)) continue;
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
