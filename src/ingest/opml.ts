// OPML 1.0/2.0 subscription lists: read (nested outlines, any attribute case) and write.
import { SitrepError } from '../model/index.ts';
import { decodeFeedBytes } from './feeds/index.ts';
import { parseXml, resolveUrl, type XmlElement } from './feeds/xml-tree.ts';

export interface OpmlFeed {
  url: string;
  title: string | null;
  siteUrl: string | null;
  /** Titles of the outlines it sits in, outermost first. */
  folders: string[];
}

function walk(element: XmlElement, folders: string[], out: OpmlFeed[]): void {
  for (const node of element.children) {
    if (typeof node === 'string' || node.name !== 'outline') continue;
    const title = node.attrs.title ?? node.attrs.text ?? null;
    const xmlUrl = node.attrs.xmlurl?.trim();
    if (xmlUrl) {
      out.push({ url: resolveUrl(xmlUrl, node.base), title, siteUrl: node.attrs.htmlurl ?? null, folders });
    }
    walk(node, title && !xmlUrl ? [...folders, title] : folders, out);
  }
}

export function parseOpml(body: Buffer | string, name: string): OpmlFeed[] {
  const text = typeof body === 'string' ? body : decodeFeedBytes(body).text;
  const document = parseXml(text);
  const opml = document.children.find((n): n is XmlElement => typeof n !== 'string' && n.name === 'opml');
  const body_ = opml?.children.find((n): n is XmlElement => typeof n !== 'string' && n.name === 'body');
  if (!body_) {
    throw new SitrepError(
      'parse_failed',
      `${name}: not an OPML file (expected <opml><body><outline xmlUrl=…>)`,
      {
        input: name,
      },
    );
  }
  const feeds: OpmlFeed[] = [];
  walk(body_, [], feeds);
  return feeds;
}

const escapeAttr = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function buildOpml(
  feeds: { url: string; title: string | null; siteUrl: string | null }[],
  title = 'sitrep feeds',
  now = new Date(),
): string {
  const outlines = feeds.map((feed) => {
    const text = escapeAttr(feed.title ?? feed.url);
    const site = feed.siteUrl ? ` htmlUrl="${escapeAttr(feed.siteUrl)}"` : '';
    return `    <outline type="rss" text="${text}" title="${text}" xmlUrl="${escapeAttr(feed.url)}"${site}/>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<opml version="2.0">',
    `  <head><title>${escapeAttr(title)}</title><dateCreated>${now.toUTCString()}</dateCreated></head>`,
    '  <body>',
    ...outlines,
    '  </body>',
    '</opml>',
    '',
  ].join('\n');
}
