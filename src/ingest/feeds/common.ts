// Pieces the RSS and Atom adapters share: text constructs, links, authors, dates, item collection.
import { child, children, firstOf, innerXml, resolveUrl, textOf, type XmlElement } from './xml-tree.ts';
import { collapse, htmlToText, looksLikeHtml, nonBlank } from './text.ts';
import { parseFeedDate } from './date.ts';

/** Every element with this name below `root`, not looking inside a match (items do not nest). */
export function collectElements(root: XmlElement, names: string[], out: XmlElement[] = []): XmlElement[] {
  for (const node of root.children) {
    if (typeof node === 'string') continue;
    if (names.includes(node.name)) out.push(node);
    else collectElements(node, names, out);
  }
  return out;
}

/** Entries are <item> in RSS and <entry> in Atom, but feeds in the wild mix them up. */
export const ENTRY_NAMES = ['item', 'entry'];

function contentType(element: XmlElement): string {
  return (element.attrs.type ?? '').toLowerCase();
}

function isXhtml(element: XmlElement): boolean {
  const type = contentType(element);
  return type === 'xhtml' || type === 'application/xhtml+xml' || element.attrs.mode === 'xml';
}

/** Atom 0.3 mode="base64", or an Atom 1.0 type that is neither text nor XML (RFC 4287, 3.1.1.3). */
function isBase64(element: XmlElement): boolean {
  if (element.attrs.mode === 'base64') return true;
  const type = contentType(element);
  return type.includes('/') && !type.startsWith('text/') && !/xml/.test(type);
}

function isMarkup(element: XmlElement): boolean {
  return element.children.some((node) => typeof node !== 'string');
}

/**
 * A title as plain text, whatever form the feed wrote it in (text, escaped HTML, inline XHTML).
 * Atom says when a title is text; RSS does not, so there text that looks like HTML is read as HTML.
 */
export function titleText(element: XmlElement | undefined, typed = false): string | null {
  if (!element) return null;
  if (isBase64(element)) return nonBlank(htmlToText(decodeBase64(textOf(element))));
  if (isXhtml(element) || isMarkup(element)) return nonBlank(htmlToText(innerXml(element)));
  const raw = textOf(element);
  const type = contentType(element);
  const html = type === 'html' || type === 'text/html' || element.attrs.mode === 'escaped';
  const text = typed && (type === '' || type === 'text' || type === 'text/plain');
  return nonBlank(html || (!text && looksLikeHtml(raw)) ? htmlToText(raw) : collapse(raw));
}

/** A summary or body as HTML (or text when the feed says text). */
export function contentHtml(element: XmlElement | undefined): string | null {
  if (!element) return null;
  if (isBase64(element)) {
    return nonBlank(decodeBase64(textOf(element)));
  }
  if (isXhtml(element) || isMarkup(element)) {
    const only = element.children.filter((n) => typeof n !== 'string' || n.trim());
    const wrapper =
      only.length === 1 && typeof only[0] !== 'string' && only[0]?.name === 'div' ? only[0] : null;
    return nonBlank(innerXml(wrapper ?? element));
  }
  return nonBlank(textOf(element));
}

function decodeBase64(text: string): string {
  return Buffer.from(text.replace(/\s+/g, ''), 'base64').toString('utf8');
}

/** A link's address: its href, or the text some feeds write inside <link> instead. */
export function linkHref(element: XmlElement): string | null {
  const href = element.attrs.href ?? nonBlank(textOf(element));
  return href ? resolveUrl(href, element.base) : null;
}

/** 2: rel=alternate typed as HTML; 1: alternate without a type; 0: not a page link. */
function alternateRank(link: XmlElement): number {
  const rel = (link.attrs.rel ?? 'alternate').toLowerCase();
  if (rel !== 'alternate') return 0;
  const type = link.attrs.type ?? '';
  return !type ? 1 : /html/i.test(type) ? 2 : 0;
}

/**
 * The page link among atom-style <link> elements: the best-ranked alternate href (first of equals);
 * but a <link> with text and no href (an RSS habit in Atom feeds) overrides the links before it,
 * as feedparser reads it.
 */
export function alternateLink(parent: XmlElement): string | null {
  let chosen: XmlElement | null = null;
  let chosenRank = 0;
  let anyAlternate: XmlElement | null = null;
  for (const link of children(parent, 'link')) {
    if (link.attrs.href) {
      if ((link.attrs.rel ?? 'alternate').toLowerCase() === 'alternate') anyAlternate ??= link;
      const rank = alternateRank(link);
      if (rank > chosenRank) {
        chosen = link;
        chosenRank = rank;
      }
    } else if (nonBlank(textOf(link))) {
      chosen = link;
      chosenRank = 1;
    }
  }
  const link = chosen ?? anyAlternate;
  return link ? linkHref(link) : null;
}

export function selfLink(parent: XmlElement): string | null {
  const self = children(parent, 'link').find((l) => l.attrs.rel?.toLowerCase() === 'self' && l.attrs.href);
  return self ? linkHref(self) : null;
}

export function firstDate(parent: XmlElement, names: string[]): string | null {
  for (const name of names) {
    for (const element of children(parent, name)) {
      const date = parseFeedDate(textOf(element));
      if (date) return date;
    }
  }
  return null;
}

export function personName(element: XmlElement | undefined): string | null {
  if (!element) return null;
  const name = child(element, 'name');
  const email = child(element, 'email');
  if (name || email) return nonBlank(collapse(textOf(name ?? (email as XmlElement))));
  return nonBlank(collapse(textOf(element)));
}

export function firstText(parent: XmlElement, names: string[]): string | null {
  const element = firstOf(parent, names);
  return element ? nonBlank(collapse(textOf(element))) : null;
}

/** Minutes between polls: RSS <ttl>, else sy:updatePeriod / sy:updateFrequency. */
export function ttlMinutes(channel: XmlElement): number | null {
  const ttl = Number(firstText(channel, ['ttl']));
  if (Number.isFinite(ttl) && ttl > 0) return ttl;
  const period = firstText(channel, ['sy:updateperiod'])?.toLowerCase();
  const perPeriod: Record<string, number> = {
    hourly: 60,
    daily: 1440,
    weekly: 10080,
    monthly: 43200,
    yearly: 525600,
  };
  const minutes = period ? perPeriod[period] : undefined;
  if (!minutes) return null;
  const frequency = Number(firstText(channel, ['sy:updatefrequency']) ?? '1');
  return Math.max(1, Math.round(minutes / (Number.isFinite(frequency) && frequency > 0 ? frequency : 1)));
}
