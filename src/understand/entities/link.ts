// Links a tagger's organisation span the knowledge base did not match whole ("The Associated Press"),
// and a name spelt or romanised otherwise than the knowledge base's ("Hayaat Tahrir Al-Shaam"), as the
// actor resolver does (fuzzyOrg), whatever type the tagger guessed for it.
import type { Actor } from '../actors/index.ts';
import { groupActor, orgActor, slug } from '../actors/build-actor.ts';
import { fuzzyOrg } from '../actors/fuzzy-org.ts';
import { resolveWith } from '../actors/resolve.ts';
import { SHORT_FORM, initialsFit } from '../actors/short-form.ts';
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

/**
 * "the Department for International Development (DfID)", "the Press Association (PA)": a name followed
 * by a short form of its initials in brackets defines the short form for the rest of the text. Each
 * later mention of it (and the one in brackets) is the named body, whatever the knowledge base or the
 * tagger made of the short form alone ("PA" is the Palestinian Authority elsewhere).
 */
export function linkAcronyms(doc: Doc, spans: Span[]): Span[] {
  const { tokens } = doc;
  if (!doc.text.includes('(')) return spans;
  const defined = new Map<string, { at: number; actor: Actor; type: Span['type'] }>();
  // The name itself, where nothing linked it, is the body its short form is.
  const names = new Map<Span, Actor>();
  for (let i = 1; i + 2 < tokens.length; i++) {
    const short = tokens[i + 1]!.text;
    if (tokens[i]!.text !== '(' || tokens[i + 2]!.text !== ')' || !SHORT_FORM.test(short)) continue;
    // A place's name ("… Republic (CAR)") is read as the place it is, a treaty's or a law's (MISC)
    // as what it is: only bodies (and people the tagger took a body for) define short forms here.
    const named = spans.find(
      (s) =>
        s.to === i && s.to - s.from >= 2 && s.form === 'name' && (s.type === 'ORG' || s.type === 'PERSON'),
    );
    if (!named || !initialsFit(short, tokens.slice(named.from, named.to))) continue;
    const surface = doc.text.slice(tokens[named.from]!.start, tokens[named.to - 1]!.end);
    // A person's name by the tagger is a body only where the resolver reads one ("Press Association").
    const actor = named.actor ?? namedBody(doc, surface, named.type === 'ORG');
    if (!actor) continue;
    const key = short.toLowerCase();
    // Two bodies given the same short form: it names neither.
    const seen = defined.get(key);
    if (seen && seen.actor.entityId !== actor.entityId) defined.set(key, { ...seen, at: Infinity });
    else if (!seen) defined.set(key, { at: i + 1, actor, type: named.actor ? named.type : 'ORG' });
    if (!named.actor) names.set(named, actor);
  }
  if (!defined.size) return spans;
  const out = spans.map((s) => {
    const actor = names.get(s);
    if (actor) return { ...s, type: 'ORG' as const, actor };
    const def = s.to - s.from === 1 ? defined.get(tokens[s.from]!.text.toLowerCase()) : undefined;
    if (!def || s.from < def.at || tokens[s.from]!.text !== tokens[def.at]!.text) return s;
    return { ...s, type: def.type, form: 'alias' as const, actor: def.actor };
  });
  for (let i = 0; i < tokens.length; i++) {
    const def = defined.get(tokens[i]!.text.toLowerCase());
    if (!def || i < def.at || tokens[i]!.text !== tokens[def.at]!.text) continue;
    if (out.some((s) => s.from <= i && i < s.to)) continue;
    out.push({ from: i, to: i + 1, type: def.type, form: 'alias', actor: def.actor, origin: 'coref' });
  }
  return out.sort((a, b) => a.from - b.from);
}

/**
 * The body a name the knowledge base does not know whole stands for: a known body it resolves to, else
 * a body of its own with what the resolver reads of its kind ("Kurdistan Democratic Party": a party);
 * two such names in one text are two bodies, not one group. A place or person it resolves to ("…
 * Cooperation in Europe") is no reading of a body's name. Without `bare`, a name the resolver reads
 * as no body gives null.
 */
function namedBody(doc: Doc, surface: string, bare: boolean): Actor | null {
  const name = surface.replace(/^the\s+/i, '');
  const found = resolveWith(doc.kb, surface, { date: doc.day });
  const body = found?.type === 'ORG' ? found : null;
  if (body && !body.entityId.startsWith('group:')) return body;
  if (!body && !bare) return null;
  return { ...(body ?? groupActor(name, null, null, null)), name, entityId: `org:${slug(name)}` };
}
