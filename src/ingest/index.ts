// Ingest: getting pages and feeds into sitrep.
export { loadInput, expandInputs, isUrl, formatBytes, DEFAULT_MAX_BYTES } from './load-input.ts';
export type { LoadOptions } from './load-input.ts';
export { fetchPage, isPrivateAddress, USER_AGENT } from './fetch-page.ts';
export type { FetchOptions } from './fetch-page.ts';
export { parseFeed, parseFeedDate } from './feeds/index.ts';
export type { Feed, FeedItem, FeedFormat, FeedSource } from './feeds/index.ts';
export { Fetcher, FetchError, FETCH_CATEGORIES } from './fetch/index.ts';
export type { FetcherOptions, FetchCategory } from './fetch/index.ts';
export { normalizeUrl } from './registry/index.ts';
export type { FeedRecord, FeedRegistryLike } from './registry/index.ts';
export { pollDue, pollFeed } from './poll/index.ts';
export type { OnItem, PollOutcome, PollSummary } from './poll/index.ts';
export { parseOpml, buildOpml } from './opml.ts';
export type { OpmlFeed } from './opml.ts';
export { discoverFeeds } from './discover.ts';
export { resolveFeed } from './subscribe.ts';
