// Merges tagger spans with knowledge-base names: whole KB names beat tagger fragments ("Ebrahim" +
// "Raisi" -> "Ebrahim Raisi"); a longer tagger name of another kind stands ("Manchester United").
import type { Doc } from './doc.ts';
import type { Span } from './spans.ts';
import { overlaps } from './spans.ts';
import type { TaggedSpan } from './tagger/tag.ts';

const TYPES = { PER: 'PERSON', ORG: 'ORG', LOC: 'LOC', MISC: 'MISC' } as const;

export function mergeSpans(doc: Doc, known: Span[], tagged: TaggedSpan[]): Span[] {
  const out: Span[] = [];
  const usedKnown = new Set<Span>();
  const trimmed = tagged.map((t) => trimPunctuation(doc, t)).filter((t): t is TaggedSpan => t !== null);
  for (const t of mergeAdjacentPeople(doc, trimmed)) {
    const inside = known.filter((k) => overlaps(k, t));
    const same = inside.find((k) => k.from === t.from && k.to === t.to);
    if (same) {
      usedKnown.add(same);
      out.push(compatible(t.type, same) || isCountryAbbreviation(doc, t, same) ? same : taggerSpan(t));
      continue;
    }
    // A knowledge-base name at least as long as the fragment holds it and is added below.
    if (inside.some((k) => k.to - k.from >= t.to - t.from && !(t.from <= k.from && k.to <= t.to))) continue;
    out.push(taggerSpan(t));
  }
  for (const k of known) {
    if (usedKnown.has(k)) continue;
    const clash = out.some((s) => overlaps(s, k));
    if (clash || !/^[\p{Lu}\d]/u.test(doc.tokens[k.from]!.text)) continue;
    out.push(k);
  }
  return out.sort((a, b) => a.from - b.from);
}

/** "Ramaphosa…" -> "Ramaphosa": names do not start or end with punctuation. */
function trimPunctuation(doc: Doc, t: TaggedSpan): TaggedSpan | null {
  let { from, to } = t;
  const punct = (i: number) => !/[\p{L}\p{N}]/u.test(doc.tokens[i]!.text);
  while (from < to && punct(from)) from++;
  while (to > from && punct(to - 1)) to--;
  return from < to ? { ...t, from, to } : null;
}

function taggerSpan(t: TaggedSpan): Span {
  return { from: t.from, to: t.to, type: TYPES[t.type], form: 'name', actor: null, origin: 'tagger' };
}

/** The tagger's type decides; the knowledge base links only a span of the same kind. */
function compatible(type: TaggedSpan['type'], span: Span): boolean {
  if (type === 'PER') return span.type === 'PERSON';
  if (type === 'ORG') return span.type === 'ORG';
  if (type === 'LOC') return span.type === 'GPE' || span.type === 'LOC';
  return span.form === 'demonym' || span.type === 'MISC';
}

/** "US", "U.S.", "UK" are the country even where the tagger guesses an organisation (not in headlines). */
function isCountryAbbreviation(doc: Doc, t: TaggedSpan, span: Span): boolean {
  if (t.type !== 'ORG' || span.type !== 'GPE' || span.form !== 'name' || t.to - t.from !== 1) return false;
  const token = doc.tokens[t.from]!.text;
  if (!/^[A-Z.]{2,5}$/.test(token)) return false;
  const [from, to] = doc.sentences[doc.sentenceOf[t.from]!]!;
  for (let i = from; i < to; i++) if (LOWER_CASE.test(doc.tokens[i]!.text)) return true;
  return false;
}

const LOWER_CASE = /\p{Ll}/u;

/** "Ebrahim"/PER "Raisi"/PER with only a space between them are one name. */
function mergeAdjacentPeople(doc: Doc, tagged: TaggedSpan[]): TaggedSpan[] {
  const out: TaggedSpan[] = [];
  for (const t of tagged) {
    const last = out[out.length - 1];
    const gap = last ? doc.text.slice(doc.tokens[last.to - 1]!.end, doc.tokens[t.from]!.start) : '';
    if (last && last.type === 'PER' && t.type === 'PER' && last.to === t.from && /^ $/.test(gap)) {
      out[out.length - 1] = { ...last, to: t.to };
    } else out.push(t);
  }
  return out;
}
