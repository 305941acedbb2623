// What `sitrep status` and GET /api/status show: documents and how fast they arrive, the feeds'
// health, and (PostgreSQL) the job queue's depth and failures.
import type { Store } from '../store/index.ts';
import type { FeedHealth } from '../store/feed-types.ts';
import type { QueueStats } from './queue.ts';

export interface IngestStatus {
  store: string;
  documents: number;
  /** Documents added in the last minute and the last hour: the throughput. */
  addedLastMinute: number;
  addedLastHour: number;
  feeds: FeedHealth;
  /** Null with SQLite, where `add` and `poll` run in their own process and there is no queue. */
  queue: QueueStats | null;
  at: string;
}

export async function ingestStatus(
  store: Store,
  queueStats: (() => Promise<QueueStats>) | null,
  now = Date.now(),
): Promise<IngestStatus> {
  const iso = (ms: number) => new Date(ms).toISOString();
  const [stats, lastMinute, lastHour, feeds, queue] = await Promise.all([
    store.stats(),
    store.countAddedSince(iso(now - 60_000)),
    store.countAddedSince(iso(now - 3_600_000)),
    store.feeds.health(now),
    queueStats ? queueStats() : Promise.resolve(null),
  ]);
  return {
    store: store.location,
    documents: stats.documents,
    addedLastMinute: lastMinute,
    addedLastHour: lastHour,
    feeds,
    queue,
    at: iso(now),
  };
}

export function formatStatus(s: IngestStatus): string {
  const lines = [
    `store      ${s.store}`,
    `documents  ${s.documents} (${s.addedLastMinute} in the last minute, ${s.addedLastHour} in the last hour)`,
    `feeds      ${s.feeds.feeds} followed, ${s.feeds.due} due, ${s.feeds.failing} failing`,
  ];
  if (!s.queue)
    lines.push('queue      none (SQLite: `sitrep add` and `sitrep poll` work in their own process)');
  else {
    const q = s.queue;
    const tasks = Object.entries(q.byTask)
      .map(([task, n]) => `${task.replace(/^sitrep_/, '')} ${n}`)
      .join(', ');
    lines.push(
      `queue      ${q.waiting} waiting, ${q.running} running, ${q.retrying} retrying, ${q.failed} failed${tasks ? ` (${tasks})` : ''}` +
        (q.oldestWaitingSeconds !== null ? `; oldest waits ${q.oldestWaitingSeconds} s` : ''),
    );
    for (const e of q.recentErrors)
      lines.push(`  error    ${e.task} ${e.key ?? ''} (${e.attempts}×): ${e.error}`);
  }
  return lines.join('\n') + '\n';
}
