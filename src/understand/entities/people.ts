// Links person spans: known people by full name, surname or misspelling (with a title's support),
// earlier mentions in the same text by surname, and people the text introduces with a title.
import { personActor, titledPersonActor } from '../actors/build-actor.ts';
import { fuzzyPerson } from '../actors/fuzzy-person.ts';
import { countryOfWords } from '../actors/resolve.ts';
import { personBySurname } from '../actors/surname.ts';
import { normalizeKey } from '../text/index.ts';
import type { Actor } from '../actors/index.ts';
import type { Doc } from './doc.ts';
import type { Span } from './spans.ts';
import { stripLeadingTitle, titleBefore } from './titles.ts';

export function linkPeople(doc: Doc, spans: Span[]): Span[] {
  const people = spans.map((s) => (s.type === 'PERSON' ? stripLeadingTitle(doc, s) : s));
  const bySurname = new Map<string, Actor>();
  const owners = articleOwners(spans);
  // Full names first, so that a later (or earlier) "Raisi" finds "Ebrahim Raisi".
  const order = people.map((_, i) => i).sort((a, b) => width(people[b]!) - width(people[a]!));
  for (const i of order) {
    const span = people[i]!;
    if (span.type !== 'PERSON' && !(span.type === 'MISC' && width(span) === 1)) continue;
    const actor = span.actor ?? linkPerson(doc, span, bySurname, owners);
    if (!actor) continue;
    people[i] = { ...span, type: 'PERSON', actor };
    const words = surface(doc, span).split(/\s+/);
    if (words.length > 1) bySurname.set(normalizeKey(words[words.length - 1]!), actor);
    bySurname.set(normalizeKey(actor.name.split(/\s+/).pop() ?? ''), actor);
  }
  return shortForms(doc, attachFirstNames(doc, people));
}

/**
 * "Suu Kyi" after "Aung San Suu Kyi": the last words of a person the text names in full are that
 * person, whatever type the tagger guessed for the short form (it often reads a two-word rest as an
 * organisation). A person the knowledge base does not know gets one id for both forms.
 */
function shortForms(doc: Doc, spans: Span[]): Span[] {
  const tails = new Map<string, Actor | null>();
  const full = new Map<Span, Actor>();
  for (const span of spans) {
    if (span.type !== 'PERSON' || width(span) < 2 || span.form !== 'name') continue;
    const words = surface(doc, span).split(/\s+/).map(normalizeKey);
    const actor = span.actor ?? titledPersonActor(surface(doc, span), null, null, null);
    if (!span.actor) full.set(span, actor);
    for (let k = 1; k < words.length; k++) {
      const key = words.slice(k).join(' ');
      // Two people sharing the rest of a name: the short form names neither.
      const seen = tails.get(key);
      tails.set(key, seen === undefined || seen?.entityId === actor.entityId ? actor : null);
    }
  }
  if (!tails.size) return spans;
  let used = false;
  const out = spans.map((span) => {
    const kbName = span.origin === 'kb' && span.actor;
    if (kbName || !['PERSON', 'ORG', 'MISC'].includes(span.type)) return span;
    const key = surface(doc, span).split(/\s+/).map(normalizeKey).join(' ');
    const actor = tails.get(key);
    if (!actor || (span.actor && span.actor.entityId !== actor.entityId && span.type === 'PERSON'))
      return span;
    used = true;
    return { ...span, type: 'PERSON' as const, actor };
  });
  // The full mentions of an unknown person take the id their short forms now carry.
  return used ? out.map((span) => (full.has(span) ? { ...span, actor: full.get(span)! } : span)) : out;
}

/** Countries and organisations the article names: what a lone surname must fit. */
function articleOwners(spans: Span[]): Set<string> {
  const owners = new Set<string>();
  for (const s of spans) {
    if (s.type === 'PERSON' || !s.actor) continue;
    if (s.actor.country) owners.add(s.actor.country);
    if (s.actor.entityId.startsWith('org:')) owners.add(s.actor.entityId);
  }
  return owners;
}

function linkPerson(
  doc: Doc,
  span: Span,
  bySurname: Map<string, Actor>,
  owners: ReadonlySet<string>,
): Actor | null {
  const name = surface(doc, span);
  const single = width(span) === 1;
  const key = normalizeKey(name);
  const earlier = single ? bySurname.get(key) : undefined;
  if (earlier) return earlier;
  const clues = titleBefore(doc, span.from);
  if (single) {
    // "[President Joe] Biden": the first name right before the surname is a full mention.
    const first = firstNameBefore(doc, span.from);
    const named = first
      ? (doc.kb.surnames.get(key) ?? []).filter((p) => normalizeKey(p.name.split(/\s+/)[0] ?? '') === first)
      : [];
    if (named.length === 1) return personActor(named[0]!, doc.day, doc.kb);
    const support = { owners, role: clues?.role ?? null, titleCountry: clues?.country ?? null };
    const known = personBySurname(doc.kb, key, support);
    if (known) return personActor(known, doc.day, doc.kb);
  }
  if (span.type !== 'PERSON') return null;
  if (clues) {
    const known = fuzzyPerson(doc.kb, name, { country: clues.country, role: clues.role });
    if (known) return personActor(known, doc.day, doc.kb);
    // As the resolver does: with no country in the title, the name's words may give one.
    const country = clues.country ?? countryOfWords(doc.kb, doc.tokens.slice(span.from, span.to));
    return titledPersonActor(name, country, clues.sector, clues.role ?? clues.text);
  }
  return null;
}

/** The key of a capitalised word right before a token, past brackets ("[Joe] Biden"), or null. */
function firstNameBefore(doc: Doc, at: number): string | null {
  let k = at - 1;
  while (k >= 0 && /^[[\]()]$/.test(doc.tokens[k]!.text)) k--;
  const word = doc.tokens[k];
  return word && /^\p{Lu}\p{Ll}+$/u.test(word.text) ? word.key : null;
}

/** "[President Joe] Biden": a lone first name right before a known person's surname is that person. */
function attachFirstNames(doc: Doc, spans: Span[]): Span[] {
  return spans.map((span, i) => {
    const next = spans[i + 1];
    const known = span.actor ? doc.kb.peopleById.has(span.actor.entityId) : false;
    if (span.type !== 'PERSON' || known || width(span) !== 1 || !next?.actor || next.type !== 'PERSON')
      return span;
    const between = doc.tokens.slice(span.to, next.from).every((t) => /^[\])]$/.test(t.text));
    const first = normalizeKey(next.actor.name.split(/\s+/)[0] ?? '');
    return between && first === normalizeKey(surface(doc, span)) ? { ...span, actor: next.actor } : span;
  });
}

const width = (s: Span) => s.to - s.from;
const surface = (doc: Doc, s: Span) => doc.text.slice(doc.tokens[s.from]!.start, doc.tokens[s.to - 1]!.end);
