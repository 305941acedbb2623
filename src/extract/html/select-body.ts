// Chooses the article's subtree: a strong markup signal (itemprop=articleBody, CMS content
// classes) when it holds most of the scored text, else the Readability-style best candidate with
// its related siblings; then trims furniture that sits inside it.
import type { AnyNode, Document, Element } from 'domhandler';
import { selectAll } from 'css-select';
import { htmlRules } from '../data.ts';
import { descendants, removeNode } from './dom.ts';
import {
  bestCandidate,
  classWeight,
  promoteCandidate,
  scoreCandidates,
  withRelatedSiblings,
} from './score.ts';
import type { TextStatsCache } from './text-stats.ts';

export interface BodySelection {
  roots: Element[];
  /** Which rule chose it, for debugging and tests. */
  via: 'signal' | 'score';
}

export function selectBody(doc: Document, stats: TextStatsCache): BodySelection | null {
  const scores = scoreCandidates(doc, stats);
  const top = bestCandidate(scores);
  if (!top) return null;
  const promoted = promoteCandidate(top, scores);
  const signal = contentSignal(doc, stats, promoted);
  if (signal) return { roots: [signal], via: 'signal' };
  return { roots: withRelatedSiblings(promoted, scores, stats), via: 'score' };
}

/** A marked-up article body that holds at least as much text as the scored candidate roughly does. */
function contentSignal(doc: Document, stats: TextStatsCache, candidate: Element): Element | null {
  const candidateChars = stats.of(candidate).chars;
  const matches = new Set<Element>();
  for (const selector of htmlRules().contentSignals) {
    for (const el of selectAll<AnyNode, Element>(selector, doc)) matches.add(el);
  }
  let best: Element | null = null;
  for (const el of matches) {
    const { chars } = stats.of(el);
    if (chars < 200 || stats.linkDensity(el) > 0.35) continue;
    if (chars < candidateChars * 0.6) continue;
    if (!best || stats.of(best).chars < chars) best = el;
  }
  // An inner body wrapper inside a larger matched wrapper: prefer the outer one only when it adds text.
  return best;
}

const CONDITIONAL_TAGS = new Set([
  'div',
  'section',
  'ul',
  'ol',
  'table',
  'aside',
  'header',
  'footer',
  'p',
  'span',
  'dl',
  'figure',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'li',
  'a',
]);

/** Removes boxes inside the article that are furniture (share bars, related lists, ads, bylines). */
export function trimBody(roots: Element[], stats: TextStatsCache): void {
  const { boilerplateInBody } = htmlRules();
  for (const root of roots) {
    const rootChars = stats.of(root).chars || 1;
    const elements = descendants(root, CONDITIONAL_TAGS).reverse();
    for (const el of elements) {
      if (!el.parent) continue;
      const { chars, commas } = stats.of(el);
      const small = chars < rootChars * 0.3;
      const names = `${el.attribs.class ?? ''} ${el.attribs.id ?? ''}`;
      const linkDensity = stats.linkDensity(el);
      let remove = false;
      if (el.name === 'h1' || el.name === 'aside' || el.name === 'header' || el.name === 'footer')
        remove = small;
      else if (names.trim() && boilerplateInBody.test(names) && small && !/caption/i.test(names))
        remove = true;
      else if (classWeight(el) < 0 && small && !/caption|credit/i.test(names)) remove = true;
      else if (el.name !== 'a' && el.name !== 'span' && commas < 10 && chars > 0 && small) {
        remove = linkDensity > (el.name === 'p' || el.name === 'li' ? 0.8 : 0.5);
      }
      if (remove) {
        stats.invalidate(el);
        removeNode(el);
      }
    }
  }
}
