// Finds named entities, links them to actors and groups their mentions: tagger spans and
// knowledge-base names are merged, people linked (titles, surnames, misspellings), capitals read as
// governments or places, false entities dropped, and references (descriptions, pronouns) added.
import type { Entity } from '../../model/index.ts';
import type { KnowledgeBase } from '../actors/kb/knowledge-base.ts';
import { scanNames } from '../actors/analyse.ts';
import { countryActor, orgActor, personActor, placeActor } from '../actors/build-actor.ts';
import { toIsoDay } from '../actors/dates.ts';
import { isLoneName } from '../actors/surname.ts';
import { textDocFor, type TextDoc } from '../text/index.ts';
import type { Doc } from './doc.ts';
import type { Span } from './spans.ts';
import { groupMentions } from './group.ts';
import { tagTokens } from './tagger/tag.ts';
import { linkAcronyms, linkSpan } from './link.ts';
import { mergeSpans } from './merge.ts';
import { linkPeople } from './people.ts';
import { placeOrGovernment } from './metonymy.ts';
import { dropFalseEntities } from './filters.ts';
import { addReferences } from './coref.ts';

export function findEntitiesWith(
  kb: KnowledgeBase,
  text: string,
  published: string | null,
  textDoc?: TextDoc,
): Entity[] {
  const doc = readDoc(kb, textDocFor(text, textDoc, 'entities'), published);
  const names = scanNames(kb, doc.tokens);
  const tagged = tagTokens(kb, doc.tokens, doc.sentences, names);
  let spans = mergeSpans(doc, kbSpans(doc, names), tagged).map((s) => (s.actor ? s : linkSpan(doc, s)));
  spans = linkAcronyms(doc, spans);
  spans = linkPeople(doc, spans);
  spans = placeOrGovernment(doc, spans);
  spans = dropFalseEntities(doc, spans);
  spans = addReferences(doc, spans);
  return groupMentions(text, doc.tokens, spans);
}

/** The text layer's tokens and plain sentences (every sentence end counts, also inside quotes). */
function readDoc(kb: KnowledgeBase, textDoc: TextDoc, published: string | null): Doc {
  const { text, tokens } = textDoc;
  const sentences = textDoc.plainSentences.map((s): [number, number] => [s.first, s.last]);
  return { kb, text, tokens, sentences, sentenceOf: textDoc.plainSentenceOf, day: toIsoDay(published) };
}

function kbSpans(doc: Doc, names: ReturnType<typeof scanNames>): Span[] {
  const { kb, tokens, day } = doc;
  const { people, orgs, countries } = names;
  const spans: Span[] = [];
  for (const p of people)
    spans.push({
      from: p.from,
      to: p.to,
      type: 'PERSON',
      form: 'name',
      // A lone surname ("Putin") is linked with the article's support (linkPeople), not on sight.
      actor: isLoneName(p.value, p) ? null : personActor(p.value, day, kb),
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
