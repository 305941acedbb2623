// `feeds add <url>`: the address may be a feed or a page that names its feeds.
import { SitrepError } from '../model/index.ts';
import { decodeFeedBytes, parseFeed, type Feed } from './feeds/index.ts';
import { FEED_ACCEPT, type Fetcher } from './fetch/index.ts';
import { discoverFeeds } from './discover.ts';

export interface ResolvedFeed {
  url: string;
  feed: Feed;
  /** Set when the address given was a page and the feed was found in it. */
  discoveredFrom: string | null;
}

async function fetchFeed(
  url: string,
  fetcher: Fetcher,
): Promise<{ url: string; feed: Feed } | { html: string; url: string }> {
  const response = await fetcher.fetch(url, FEED_ACCEPT);
  const finalUrl = response.movedTo ?? url;
  try {
    return {
      url: finalUrl,
      feed: parseFeed({
        body: response.bytes,
        contentType: response.contentType,
        url: response.url,
        name: url,
      }),
    };
  } catch (error) {
    const text = decodeFeedBytes(response.bytes, response.contentType).text;
    if (/<html|<head|<link/i.test(text.slice(0, 20_000))) return { html: text, url: response.url };
    throw error;
  }
}

export async function resolveFeed(url: string, fetcher: Fetcher): Promise<ResolvedFeed> {
  const first = await fetchFeed(url, fetcher);
  if ('feed' in first) return { ...first, discoveredFrom: null };
  const candidates = discoverFeeds(first.html, first.url);
  for (const candidate of candidates) {
    const found = await fetchFeed(candidate.url, fetcher).catch(() => null);
    if (found && 'feed' in found) return { ...found, discoveredFrom: url };
  }
  throw new SitrepError(
    'parse_failed',
    `${url}: a page, not a feed, and it names no readable feed (${candidates.length} <link rel="alternate"> candidates)`,
    { input: url },
  );
}
