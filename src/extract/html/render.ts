// Turns the chosen article subtree into paragraphs (one per block, blank line between) and
// captions (figcaption and caption/credit boxes), so captions never leak into the body.
import type { AnyNode, Element } from 'domhandler';
import { isTag, isText } from './dom.ts';
import { BLOCK_TAGS } from './score.ts';

// Class names as CMSs write them, camelCase included ("imageEmbedCredit", "wp-caption-text").
const CAPTION_CLASS = /caption|credit/i;
const IMAGE_BOX_CLASS = /image|img|photo|picture|figure|media|thumbnail|gallery/i;
const SKIP_TAGS = new Set(['img', 'picture', 'source', 'video', 'audio', 'svg', 'iframe', 'script', 'style']);

export interface Rendered {
  paragraphs: string[];
  captions: string[];
}

/** Captions of figures near the body (a lead image often sits just outside the body element). */
export function captionsAround(roots: Element[]): string[] {
  const first = roots[0];
  if (!first) return [];
  let scope: Element | null = null;
  for (let p = first.parent; p && isTag(p); p = p.parent) {
    if (p.name === 'article' || p.name === 'main') {
      scope = p;
      break;
    }
  }
  if (!scope) return [];
  const state: RenderState = { paragraphs: [], captions: [], buffer: '' };
  collectCaptions(scope, state);
  return state.captions;
}

function collectCaptions(node: AnyNode, state: RenderState): void {
  if (!isTag(node) || SKIP_TAGS.has(node.name)) return;
  if (isCaption(node)) {
    const caption = captionOf(node);
    if (caption) state.captions.push(caption);
    return;
  }
  for (const child of node.children) collectCaptions(child, state);
}

export function renderBlocks(roots: Element[]): Rendered {
  const state: RenderState = { paragraphs: [], captions: [], buffer: '' };
  for (const root of roots) {
    walk(root, state);
    flush(state);
  }
  return { paragraphs: state.paragraphs, captions: unique(state.captions) };
}

interface RenderState {
  paragraphs: string[];
  captions: string[];
  buffer: string;
}

function walk(node: AnyNode, state: RenderState): void {
  if (isText(node)) {
    // Source line breaks are plain whitespace in HTML; only <br> breaks a line.
    state.buffer += node.data.replace(/\s+/g, ' ');
    return;
  }
  if (!isTag(node) || SKIP_TAGS.has(node.name)) return;
  if (isCaption(node)) {
    flush(state);
    const caption = captionOf(node);
    if (caption) state.captions.push(caption);
    return;
  }
  if (node.name === 'br') {
    state.buffer += '\n';
    return;
  }
  const block = BLOCK_TAGS.has(node.name);
  if (block) flush(state);
  for (const child of node.children) walk(child, state);
  if (block) flush(state);
  else if (node.name === 'td' || node.name === 'th') state.buffer += ' ';
}

export function isCaption(el: Element): boolean {
  if (el.name === 'figcaption') return true;
  if (el.name === 'figure' || el.name === 'p' || el.name === 'a') return false;
  const names = `${el.attribs.class ?? ''} ${el.attribs.id ?? ''}`;
  return CAPTION_CLASS.test(names) || isImageBox(el, names);
}

/** A div/span named like an image box that holds an image and a little text: its text is a caption. */
function isImageBox(el: Element, names: string): boolean {
  if (!IMAGE_BOX_CLASS.test(names) || !hasImage(el)) return false;
  return captionText(el).replace(/\s+/g, ' ').trim().length < 500;
}

function hasImage(el: Element): boolean {
  for (const child of el.children) {
    if (!isTag(child)) continue;
    if (child.name === 'img' || child.name === 'picture' || hasImage(child)) return true;
  }
  return false;
}

/** Text of all of el, and how much of it sits inside links. */
function captionText(el: Element): string {
  return captionParts(el).text;
}

function captionParts(el: Element): { text: string; linkChars: number } {
  let text = '';
  let linkChars = 0;
  const visit = (node: AnyNode, inLink: boolean): void => {
    if (isText(node)) {
      text += node.data;
      if (inLink) linkChars += node.data.trim().length;
    } else if (isTag(node)) {
      if (BLOCK_TAGS.has(node.name) || node.name === 'br') text += ' ';
      for (const child of node.children) visit(child, inLink || node.name === 'a');
    }
  };
  visit(el, false);
  return { text, linkChars };
}

// Widget labels that sit inside caption boxes ("Image caption", "Caption Close", "Expand").
const CAPTION_LABEL =
  /^(?:(?:image|media|photo|video)\s*)?caption\s*|^(?:image|photo|slide) \d+ of \d+\s*|\s*\b(?:close|expand|enlarge|hide caption|toggle caption)$/gi;
const NOT_A_CAPTION =
  /^(?:close|expand|enlarge|caption|media playback is (?:unsupported|not supported) on your device\.?)$/i;

/** The caption text of a caption box, or null for teaser links, widget labels and stray words. */
function captionOf(el: Element): string | null {
  const { text, linkChars } = captionParts(el);
  const caption = text.replace(/\s+/g, ' ').trim().replace(CAPTION_LABEL, '').trim();
  if (!caption || NOT_A_CAPTION.test(caption)) return null;
  if (linkChars > caption.length * 0.5) return null; // a related-story teaser, not a caption
  if (caption.length < 12 && !/©|photo|credit|getty|reuters|\bap\b|afp/i.test(caption)) return null;
  return caption;
}

function flush(state: RenderState): void {
  if (!state.buffer) return;
  for (const part of state.buffer.split(/\n[\s\u00a0]*\n/)) {
    const lines = part.split('\n').map(collapse).filter(Boolean);
    if (lines.length) state.paragraphs.push(lines.join('\n'));
  }
  state.buffer = '';
}

function collapse(text: string): string {
  return text.replace(/[ \t\r\f\v\u00a0\u200b\u2028\u2029]+/g, ' ').trim();
}

function unique(items: string[]): string[] {
  return [...new Set(items)];
}
