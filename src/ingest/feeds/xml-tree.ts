// A tolerant XML reader for feeds: htmlparser2's tokenizer in XML mode (it never stops at an error)
// builds a light tree with canonical namespace prefixes, lower-case names, HTML entities decoded
// (undefined ones kept as written), CDATA kept raw, and each element's xml:base resolved.
// A truncated document simply ends: open elements are closed, so the items read so far remain.
import { Parser } from 'htmlparser2';
import { decodeHTML } from 'entities';
import { canonicalPrefix } from './namespaces.ts';
import { SitrepError } from '../../model/errors.ts';

// Elements nested deeper than this are read as text of the deepest kept one, so the recursive
// walks stay shallow and the rest of the feed survives. Past the hard limit the parser's own
// stack costs grow with the square of the depth, so the document is refused.
const MAX_KEPT_DEPTH = 256;
const MAX_DEPTH = 10_000;

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  /** The address relative links in this element resolve against (xml:base or the document's). */
  base: string | null;
}

export type XmlNode = XmlElement | string;

interface OpenElement {
  element: XmlElement;
  scope: Map<string, string>;
}

export function resolveUrl(href: string, base: string | null): string {
  const trimmed = href.trim();
  if (!base) return trimmed;
  try {
    return new URL(trimmed, base).href;
  } catch {
    return trimmed;
  }
}

const decode = (text: string): string => (text.includes('&') ? decodeHTML(text) : text);

function declareNamespaces(
  attrs: Record<string, string>,
  inherited: Map<string, string>,
): Map<string, string> {
  let scope = inherited;
  for (const key in attrs) {
    if (key !== 'xmlns' && !key.startsWith('xmlns:')) continue;
    if (scope === inherited) scope = new Map(inherited);
    scope.set(key === 'xmlns' ? '' : key.slice(6), attrs[key] ?? '');
  }
  return scope;
}

function canonicalName(raw: string, scope: Map<string, string>): string {
  const colon = raw.indexOf(':');
  const prefix = colon < 0 ? '' : raw.slice(0, colon);
  const local = colon < 0 ? raw : raw.slice(colon + 1);
  const uri = scope.get(prefix);
  if (uri === undefined) return raw;
  const canonical = canonicalPrefix(uri);
  if (canonical === undefined) return prefix ? raw : local;
  return canonical ? `${canonical}:${local}` : local;
}

export function parseXml(text: string, documentUrl: string | null = null, name = 'feed'): XmlElement {
  const root: XmlElement = { name: '#document', attrs: {}, children: [], base: documentUrl };
  const stack: OpenElement[] = [{ element: root, scope: new Map() }];
  let pending = '';
  let inCdata = false;
  let flattened = 0;
  const top = (): OpenElement => stack[stack.length - 1] as OpenElement;
  const flush = (): void => {
    if (pending) top().element.children.push(decode(pending));
    pending = '';
  };
  const parser = new Parser(
    {
      onopentag(rawName, rawAttrs) {
        if (stack.length > MAX_KEPT_DEPTH) {
          if (stack.length + ++flattened > MAX_DEPTH) {
            throw new SitrepError(
              'parse_failed',
              `${name}: elements are nested more than ${MAX_DEPTH} deep (the limit for one feed)`,
              { input: name },
            );
          }
          return;
        }
        flush();
        const parent = top();
        const attrs: Record<string, string> = {};
        for (const key in rawAttrs) attrs[key] = decode(rawAttrs[key] ?? '');
        const scope = declareNamespaces(attrs, parent.scope);
        // CDF (the pre-RSS Channel Definition Format) names its base on <CHANNEL BASE>.
        const xmlBase = attrs['xml:base'] ?? (rawName === 'channel' ? attrs.base : undefined);
        const base = xmlBase ? resolveUrl(xmlBase, parent.element.base) : parent.element.base;
        const element: XmlElement = { name: canonicalName(rawName, scope), attrs, children: [], base };
        parent.element.children.push(element);
        stack.push({ element, scope });
      },
      onclosetag() {
        if (flattened > 0) {
          flattened--;
          return;
        }
        flush();
        if (stack.length > 1) stack.pop();
      },
      ontext(data) {
        if (inCdata) top().element.children.push(data);
        else pending += data;
      },
      oncdatastart() {
        flush();
        inCdata = true;
      },
      oncdataend() {
        inCdata = false;
      },
    },
    { xmlMode: true, decodeEntities: false, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(text);
  flush();
  return root;
}

export function isElement(node: XmlNode): node is XmlElement {
  return typeof node !== 'string';
}

export function child(element: XmlElement, name: string): XmlElement | undefined {
  for (const node of element.children) if (typeof node !== 'string' && node.name === name) return node;
  return undefined;
}

export function children(element: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const node of element.children) if (typeof node !== 'string' && node.name === name) out.push(node);
  return out;
}

/** The first child with one of these names, in the order of the names (a preference list). */
export function firstOf(element: XmlElement, names: string[]): XmlElement | undefined {
  for (const name of names) {
    const found = child(element, name);
    if (found) return found;
  }
  return undefined;
}

/** All text inside an element, markup dropped. */
export function textOf(element: XmlElement): string {
  let out = '';
  for (const node of element.children) out += typeof node === 'string' ? node : textOf(node);
  return out;
}

const escapeText = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The element's content as markup (for inline XHTML or unescaped HTML in a description). */
export function innerXml(element: XmlElement): string {
  let out = '';
  for (const node of element.children) {
    if (typeof node === 'string') {
      out += escapeText(node);
      continue;
    }
    let attrs = '';
    for (const key in node.attrs) {
      if (key === 'xmlns' || key.startsWith('xmlns:')) continue;
      attrs += ` ${key}="${escapeText(node.attrs[key] ?? '').replace(/"/g, '&quot;')}"`;
    }
    out += `<${node.name}${attrs}>${innerXml(node)}</${node.name}>`;
  }
  return out;
}

export function hasElementChildren(element: XmlElement): boolean {
  return element.children.some(isElement);
}
