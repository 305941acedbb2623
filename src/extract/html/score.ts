// Readability-style content scoring, split into named steps: find paragraph-like blocks, score
// each one, credit its ancestors, pick the best ancestor, climb when its parent holds more of the
// article, then add siblings that look like more of the same article.
import type { Document, Element } from 'domhandler';
import { htmlRules } from '../data.ts';
import { descendants, isTag, isText } from './dom.ts';
import type { TextStatsCache } from './text-stats.ts';

const SCORED_TAGS = new Set([
  'p',
  'pre',
  'td',
  'section',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'div',
  'blockquote',
  'li',
]);
export const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'tbody',
  'thead',
  'tfoot',
  'tr',
  'td',
  'th',
  'ul',
  'br',
]);
const MIN_PARAGRAPH_CHARS = 25;
const ANCESTOR_LEVELS = 5;

export type Scores = Map<Element, number>;

/** Blocks whose own text counts as a paragraph: <p>, <pre>, and divs used as paragraphs. */
export function paragraphBlocks(root: Document | Element): Element[] {
  return descendants(root, SCORED_TAGS).filter((el) => {
    if (el.name === 'li') return !hasBlockChild(el);
    return true;
  });
}

export function hasBlockChild(el: Element): boolean {
  for (const child of el.children)
    if (isTag(child) && BLOCK_TAGS.has(child.name) && child.name !== 'br') return true;
  return false;
}

export function paragraphScore(el: Element, stats: TextStatsCache): number {
  const { chars, commas } = stats.of(el);
  if (chars < MIN_PARAGRAPH_CHARS) return 0;
  return 1 + commas + Math.min(Math.floor(chars / 100), 3);
}

/** Score an element gets for what it is before any paragraph credits it. */
export function initialScore(el: Element): number {
  const byTag: Record<string, number> = {
    div: 5,
    article: 8,
    main: 3,
    pre: 3,
    td: 3,
    blockquote: 3,
    form: -3,
    ol: -3,
    ul: -3,
    dl: -3,
    li: -3,
    address: -3,
    th: -5,
    h1: -5,
    h2: -5,
    h3: -5,
  };
  return (byTag[el.name] ?? 0) + classWeight(el);
}

export function classWeight(el: Element): number {
  const { positive, negative } = htmlRules();
  let weight = 0;
  for (const value of [el.attribs.class, el.attribs.id]) {
    if (!value) continue;
    if (negative.test(value)) weight -= 25;
    if (positive.test(value)) weight += 25;
  }
  if (el.attribs.itemprop === 'articleBody') weight += 50;
  return weight;
}

/** Credits each paragraph's score to its ancestors: full to the parent, halved to the grandparent, then less. */
export function scoreCandidates(root: Document | Element, stats: TextStatsCache): Scores {
  const scores: Scores = new Map();
  const credit = (from: Element | null, score: number): void => {
    let level = 0;
    for (let p: Element | null = from; p && level < ANCESTOR_LEVELS; p = parentElement(p), level++) {
      if (!scores.has(p)) scores.set(p, initialScore(p));
      const divider = level === 0 ? 1 : level === 1 ? 2 : level * 3;
      scores.set(p, scores.get(p)! + score / divider);
    }
  };
  for (const block of paragraphBlocks(root)) {
    if (!hasBlockChild(block)) {
      const score = paragraphScore(block, stats);
      if (score) credit(parentElement(block), score);
    } else {
      // Text written straight into a container among its blocks counts as a paragraph of that container.
      const score = looseTextScore(block, stats);
      if (score) credit(block, score);
    }
  }
  for (const [el, score] of scores) scores.set(el, score * (1 - stats.linkDensity(el)));
  return scores;
}

function parentElement(el: Element): Element | null {
  const parent = el.parent;
  return parent && isTag(parent) ? parent : null;
}

function looseTextScore(el: Element, stats: TextStatsCache): number {
  let chars = 0;
  let commas = 0;
  for (const child of el.children) {
    if (isText(child)) {
      chars += child.data.trim().length;
      commas += child.data.split(',').length - 1;
    } else if (isTag(child) && !BLOCK_TAGS.has(child.name) && child.name !== 'a') {
      chars += stats.of(child).chars;
      commas += stats.of(child).commas;
    }
  }
  if (chars < MIN_PARAGRAPH_CHARS * 4) return 0;
  return 1 + commas + Math.min(Math.floor(chars / 100), 3);
}

export function bestCandidate(scores: Scores): Element | null {
  let best: Element | null = null;
  let bestScore = -Infinity;
  for (const [el, score] of scores) {
    if (score > bestScore) {
      best = el;
      bestScore = score;
    }
  }
  return best;
}

/** Climbs while the parent scores higher (it holds more of the article) or the candidate is an only child. */
export function promoteCandidate(top: Element, scores: Scores): Element {
  let candidate = top;
  let lastScore = scores.get(top) ?? 0;
  const threshold = lastScore / 3;
  for (let p = candidate.parent; p && isTag(p) && p.name !== 'body' && p.name !== 'html'; p = p.parent) {
    const parentScore = scores.get(p);
    if (parentScore === undefined) {
      if (onlyElementChild(p) === candidate) {
        candidate = p;
        continue;
      }
      break;
    }
    if (parentScore < threshold) break;
    if (parentScore > lastScore) candidate = p;
    lastScore = parentScore;
  }
  return candidate;
}

function onlyElementChild(el: Element): Element | null {
  let only: Element | null = null;
  for (const child of el.children) {
    if (isTag(child)) {
      if (only) return null;
      only = child;
    } else if (isText(child) && child.data.trim()) return null;
  }
  return only;
}

/** The candidate plus siblings that score near it or read like article paragraphs, in document order. */
export function withRelatedSiblings(top: Element, scores: Scores, stats: TextStatsCache): Element[] {
  const parent = top.parent;
  if (!parent || !isTag(parent)) return [top];
  const topScore = scores.get(top) ?? 0;
  const threshold = Math.max(10, topScore * 0.2);
  const topClass = top.attribs.class ?? '';
  const topChars = stats.of(top).chars;
  return parent.children.filter((sibling): sibling is Element => {
    if (!isTag(sibling)) return false;
    if (sibling === top) return true;
    // More of the same article is a continuation, not a bigger block that lost on score.
    if (stats.of(sibling).chars > topChars * 1.5) return false;
    const bonus = topClass && sibling.attribs.class === topClass ? topScore * 0.2 : 0;
    if ((scores.get(sibling) ?? -Infinity) + bonus >= threshold) return true;
    return sibling.name === 'p' && looksLikeProse(sibling, stats);
  });
}

function looksLikeProse(el: Element, stats: TextStatsCache): boolean {
  const { chars } = stats.of(el);
  const density = stats.linkDensity(el);
  if (chars > 80) return density < 0.25;
  return chars > 0 && density === 0 && /[.!?]["”’]?\s*$/.test(textTail(el));
}

function textTail(el: Element): string {
  const last = el.children[el.children.length - 1];
  return last && isText(last) ? last.data : '';
}
