// Chooses the article's subtree: a strong markup signal (itemprop=articleBody, CMS content
// classes) when it holds most of the scored text, else the Readability-style best candidate with
// its related siblings; then trims furniture that sits inside it.
import type { AnyNode, Document, Element } from 'domhandler';
import { selectAll } from 'css-select';
import { htmlRules } from '../data.ts';
import { descendants, isTag, removeNode } from './dom.ts';
import {
  bestCandidate,
  classWeight,
  promoteCandidate,
  scoreCandidates,
  withRelatedSiblings,
} from './score.ts';
import type { TextStatsCache } from './text-stats.ts';
import { holdsEmbeddedQuote } from './clean.ts';

export interface BodySelection {
  roots: Element[];
  /** Which rule chose it, for debugging and tests. */
  via: 'signal' | 'score';
}

export function selectBody(doc: Document, stats: TextStatsCache): BodySelection | null {
  const scores = scoreCandidates(doc, stats);
  const top = bestCandidate(scores);
  if (!top) return null;
  const promoted = promoteCandidate(outsideQuote(top, stats), scores);
  const signal = contentSignal(doc, stats, promoted);
  if (signal) return { roots: [signal], via: 'signal' };
  const roots = withRelatedSiblings(promoted, scores, stats);
  const dominant = dominantArticle(roots, stats);
  return { roots: dominant ? [dominant] : roots, via: 'score' };
}

/**
 * A body made of several <article>s where one holds most of the text (a section front with one
 * full story among teasers) is that one story. Entries of similar size (a live blog) stay together.
 */
function dominantArticle(roots: Element[], stats: TextStatsCache): Element | null {
  const articles: Element[] = [];
  let total = 0;
  for (const root of roots) {
    total += stats.of(root).chars;
    if (root.name === 'article') articles.push(root);
    else articles.push(...outermostArticles(root));
  }
  if (articles.length < 3) return null;
  const bySize = articles.sort((a, b) => stats.of(b).chars - stats.of(a).chars);
  const first = stats.of(bySize[0]!).chars;
  const second = stats.of(bySize[1]!).chars;
  return first >= total * 0.5 && first >= second * 2.5 ? bySize[0]! : null;
}

function outermostArticles(root: Element): Element[] {
  const out: Element[] = [];
  const visit = (el: Element): void => {
    for (const child of el.children) {
      if (!isTag(child)) continue;
      if (child.name === 'article') out.push(child);
      else visit(child);
    }
  };
  visit(root);
  return out;
}

/**
 * A quotation is part of a story, never the story: when the best block is a quote (an embedded
 * post with more commas than the short article around it), the story is the nearest ancestor that
 * holds clearly more than the quote.
 */
function outsideQuote(top: Element, stats: TextStatsCache): Element {
  if (top.name !== 'blockquote') return top;
  const quoteChars = stats.of(top).chars;
  for (let p = top.parent; p && isTag(p) && p.name !== 'body'; p = p.parent) {
    if (stats.of(p).chars >= quoteChars * 1.5) return p;
  }
  return top;
}

/**
 * A marked-up article body (itemprop=articleBody, a CMS body class) of about the candidate's size:
 * markup is more reliable than scores at the edges (intro paragraphs, interleaved ads), but an
 * outer wrapper much larger than the candidate holds more than the article.
 */
function contentSignal(doc: Document, stats: TextStatsCache, candidate: Element): Element | null {
  const candidateChars = stats.of(candidate).chars || 1;
  const { contentSignals, contentClass } = htmlRules();
  const matches = new Set<Element>();
  for (const selector of contentSignals) {
    for (const el of selectAll<AnyNode, Element>(selector, doc)) matches.add(el);
  }
  for (const el of descendants(doc)) if (contentClass.test(el.attribs.class ?? '')) matches.add(el);
  let best: Element | null = null;
  let bestDistance = Infinity;
  for (const el of matches) {
    const { chars } = stats.of(el);
    const ratio = chars / candidateChars;
    if (chars < 200 || stats.linkDensity(el) > 0.35 || ratio < 0.7 || ratio > 1.6) continue;
    const distance = Math.abs(Math.log(ratio));
    if (distance < bestDistance) {
      best = el;
      bestDistance = distance;
    }
  }
  return best;
}

// Quoted posts (embedded tweets) are link-heavy but are part of the story.
const LINK_DENSE_OK = new Set(['a', 'span', 'blockquote']);
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
    removeNestedArticles(root, stats);
    const rootChars = stats.of(root).chars || 1;
    const elements = descendants(root, CONDITIONAL_TAGS).reverse();
    for (const el of elements) {
      if (!el.parent) continue;
      const { chars, commas } = stats.of(el);
      const small = chars < rootChars * 0.3;
      const names = `${el.attribs.class ?? ''} ${el.attribs.id ?? ''}`;
      const linkDensity = stats.linkDensity(el);
      let remove = false;
      const quoted = names.trim() !== '' && holdsEmbeddedQuote(el);
      if (el.name === 'h1' || el.name === 'aside' || el.name === 'header' || el.name === 'footer')
        remove = small;
      else if (names.trim() && boilerplateInBody.test(names) && small && !quoted && !/caption/i.test(names))
        remove = true;
      else if (classWeight(el) < 0 && small && !quoted && !/caption|credit/i.test(names)) remove = true;
      else if (!LINK_DENSE_OK.has(el.name) && commas < 10 && chars > 0 && small) {
        remove = linkDensity > (el.name === 'p' || el.name === 'li' ? 0.8 : 0.5);
      }
      if (remove) {
        stats.invalidate(el);
        removeNode(el);
      }
    }
  }
}

/** An <article> inside another <article> is a teaser or a comment, not more of the same story. */
function removeNestedArticles(root: Element, stats: TextStatsCache): void {
  const rootChars = stats.of(root).chars || 1;
  for (const el of descendants(root, ARTICLE)) {
    if (!el.parent || stats.of(el).chars > rootChars * 0.5) continue;
    if (ancestorsUntilDocument(el).some((a) => a.name === 'article')) {
      stats.invalidate(el);
      removeNode(el);
    }
  }
}

const ARTICLE = new Set(['article']);

function ancestorsUntilDocument(el: Element): Element[] {
  const out: Element[] = [];
  for (let p = el.parent; p && isTag(p); p = p.parent) out.push(p);
  return out;
}

const TEASER_HEADINGS = new Set(['h2', 'h3', 'h4']);
const PARAGRAPH = new Set(['p']);
const MAX_TEASER_CHARS = 500;

/**
 * An index or section page has no single article: either the body is a run of teasers (headings
 * that are links, with less prose than teasers) or the best block is itself one teaser among
 * several like it on the page.
 */
export function isListing(doc: Document, roots: Element[], stats: TextStatsCache): boolean {
  const bodyTeasers = roots.reduce((n, root) => n + teaserHeadings(root, stats), 0);
  let paragraphs = 0;
  let chars = 0;
  for (const root of roots) {
    chars += stats.of(root).chars;
    for (const p of descendants(root, PARAGRAPH)) if (stats.of(p).chars >= 80) paragraphs++;
  }
  if (bodyTeasers >= 4 && paragraphs < bodyTeasers) return true;
  return bodyTeasers >= 1 && chars < MAX_TEASER_CHARS && teaserHeadings(doc, stats) >= 3;
}

function teaserHeadings(root: Document | Element, stats: TextStatsCache): number {
  let n = 0;
  for (const h of descendants(root, TEASER_HEADINGS))
    if (stats.of(h).chars > 15 && stats.linkDensity(h) > 0.8) n++;
  return n;
}
