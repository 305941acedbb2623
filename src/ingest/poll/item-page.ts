// The page handed on for a new item: the feed's own full content when it is complete, else the
// article fetched from the item's link (through the polite fetcher).
import type { RawInput } from '../../extract/index.ts';
import { SitrepError } from '../../model/index.ts';
import { htmlToText } from '../feeds/text.ts';
import type { FeedItem } from '../feeds/index.ts';
import { FetchError, PAGE_ACCEPT, type Fetcher } from '../fetch/index.ts';

/** Below this many characters of text a feed body is taken for an excerpt. */
const MIN_COMPLETE_CHARS = 600;
const TEASER_ENDING =
  /(?:\.\.\.|…|\[…\]|\[\.\.\.\]|read more|continue reading|read the full (?:story|article))\W*$/i;

const LASTING = new Set(['http_4xx', 'blocked_by_robots', 'too_large']);

export function hasCompleteContent(item: FeedItem): boolean {
  if (!item.content) return false;
  const text = htmlToText(item.content);
  return text.length >= MIN_COMPLETE_CHARS && !TEASER_ENDING.test(text);
}

const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Wraps feed content as a small HTML page so extraction sees title, date, author and body. */
export function pageFromContent(item: FeedItem, html: string, name: string): RawInput {
  const meta = [
    item.published ? `<meta property="article:published_time" content="${escapeHtml(item.published)}">` : '',
    item.author ? `<meta name="author" content="${escapeHtml(item.author)}">` : '',
    item.link ? `<link rel="canonical" href="${escapeHtml(item.link)}">` : '',
  ].join('');
  const title = item.title ? escapeHtml(item.title) : '';
  const page =
    `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title>${meta}</head>` +
    `<body><article><h1>${title}</h1>${html}</article></body></html>`;
  return { bytes: Buffer.from(page, 'utf8'), contentType: 'text/html; charset=utf-8', url: item.link, name };
}

export async function itemPage(item: FeedItem, fetcher: Fetcher, feedUrl: string): Promise<RawInput> {
  const name = item.link ?? item.id ?? `${feedUrl} (untitled item)`;
  if (item.content && hasCompleteContent(item)) return pageFromContent(item, item.content, name);
  const body = item.content ?? item.summary;
  if (item.link) {
    try {
      const page = await fetcher.fetch(item.link, PAGE_ACCEPT);
      return { bytes: page.bytes, contentType: page.contentType, url: page.url, name: item.link };
    } catch (error) {
      // A page that will not come (gone, forbidden, disallowed, too big): the feed's text is all
      // there is. Passing failures (timeouts, 5xx) are thrown, so the item is tried again later.
      if (body && error instanceof FetchError && LASTING.has(error.category))
        return pageFromContent(item, body, name);
      throw error;
    }
  }
  if (body) return pageFromContent(item, body, name);
  throw new SitrepError('empty_input', `${name}: the item has neither a link nor any content`, {
    input: name,
  });
}
