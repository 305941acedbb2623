// Fetching: the polite HTTP client for feeds and pages.
export { Fetcher, FEED_ACCEPT, PAGE_ACCEPT } from './fetcher.ts';
export type { FetcherOptions, Conditional } from './fetcher.ts';
export type { FetchedResource } from './http-client.ts';
export { FetchError, FETCH_CATEGORIES, asFetchError } from './errors.ts';
export type { FetchCategory } from './errors.ts';
export { parseRobots } from './robots.ts';
export { parseRetryAfter } from './retry-after.ts';
export {
  DEFAULT_SCHEDULE,
  pollIntervalMinutes,
  nextPollAfterSuccess,
  nextPollAfterFailure,
} from './schedule.ts';
export type { ScheduleOptions } from './schedule.ts';
