// JSON Feed 1.0 and 1.1 to the feed model.
import { SitrepError } from '../../model/index.ts';
import { resolveUrl } from './xml-tree.ts';
import { parseFeedDate } from './date.ts';
import { htmlToText, nonBlank } from './text.ts';
import type { Feed, FeedItem } from './model.ts';

type Json = Record<string, unknown>;

const str = (value: unknown): string | null =>
  typeof value === 'string' ? nonBlank(value) : typeof value === 'number' ? String(value) : null;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function authorName(holder: Json): string | null {
  const authors = Array.isArray(holder.authors) ? holder.authors : [holder.author];
  const names = authors.filter(isObject).map((a) => str(a.name) ?? str(a.url));
  return names.find((n): n is string => Boolean(n)) ?? null;
}

function jsonItem(item: Json, base: string | null, feedAuthor: string | null): FeedItem {
  const url = str(item.url) ?? str(item.external_url);
  const title = str(item.title);
  return {
    id: str(item.id),
    title: title ? htmlToText(title) : null,
    link: url ? resolveUrl(url, base) : null,
    published: parseFeedDate(str(item.date_published) ?? str(item.date_modified)),
    author: authorName(item) ?? feedAuthor,
    summary: str(item.summary),
    content: str(item.content_html) ?? str(item.content_text),
  };
}

export function jsonToFeed(text: string, name: string, documentUrl: string | null): Feed {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new SitrepError('parse_failed', `${name}: not valid JSON (${(error as Error).message})`, {
      input: name,
      cause: error,
    });
  }
  if (!isObject(data) || !Array.isArray(data.items)) {
    throw new SitrepError('parse_failed', `${name}: JSON without an "items" list is not a JSON Feed`, {
      input: name,
    });
  }
  const self = str(data.feed_url);
  const base = documentUrl ?? self;
  const feedAuthor = authorName(data);
  return {
    format: 'json',
    title: str(data.title),
    link: str(data.home_page_url),
    self,
    ttlMinutes: null,
    items: data.items.filter(isObject).map((item) => jsonItem(item, base, feedAuthor)),
  };
}
