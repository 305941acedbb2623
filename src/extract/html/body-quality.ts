// Measures how much a candidate body reads like an article, so that the extraction passes can be
// compared by what they produced rather than by which one ran first. Prose (paragraphs with
// several words and sentence punctuation) counts in full; short lines (headings, list items,
// labels) count a quarter; link-heavy bodies are discounted.

export interface BodyCandidate {
  paragraphs: string[];
  captions: string[];
  /** The chosen body looks like an index page (teasers), not one article. */
  listing?: boolean;
  /** Share of the body's text inside links, measured on the DOM before rendering. */
  linkDensity: number;
  /** Which pass produced it, for tests and debugging. */
  source: 'strict' | 'lenient' | 'density' | 'json-ld' | 'site-rule';
}

const SENTENCE_END = /[.!?…:;)"”’»]\s*$|[.!?]["”’»)]?\s/;

export function proseChars(paragraphs: string[]): number {
  let n = 0;
  for (const p of paragraphs) {
    const words = countWords(p);
    n += words >= 8 && SENTENCE_END.test(p) ? p.length : p.length / 4;
  }
  return n;
}

export function quality(candidate: BodyCandidate): number {
  if (candidate.listing) return 0;
  return proseChars(candidate.paragraphs) * (1 - Math.min(candidate.linkDensity, 1));
}

export function totalChars(paragraphs: string[]): number {
  let n = 0;
  for (const p of paragraphs) n += p.length;
  return n;
}

function countWords(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = text.charCodeAt(i) <= 32;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}
