// Titles and appositions before a name: "Iranian President Ebrahim Raisi", "China's Minister of
// National Defense Wei Fenghe", "Iran's defense chief, Gen. Mohammad Reza Ashtinai", "[President Joe] Biden".
// They give the person's country and role; they are not part of the name.
import type { PhraseHit } from '../actors/phrase-index.ts';
import type { TitleValue } from '../actors/kb/knowledge-base.ts';
import type { Doc } from './doc.ts';
import type { Span } from './spans.ts';

export interface TitleClues {
  country: string | null;
  /** Canonical dated role ("President"), when the title names one. */
  role: string | null;
  /** The outermost title as written ("Interior Minister", "defense chief"). */
  text: string;
  sector: string | null;
  /** First token of the title phrase (with its country). */
  from: number;
}

const MAX_TITLE_WORDS = 6;

/** Drops title words the tagger put inside a person's span ("President Joe Biden" -> "Joe Biden"). */
export function stripLeadingTitle(doc: Doc, span: Span): Span {
  let from = span.from;
  while (from < span.to - 1) {
    const hit = doc.kb.titleIndex.matchAt(doc.tokens, from);
    if (!hit || hit.to >= span.to) break;
    from = hit.to;
  }
  return from === span.from ? span : { ...span, from };
}

/** What the words just before a name say about the person. */
export function titleBefore(doc: Doc, nameFrom: number): TitleClues | null {
  let j = nameFrom - 1;
  let sector: string | null = null;
  let role: string | null = null;
  let from = nameFrom;
  let text = '';
  // Closest first: "Gen." then ", " then "defense chief" then "Iran's".
  for (let step = 0; step < 3 && j >= 0; step++) {
    while (j >= 0 && /^[[(]$/.test(doc.tokens[j]!.text)) j--;
    const hit = titleEndingAt(doc, j);
    if (!hit) break;
    sector ??= hit.value.sector;
    role ??= hit.value.role;
    from = hit.from;
    text = doc.text.slice(doc.tokens[hit.from]!.start, doc.tokens[hit.to - 1]!.end);
    j = hit.from - 1;
    if (j >= 0 && doc.tokens[j]!.text === ',' && !role) j--;
  }
  if (from === nameFrom) return null;
  const country = countryEndingAt(doc, from - 1);
  return { country: country?.iso3 ?? null, role, text, sector, from: country?.from ?? from };
}

function titleEndingAt(doc: Doc, end: number): PhraseHit<TitleValue> | null {
  for (let k = Math.max(0, end - MAX_TITLE_WORDS + 1); k <= end; k++) {
    const hit = doc.kb.titleIndex.matchAt(doc.tokens, k);
    if (hit && hit.to === end + 1) return hit;
  }
  return null;
}

/** "Iranian", "Iran 's", "U.S." right before a title. */
export function countryEndingAt(doc: Doc, end: number): { iso3: string; from: number } | null {
  if (end < 0) return null;
  const possessive = /^['’]s$/.test(doc.tokens[end]!.text);
  const last = possessive ? end - 1 : end;
  for (let k = Math.max(0, last - 3); k <= last; k++) {
    const hit = doc.kb.countryIndex.matchAt(doc.tokens, k);
    if (hit && hit.to === last + 1 && /^\p{Lu}/u.test(doc.tokens[k]!.text))
      return { iso3: hit.value.iso3, from: k };
    const org = doc.kb.orgIndex.matchAt(doc.tokens, k);
    if (org && org.to === last + 1 && org.value.country) return { iso3: org.value.country, from: k };
  }
  return null;
}
