// The simplest extractor of the cascade, for pages the scoring cannot read (no container holds
// the article, or the article is cut into many small boxes): every leaf block of prose, in page
// order, that is not link-heavy and not inside page chrome.
import type { Document, Element } from 'domhandler';
import { descendants, isTag } from './dom.ts';
import { hasBlockChild } from './score.ts';
import type { BodyCandidate } from './body-quality.ts';
import { renderBlocks } from './render.ts';
import { TextStatsCache } from './text-stats.ts';

const LEAF_BLOCKS = new Set(['p', 'pre', 'blockquote', 'li', 'td', 'dd', 'div', 'section', 'article']);
const CHROME = new Set(['header', 'footer', 'aside', 'nav', 'menu']);
const MIN_BLOCK_CHARS = 40;
const MAX_LINK_DENSITY = 0.25;

export function densityPass(doc: Document): BodyCandidate {
  const stats = new TextStatsCache();
  const kept: Element[] = [];
  for (const el of descendants(doc, LEAF_BLOCKS)) {
    if (hasBlockChild(el) || inChrome(el)) continue;
    if (stats.of(el).chars >= MIN_BLOCK_CHARS && stats.linkDensity(el) <= MAX_LINK_DENSITY) kept.push(el);
  }
  const rendered = renderBlocks(kept);
  return { ...rendered, linkDensity: 0, source: 'density' };
}

function inChrome(el: Element): boolean {
  for (let p = el.parent; p && isTag(p); p = p.parent) if (CHROME.has(p.name)) return true;
  return false;
}
