// Removes what can never be article text, before scoring. Two strengths: `removeJunk` always runs
// (scripts, navigation, hidden elements); `removeUnlikelyCandidates` drops boxes whose class or id
// says they are chrome, and is skipped on a retry when it left too little text.
import type { Document, Element } from 'domhandler';
import { htmlRules } from '../data.ts';
import { classAndId, descendants, findFirst, isTag, removeNode } from './dom.ts';
import { TextStatsCache } from './text-stats.ts';

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
  // A heading alone is never chrome; its box may be.
  'h2',
  'h3',
  'h4',
]);

export function removeJunk(doc: Document): void {
  const rules = htmlRules();
  removeComments(doc);
  for (const el of descendants(doc)) {
    if (!el.parent || el.name === 'form') continue; // gone with an ancestor; forms are weighed below
    if (rules.dropTags.has(el.name) || isHidden(el) || rules.dropRoles.has(el.attribs.role ?? ''))
      removeNode(el);
  }
  if (rules.dropTags.has('form')) removeFormsWithoutContent(doc);
}

// A form that holds this share of the page's text is a page wrapper (ASP.NET, older CMSs), not a
// search box, login or comment form.
const WRAPPER_FORM_SHARE = 0.4;
const FORM = new Set(['form']);

/** Drops forms, except one that wraps most of the page: it becomes a plain container. */
function removeFormsWithoutContent(doc: Document): void {
  const stats = new TextStatsCache();
  let pageChars = 0;
  for (const child of doc.children) if (isTag(child)) pageChars += stats.of(child).chars;
  for (const form of descendants(doc, FORM)) {
    if (!form.parent) continue;
    if (pageChars > 0 && stats.of(form).chars >= pageChars * WRAPPER_FORM_SHARE) {
      form.name = 'div';
      continue;
    }
    stats.invalidate(form);
    removeNode(form);
  }
}

export function isHidden(el: Element): boolean {
  const a = el.attribs;
  if ('hidden' in a || a['aria-hidden'] === 'true') return true;
  if (a.style && HIDDEN_STYLE.test(a.style)) return true;
  return a.class !== undefined && a.class.split(/\s+/).some((c) => HIDDEN_CLASSES.has(c.toLowerCase()));
}

// A box holding this share of the page's own (non-link) text is where the article is, whatever
// its class says (Blogger's "widget Blog", a "share_wrapper" around the story).
const DOMINANT_SHARE = 0.5;

/**
 * Drops boxes whose class or id says they are chrome, unless they hold most of the page's text.
 * Returns the largest amount of non-link text removed with one box, so that the caller can tell
 * when the pruning may have taken the article with it.
 */
export function removeUnlikelyCandidates(doc: Document): number {
  const { unlikely, maybeCandidate } = htmlRules();
  const stats = new TextStatsCache();
  const ownText = (el: Element): number => stats.of(el).chars - stats.of(el).linkChars;
  let pageText = 0;
  for (const child of doc.children) if (isTag(child)) pageText += ownText(child);
  let largestRemoved = 0;
  for (const el of descendants(doc)) {
    if (!el.parent || NEVER_UNLIKELY.has(el.name)) continue;
    const chrome = el.name === 'aside' || el.name === 'footer' || el.name === 'header';
    if (!chrome) {
      const names = classAndId(el);
      if (!names || el.attribs.itemprop === 'articleBody') continue;
      if (!unlikely.test(names) || maybeCandidate.test(names) || holdsEmbeddedQuote(el)) continue;
    }
    const text = ownText(el);
    if (pageText > 0 && text >= pageText * DOMINANT_SHARE) continue;
    largestRemoved = Math.max(largestRemoved, text);
    removeNode(el);
  }
  return largestRemoved;
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
