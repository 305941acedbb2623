// One poll of one feed: fetch (conditionally), detect change, parse, hand new items on, record
// health and the next poll time. A failure is recorded with its category and retried later: a feed
// never stops silently.
import { createHash } from 'node:crypto';
import type { RawInput } from '../../extract/index.ts';
import { parseFeed, type Feed, type FeedItem } from '../feeds/index.ts';
import {
  DEFAULT_SCHEDULE,
  FEED_ACCEPT,
  asFetchError,
  nextPollAfterFailure,
  nextPollAfterSuccess,
  pollIntervalMinutes,
  type FetchCategory,
  type Fetcher,
  type ScheduleOptions,
} from '../fetch/index.ts';
import { normalizeUrl, type FeedRecord, type FeedRegistryLike, type SeenKey } from '../registry/index.ts';
import { itemPage } from './item-page.ts';

export type OnItem = (item: FeedItem, page: RawInput, feed: FeedRecord) => Promise<void> | void;

export interface PollDeps {
  registry: FeedRegistryLike;
  fetcher: Fetcher;
  onItem: OnItem;
  schedule?: ScheduleOptions;
  now?: () => number;
  /** Every n-th poll skips ETag/Last-Modified, for servers that answer 304 after a change. */
  unconditionalEvery?: number;
  onItemError?: (feed: FeedRecord, item: FeedItem, error: unknown) => void;
}

export interface PollOutcome {
  feedId: number;
  url: string;
  title: string | null;
  status: 'updated' | 'unchanged' | 'not_modified' | 'failed';
  newItems: number;
  itemFailures: number;
  movedTo: string | null;
  error: { category: FetchCategory; message: string } | null;
  nextPollAt: number;
}

function seenKey(item: FeedItem): SeenKey {
  // Items with neither GUID nor link are told apart by title and date.
  const fallback = item.id || item.link ? null : `title:${item.title ?? ''}|${item.published ?? ''}`;
  return { guid: item.id ?? fallback, link: item.link, title: item.title };
}

// Items being handed on in this process: a feed polled twice at once does not fetch one item twice.
const inFlight = new Set<string>();

/**
 * At-least-once: an item is marked seen only after onItem has stored it, so an interrupted poll
 * (Ctrl-C, SIGKILL, a crash) leaves it unseen and the next poll hands it on again. The store's
 * idempotent key (the page's bytes) keeps a second hand-over from storing it twice.
 */
async function handOnNewItems(feed: FeedRecord, parsed: Feed, deps: PollDeps): Promise<[number, number]> {
  let added = 0;
  let failed = 0;
  for (const item of parsed.items) {
    const key = seenKey(item);
    // By GUID within the feed, and by address across feeds (two feeds often carry one article).
    const flightKeys = [
      key.guid === null ? null : `guid ${feed.id} ${key.guid}`,
      key.link ? `url ${normalizeUrl(key.link)}` : null,
    ].filter((k): k is string => k !== null);
    if (flightKeys.some((k) => inFlight.has(k)) || (await deps.registry.hasSeen(feed.id, key))) continue;
    for (const k of flightKeys) inFlight.add(k);
    try {
      const page = await itemPage(item, deps.fetcher, feed.url);
      await deps.onItem(item, page, feed);
      await deps.registry.markSeen(feed.id, key);
      added++;
    } catch (error) {
      // Left unseen: the next poll tries this item again.
      failed++;
      deps.onItemError?.(feed, item, error);
    } finally {
      for (const k of flightKeys) inFlight.delete(k);
    }
  }
  return [added, failed];
}

export async function pollFeed(feed: FeedRecord, deps: PollDeps): Promise<PollOutcome> {
  const now = (deps.now ?? Date.now)();
  const schedule = deps.schedule ?? DEFAULT_SCHEDULE;
  const unconditional = feed.pollsSinceUnconditional + 1 >= (deps.unconditionalEvery ?? 10);
  const base = { feedId: feed.id, url: feed.url, title: feed.title, movedTo: null, itemFailures: 0 };
  try {
    const response = await deps.fetcher.fetch(
      feed.url,
      FEED_ACCEPT,
      unconditional ? {} : { etag: feed.etag, lastModified: feed.lastModified },
    );
    const movedTo =
      response.movedTo && (await deps.registry.moveTo(feed.id, response.movedTo)) ? response.movedTo : null;
    const hash = response.status === 200 ? createHash('sha256').update(response.bytes).digest('hex') : null;
    const interval = feed.intervalMinutes ?? schedule.defaultMinutes;
    const validators = {
      etag: response.etag ?? feed.etag,
      lastModified: response.lastModified ?? feed.lastModified,
    };
    if (response.status === 304 || hash === feed.contentHash) {
      const nextPollAt = nextPollAfterSuccess(interval, now);
      await deps.registry.recordSuccess(feed.id, {
        ...validators,
        title: null,
        siteUrl: null,
        contentHash: null,
        ttlMinutes: feed.ttlMinutes,
        intervalMinutes: interval,
        nextPollAt,
        newItems: 0,
        unconditional,
      });
      const status = response.status === 304 ? 'not_modified' : 'unchanged';
      return { ...base, movedTo, status, newItems: 0, error: null, nextPollAt };
    }
    const parsed = parseFeed({
      body: response.bytes,
      contentType: response.contentType,
      url: response.url,
      name: feed.url,
    });
    const [newItems, itemFailures] = await handOnNewItems(feed, parsed, deps);
    const intervalMinutes = pollIntervalMinutes(
      parsed.ttlMinutes,
      parsed.items.map((i) => i.published),
      schedule,
    );
    const nextPollAt = nextPollAfterSuccess(intervalMinutes, now);
    await deps.registry.recordSuccess(feed.id, {
      ...validators,
      title: parsed.title,
      siteUrl: parsed.link,
      contentHash: itemFailures ? null : hash,
      ttlMinutes: parsed.ttlMinutes,
      intervalMinutes,
      nextPollAt,
      newItems,
      unconditional,
    });
    return {
      ...base,
      title: parsed.title ?? feed.title,
      movedTo,
      status: 'updated',
      newItems,
      itemFailures,
      error: null,
      nextPollAt,
    };
  } catch (error) {
    const failure = asFetchError(error, feed.url);
    const nextPollAt = nextPollAfterFailure(feed.errorCount + 1, now, failure.retryAfterMs, schedule);
    await deps.registry.recordFailure(
      feed.id,
      { category: failure.category, message: failure.message, nextPollAt },
      now,
    );
    return {
      ...base,
      status: 'failed',
      newItems: 0,
      error: { category: failure.category, message: failure.message },
      nextPollAt,
    };
  }
}
