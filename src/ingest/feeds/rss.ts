// RSS 0.9x, 2.0 and RSS 1.0 (RDF) to the feed model. Items are read wherever they are (inside or
// beside <channel>), as real feeds place them both ways.
import { child, children, resolveUrl, textOf, type XmlElement } from './xml-tree.ts';
import {
  alternateLink,
  collectElements,
  ENTRY_NAMES,
  contentHtml,
  firstDate,
  firstText,
  personName,
  selfLink,
  titleText,
  ttlMinutes,
} from './common.ts';
import { nonBlank } from './text.ts';
import { parseFeedDate } from './date.ts';
import type { Feed, FeedFormat, FeedItem } from './model.ts';

const ITEM_DATES = [
  'pubdate',
  'dc:date',
  'dcterms:issued',
  'dcterms:created',
  'published',
  'issued',
  'dcterms:modified',
  'updated',
  'modified',
];

/** The text of the first <link> that has text, else an atom-style href. */
function rssLink(parent: XmlElement): string | null {
  for (const link of children(parent, 'link')) {
    const text = nonBlank(textOf(link));
    if (text) return resolveUrl(text, link.base);
  }
  return alternateLink(parent);
}

function guidLink(item: XmlElement): string | null {
  const guid = child(item, 'guid');
  if (!guid || guid.attrs.ispermalink?.toLowerCase() === 'false') return null;
  const text = nonBlank(textOf(guid));
  return text && /^https?:\/\//i.test(text) ? text : null;
}

/** CDF items (<ITEM HREF>) carry their address as an attribute. */
function hrefAttribute(item: XmlElement): string | null {
  const href = nonBlank(item.attrs.href);
  return href ? resolveUrl(href, item.base) : null;
}

function rssItem(item: XmlElement): FeedItem {
  const guid = firstText(item, ['guid']);
  return {
    id: guid ?? nonBlank(item.attrs['rdf:about']) ?? firstText(item, ['id']),
    title: titleText(child(item, 'title') ?? child(item, 'dc:title') ?? child(item, 'media:title')),
    link: rssLink(item) ?? guidLink(item) ?? hrefAttribute(item),
    published: firstDate(item, ITEM_DATES) ?? parseFeedDate(item.attrs.lastmod),
    author: firstText(item, ['author', 'dc:creator', 'itunes:author']) ?? personName(child(item, 'author')),
    summary: contentHtml(
      child(item, 'description') ?? child(item, 'summary') ?? child(item, 'itunes:summary'),
    ),
    content: contentHtml(child(item, 'content:encoded') ?? child(item, 'body') ?? child(item, 'content')),
  };
}

export function rssToFeed(root: XmlElement, format: FeedFormat): Feed {
  const channel = child(root, 'channel') ?? root;
  return {
    format,
    title: titleText(child(channel, 'title') ?? child(channel, 'dc:title')),
    link: rssLink(channel),
    self: selfLink(channel),
    ttlMinutes: ttlMinutes(channel),
    items: collectElements(root, ENTRY_NAMES).map(rssItem),
  };
}
