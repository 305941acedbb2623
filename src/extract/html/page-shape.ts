// Gives every parsed page the shape the scoring expects: one <body> holding the content. A
// frameset page's own text lives in <noframes> (kept as raw text by the parser); a fragment
// (no <html>/<body>, as feeds and APIs deliver) gets a body around its top-level nodes, so that
// its top-level paragraphs have a parent to credit.
import { SitrepError } from '../../model/errors.ts';
import { type AnyNode, type Document, Element, findFirst, isTag, parseHtml, textOf } from './dom.ts';

// Elements that belong in <head> and stay outside the synthetic body.
const HEAD_TAGS = new Set(['head', 'title', 'meta', 'link', 'base', 'style', 'script']);

/** Parses a page and normalises its shape; throws no_article for a frameset with no text of its own. */
export function parsePage(html: string, name: string): Document {
  const doc = parseHtml(html, name);
  const frameset = findFirst(doc, (el) => el.name === 'frameset');
  if (frameset && !findFirst(doc, (el) => el.name === 'body')) openFrameset(doc, frameset, name);
  ensureBody(doc);
  return doc;
}

function openFrameset(doc: Document, frameset: Element, name: string): void {
  const noframes: string[] = [];
  const frames: string[] = [];
  const visit = (el: Element): void => {
    for (const child of el.children) {
      if (!isTag(child)) continue;
      if (child.name === 'noframes') noframes.push(textOf(child));
      else if (child.name === 'frame' && child.attribs.src) frames.push(child.attribs.src);
      else visit(child);
    }
  };
  visit(frameset);
  const inner = parseHtml(noframes.join('\n'), name);
  const body = findFirst(inner, (el) => el.name === 'body');
  const content = body ? body.children : inner.children;
  if (!content.map(textOf).join('').trim()) {
    throw new SitrepError(
      'no_article',
      `${name}: a frameset page without text of its own; its content is in the framed pages (${frames.join(', ') || 'none listed'})`,
      { input: name },
    );
  }
  replaceWith(frameset, makeElement('body', [...content]));
}

function ensureBody(doc: Document): void {
  if (findFirst(doc, (el) => el.name === 'body')) return;
  const html = doc.children.find((n): n is Element => isTag(n) && n.name === 'html');
  const container: Document | Element = html ?? doc;
  const moved = container.children.filter(
    (n) => !(isTag(n) && HEAD_TAGS.has(n.name)) && n.type !== 'directive',
  );
  if (!moved.length) return;
  const body = makeElement('body', []);
  const at = container.children.indexOf(moved[0]!);
  for (const node of moved) detach(node);
  insertAt(container, at, body);
  for (const node of moved) append(body, node);
}

function makeElement(name: string, children: AnyNode[]): Element {
  const el = new Element(name, {});
  for (const child of children) {
    detach(child);
    append(el, child);
  }
  return el;
}

function detach(node: AnyNode): void {
  const parent = node.parent;
  if (parent) {
    const i = parent.children.indexOf(node as never);
    if (i >= 0) parent.children.splice(i, 1);
  }
  if (node.prev) node.prev.next = node.next;
  if (node.next) node.next.prev = node.prev;
  node.parent = node.prev = node.next = null;
}

function append(parent: Element, node: AnyNode): void {
  const last = parent.children[parent.children.length - 1] ?? null;
  node.parent = parent;
  node.prev = last;
  node.next = null;
  if (last) last.next = node;
  parent.children.push(node as never);
}

function insertAt(parent: Document | Element, index: number, node: AnyNode): void {
  const prev = parent.children[index - 1] ?? null;
  const next = parent.children[index] ?? null;
  node.parent = parent;
  node.prev = prev;
  node.next = next;
  if (prev) prev.next = node;
  if (next) next.prev = node;
  parent.children.splice(index, 0, node as never);
}

function replaceWith(old: Element, replacement: Element): void {
  const parent = old.parent as Document | Element | null;
  if (!parent) return;
  const at = parent.children.indexOf(old);
  detach(old);
  insertAt(parent, at, replacement);
}
