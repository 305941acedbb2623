// Small helpers over domhandler nodes, written for speed (no intermediate arrays where avoidable).
import { Parser } from 'htmlparser2';
import { type AnyNode, type Document, DomHandler, Element, Text, isTag, isText } from 'domhandler';
import { SitrepError } from '../../model/errors.ts';
import { MAX_HTML_DEPTH, MAX_HTML_ELEMENTS } from '../limits.ts';

export type { AnyNode, Document };
export { Element, Text, isTag, isText };

export interface ParseLimits {
  maxDepth?: number;
  maxElements?: number;
}

/**
 * Parses a page, refusing it as soon as nesting or element count passes the limit. The parser's
 * open-element stack costs time in proportion to its depth for every tag, so stopping at the limit
 * keeps a 40,000-deep page from taking seconds (the check used to run after the whole parse).
 */
export function parseHtml(html: string, name = 'page', limits: ParseLimits = {}): Document {
  const handler = new LimitedDomHandler(
    name,
    limits.maxDepth ?? MAX_HTML_DEPTH,
    limits.maxElements ?? MAX_HTML_ELEMENTS,
  );
  const parser = new Parser(handler, {
    decodeEntities: true,
    lowerCaseTags: true,
    lowerCaseAttributeNames: true,
  });
  parser.end(html);
  return handler.root;
}

class LimitedDomHandler extends DomHandler {
  private elements = 0;

  constructor(
    private readonly name: string,
    private readonly maxDepth: number,
    private readonly maxElements: number,
  ) {
    super();
  }

  override onopentag(tagName: string, attribs: Record<string, string>): void {
    super.onopentag(tagName, attribs);
    // tagStack holds the document root below the open elements.
    if (this.tagStack.length - 1 > this.maxDepth) {
      throw new SitrepError(
        'parse_failed',
        `${this.name}: elements are nested more than ${this.maxDepth} deep (the limit for one page)`,
        { input: this.name },
      );
    }
    if (++this.elements > this.maxElements) {
      throw new SitrepError(
        'too_large',
        `${this.name}: more than ${this.maxElements.toLocaleString('en')} elements (the limit for one page)`,
        { input: this.name },
      );
    }
  }
}

export function elementChildren(node: Element | Document): Element[] {
  const out: Element[] = [];
  for (const child of node.children) if (isTag(child)) out.push(child);
  return out;
}

/** Every element under root (depth first, document order), root excluded. */
export function descendants(root: Element | Document, tags?: ReadonlySet<string>): Element[] {
  const out: Element[] = [];
  const stack: AnyNode[] = [...root.children].reverse();
  while (stack.length) {
    const node = stack.pop()!;
    if (!isTag(node)) continue;
    if (!tags || tags.has(node.name)) out.push(node);
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return out;
}

export function findFirst(root: Element | Document, test: (el: Element) => boolean): Element | null {
  const stack: AnyNode[] = [...root.children].reverse();
  while (stack.length) {
    const node = stack.pop()!;
    if (!isTag(node)) continue;
    if (test(node)) return node;
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return null;
}

/** Raw text content (entities decoded, whitespace as in the source). */
export function textOf(node: AnyNode): string {
  if (isText(node)) return node.data;
  if (!isTag(node) && node.type !== 'root') return '';
  let out = '';
  for (const child of (node as Element).children) out += textOf(child);
  return out;
}

/** Text with a space at every element boundary, so "Jane Doe</span><span>Monday" does not run together. */
export function spacedText(node: AnyNode): string {
  if (isText(node)) return node.data;
  if (!isTag(node)) return '';
  let out = '';
  for (const child of node.children) out += isTag(child) ? ` ${spacedText(child)} ` : spacedText(child);
  return out;
}

export function normaliseSpace(text: string): string {
  return text.replace(/[\s\u00a0\u200b]+/g, ' ').trim();
}

export function removeNode(node: AnyNode): void {
  const parent = node.parent;
  if (!parent) return;
  const index = parent.children.indexOf(node as never);
  if (index >= 0) parent.children.splice(index, 1);
  if (node.prev) node.prev.next = node.next;
  if (node.next) node.next.prev = node.prev;
  node.parent = null;
  node.prev = null;
  node.next = null;
}

export function attr(el: Element, name: string): string {
  return el.attribs[name] ?? '';
}

/** class + id, lower case: the string the class-based heuristics match against. */
export function classAndId(el: Element): string {
  const cls = el.attribs.class;
  const id = el.attribs.id;
  if (!cls && !id) return '';
  return `${cls ?? ''} ${id ?? ''}`.toLowerCase();
}

export function ancestors(el: Element): Element[] {
  const out: Element[] = [];
  for (let p = el.parent; p && isTag(p); p = p.parent) out.push(p);
  return out;
}

/** The deepest element nesting in the tree, computed without recursion. */
export function maxDepth(root: Document): number {
  let deepest = 0;
  const stack: [AnyNode, number][] = root.children.map((c) => [c, 1]);
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (!isTag(node)) continue;
    if (depth > deepest) deepest = depth;
    for (const child of node.children) stack.push([child, depth + 1]);
  }
  return deepest;
}
