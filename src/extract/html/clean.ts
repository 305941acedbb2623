// Removes what can never be article text, before scoring. Two strengths: `removeJunk` always runs
// (scripts, navigation, hidden elements); `removeUnlikelyCandidates` drops boxes whose class or id
// says they are chrome, and is skipped on a retry when it left too little text.
import type { Document, Element } from 'domhandler';
import { htmlRules } from '../data.ts';
import { classAndId, descendants, findFirst, isTag, removeNode } from './dom.ts';

const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;
const HIDDEN_CLASSES = new Set([
  'hidden',
  'sr-only',
  'visually-hidden',
  'screen-reader-text',
  'visuallyhidden',
  'offscreen',
  'hide',
  'd-none',
]);
const NEVER_UNLIKELY = new Set([
  'html',
  'body',
  'article',
  'main',
  'a',
  'figure',
  'figcaption',
  'p',
  'table',
  'tbody',
  'tr',
  'td',
  'th',
]);

export function removeJunk(doc: Document): void {
  const rules = htmlRules();
  removeComments(doc);
  for (const el of descendants(doc)) {
    if (!el.parent) continue; // already gone with an ancestor
    if (rules.dropTags.has(el.name) || isHidden(el) || rules.dropRoles.has(el.attribs.role ?? ''))
      removeNode(el);
  }
}

export function isHidden(el: Element): boolean {
  const a = el.attribs;
  if ('hidden' in a || a['aria-hidden'] === 'true') return true;
  if (a.style && HIDDEN_STYLE.test(a.style)) return true;
  return a.class !== undefined && a.class.split(/\s+/).some((c) => HIDDEN_CLASSES.has(c.toLowerCase()));
}

export function removeUnlikelyCandidates(doc: Document): void {
  const { unlikely, maybeCandidate } = htmlRules();
  for (const el of descendants(doc)) {
    if (!el.parent || NEVER_UNLIKELY.has(el.name)) continue;
    if (el.name === 'aside' || el.name === 'footer' || el.name === 'header') {
      removeNode(el);
      continue;
    }
    const names = classAndId(el);
    if (!names || el.attribs.itemprop === 'articleBody') continue;
    if (unlikely.test(names) && !maybeCandidate.test(names) && !holdsEmbeddedQuote(el)) removeNode(el);
  }
}

function removeComments(node: Document | Element): void {
  for (let i = node.children.length - 1; i >= 0; i--) {
    const child = node.children[i]!;
    if (child.type === 'comment' || child.type === 'directive') removeNode(child);
    else if (isTag(child)) removeComments(child);
  }
}

/** Embedded posts (tweets, Instagram) sit in boxes named "social" or "embed" but are quoted content. */
export function holdsEmbeddedQuote(el: Element): boolean {
  return el.name === 'blockquote' || findFirst(el, (e) => e.name === 'blockquote') !== null;
}
