// Feed parsing: every supported format to one model.
export { parseFeed } from './parse-feed.ts';
export type { FeedSource } from './parse-feed.ts';
export { parseFeedDate } from './date.ts';
export { decodeFeedBytes, charsetFromContentType } from './decode.ts';
export type { Feed, FeedItem, FeedFormat } from './model.ts';
