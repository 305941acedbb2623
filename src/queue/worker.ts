// What a `sitrep worker` process does with each job. Poll: fetch the feed, hand each new item's
// page on as a page job (keyed by its address), record the feed's health and next poll. Page:
// fetch it if only its address came, read it (worker threads), then trace and store it in a unit
// that first checks the address is not stored yet (with the other pages read meanwhile: see
// store-batch.ts). Every step may run twice (a retry, a duplicate job, a process killed after its
// commit) and stores nothing twice: pages by address and by the SHA-256 of their bytes, items by
// feed and GUID or address.
import type { JobHelpers, Task } from 'graphile-worker';
import { pollFeed, type FeedItem } from '../ingest/index.ts';
import { PAGE_ACCEPT, type Fetcher } from '../ingest/fetch/index.ts';
import type { RawInput } from '../extract/index.ts';
import { asSitrepError } from '../model/errors.ts';
import type { Reader } from '../pipeline/index.ts';
import type { Store } from '../store/index.ts';
import { JobQueue, TASK_PAGE, TASK_POLL, type PageJob, type PollJob } from './queue.ts';
import { StoreBatcher } from './store-batch.ts';

export interface WorkerDeps {
  store: Store;
  queue: JobQueue;
  reader: Reader;
  fetcher: Fetcher;
  log: (line: string) => void;
  /** Called after each page job with what it did and how long since it was enqueued. */
  onPage?: (outcome: { status: 'added' | 'unchanged' | 'skipped'; latencyMs: number }) => void;
}

/** Errors that another attempt cannot mend: the page holds no article, is too big, is refused. */
const LASTING = new Set<string>([
  'empty_input',
  'binary_input',
  'too_large',
  'unsupported_type',
  'decode_failed',
  'no_article',
  'invalid_input',
  'blocked_private_address',
  'blocked_by_robots',
  'read_timeout',
]);

async function pagePayload(job: PageJob, fetcher: Fetcher): Promise<RawInput> {
  if (job.bytes !== undefined)
    return {
      bytes: Buffer.from(job.bytes, 'base64'),
      contentType: job.contentType ?? null,
      url: job.url,
      name: job.name,
    };
  const page = await fetcher.fetch(job.url ?? job.name, PAGE_ACCEPT);
  return { bytes: page.bytes, contentType: page.contentType, url: page.url, name: job.name };
}

export function pageTask(deps: WorkerDeps): Task {
  const batcher = new StoreBatcher(deps.store);
  return async (payload: unknown, helpers: JobHelpers) => {
    const job = payload as PageJob;
    const origin = job.url ?? job.name;
    const done = (status: 'added' | 'unchanged' | 'skipped') =>
      deps.onPage?.({ status, latencyMs: Date.now() - job.enqueuedAt });
    // Stored already (a retry after the commit, another feed with the same link): nothing to do.
    if (await deps.store.documentByOrigin(origin)) return done('unchanged');
    try {
      const input = await pagePayload(job, deps.fetcher);
      const reading = await deps.reader.read({
        kind: 'page',
        input,
        options: { minEventConfidence: 0 },
      });
      const result = await batcher.add({ input, reading, origin });
      done(result.status);
    } catch (error) {
      const failure = asSitrepError(error, origin);
      if (!LASTING.has(failure.code)) throw failure;
      // A page that cannot be read now cannot be read on a retry either: logged, not retried.
      deps.log(`page ${origin}: not stored: ${failure.message} [${failure.code}] (job ${helpers.job.id})`);
      done('skipped');
    }
  };
}

function itemName(item: FeedItem, fallback: string): string {
  return item.link ?? item.id ?? fallback;
}

export function pollTask(deps: WorkerDeps): Task {
  return async (payload: unknown) => {
    const { feedId } = payload as PollJob;
    const feed = await deps.store.feeds.get(feedId);
    if (!feed) return; // unfollowed since it was queued
    const outcome = await pollFeed(feed, {
      registry: deps.store.feeds,
      fetcher: deps.fetcher,
      // The item is marked seen only after its page job is queued: a crash in between queues it
      // again on the next poll, and the job's key and the store's checks keep it single.
      onItem: async (item, page) => {
        await deps.queue.addPage({
          name: itemName(item, page.name),
          url: item.link ?? page.url,
          bytes: page.bytes.toString('base64'),
          contentType: page.contentType,
          feedId,
        });
      },
      onItemError: (f, item, error) =>
        deps.log(`item ${itemName(item, '?')} of ${f.url}: ${asSitrepError(error).message}`),
    });
    if (outcome.error) deps.log(`${outcome.url}: ${outcome.error.category}: ${outcome.error.message}`);
  };
}

export function taskList(deps: WorkerDeps): Record<string, Task> {
  return { [TASK_PAGE]: pageTask(deps), [TASK_POLL]: pollTask(deps) };
}

/** Queues a poll of every feed that is due (each worker does this; keys keep one job per feed). */
export async function scheduleDuePolls(store: Store, queue: JobQueue, now = Date.now()): Promise<number> {
  const due = await store.feeds.due(now);
  for (const feed of due) await queue.addPoll(feed.id);
  return due.length;
}
