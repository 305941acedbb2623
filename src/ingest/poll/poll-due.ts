// Polls every feed that is due, a bounded number at once (per-host politeness is the fetcher's job).
import pLimit from 'p-limit';
import type { FeedRecord } from '../registry/index.ts';
import { pollFeed, type PollDeps, type PollOutcome } from './poll-feed.ts';

export interface PollRunOptions {
  concurrency?: number;
  /** Poll every feed, due or not. */
  all?: boolean;
  onStart?: (total: number) => void;
  onFeed?: (outcome: PollOutcome) => void;
}

export interface PollSummary {
  polled: number;
  updated: number;
  failed: number;
  newItems: number;
  itemFailures: number;
}

export async function pollDue(deps: PollDeps, options: PollRunOptions = {}): Promise<PollSummary> {
  const now = (deps.now ?? Date.now)();
  const feeds: FeedRecord[] = options.all ? await deps.registry.list() : await deps.registry.due(now);
  options.onStart?.(feeds.length);
  const limit = pLimit(options.concurrency ?? 8);
  const summary: PollSummary = { polled: 0, updated: 0, failed: 0, newItems: 0, itemFailures: 0 };
  await Promise.all(
    feeds.map((feed) =>
      limit(async () => {
        const outcome = await pollFeed(feed, deps);
        summary.polled++;
        if (outcome.status === 'updated') summary.updated++;
        if (outcome.status === 'failed') summary.failed++;
        summary.newItems += outcome.newItems;
        summary.itemFailures += outcome.itemFailures;
        options.onFeed?.(outcome);
      }),
    ),
  );
  return summary;
}
