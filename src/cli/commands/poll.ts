// `sitrep poll --once | --watch`: fetch the feeds that are due and read and store their new items.
import { Command } from 'commander';
import cliProgress from 'cli-progress';
import { pollDue, type FeedItem, type OnItem, type PollOutcome } from '../../ingest/index.ts';
import { addPage, createReadPool, type Reader } from '../../pipeline/index.ts';
import { SitrepError, asSitrepError } from '../../model/index.ts';
import type { CliContext } from '../context.ts';
import { formatTime, makeFetcher, openRegistry, parseDelay, type FetchFlags } from './feeds.ts';
import { parsePositiveInt, parseSize } from '../options.ts';
import { terminalSafe } from '../terminal-safe.ts';

interface PollOptions extends FetchFlags {
  once?: boolean;
  watch?: boolean;
  all?: boolean;
  concurrency?: number;
}

/**
 * Reads each new item and stores it. A page that holds no article is logged and skipped; a failing
 * database is thrown so the poller keeps the item unseen and retries it on the next poll.
 */
function storeItems(context: CliContext, reader: Reader, log: (line: string) => void): OnItem {
  return async (item: FeedItem, page) => {
    const name = item.link ?? item.id ?? page.name;
    const store = await context.store();
    try {
      await addPage(store, page, name, reader);
    } catch (error) {
      const failure = asSitrepError(error, name);
      if (failure.code === 'store_failed') throw failure;
      log(`item ${name}: not stored: ${failure.message} [${failure.code}]`);
    }
  };
}

function describe(outcome: PollOutcome): string {
  const moved = outcome.movedTo ? `, moved to ${outcome.movedTo}` : '';
  if (outcome.error)
    return `${outcome.url}: ${outcome.error.category}: ${outcome.error.message}; retry ${formatTime(outcome.nextPollAt)}`;
  const items = outcome.itemFailures ? `, ${outcome.itemFailures} items to retry` : '';
  return `${outcome.url}: ${outcome.status}, ${outcome.newItems} new${items}${moved}; next ${formatTime(outcome.nextPollAt)}`;
}

async function pollOnce(
  context: CliContext,
  options: PollOptions,
  onItem: OnItem,
  log: (line: string) => void,
): Promise<number> {
  const registry = await openRegistry(context);
  const fetcher = makeFetcher(options);
  const bar = context.io.interactive
    ? new cliProgress.SingleBar(
        { stream: process.stderr, format: 'polling {bar} {value}/{total} feeds, {items} new items' },
        cliProgress.Presets.shades_classic,
      )
    : null;
  let items = 0;
  const store = await context.store();
  try {
    // Stored items and the registry's updates are grouped into few transactions (SQLite).
    const summary = await store.batched(() =>
      pollDue(
        {
          registry,
          fetcher,
          onItem,
          onItemError: (feed, item, error) =>
            log(`item ${item.link ?? item.id ?? '?'} of ${feed.url}: ${asSitrepError(error).message}`),
        },
        {
          all: options.all,
          concurrency: options.concurrency,
          onStart: (total) => bar?.start(total, 0, { items: 0 }),
          onFeed: (outcome) => {
            items += outcome.newItems;
            if (bar) bar.increment(1, { items });
            if (!bar || outcome.error) log(describe(outcome));
          },
        },
      ),
    );
    bar?.stop();
    log(
      `polled ${summary.polled} feeds: ${summary.updated} updated, ${summary.failed} failed, ${summary.newItems} new items`,
    );
    if (summary.failed || summary.itemFailures) context.exitCode = 1;
    return (await registry.nextPollAt()) ?? Date.now() + 60_000;
  } finally {
    bar?.stop();
    await fetcher.close();
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

async function runPoll(context: CliContext, options: PollOptions): Promise<void> {
  if (Boolean(options.once) === Boolean(options.watch)) {
    throw new SitrepError(
      'usage',
      'poll: give exactly one of --once (poll what is due, then stop) or --watch (keep polling)',
    );
  }
  const log = (line: string): void =>
    (context.io.interactive ? context.io.stderr : context.io.stdout)(
      `${new Date().toISOString()} ${terminalSafe(line)}\n`,
    );
  // Items of feeds fetched at once are read on every core.
  const reader = createReadPool();
  try {
    await pollUntilDone(context, options, storeItems(context, reader, log), log);
  } finally {
    await reader.close();
  }
}

async function pollUntilDone(
  context: CliContext,
  options: PollOptions,
  onItem: OnItem,
  log: (line: string) => void,
): Promise<void> {
  if (options.once) {
    await pollOnce(context, options, onItem, log);
    return;
  }
  const stop = new AbortController();
  const onSignal = (): void => stop.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    while (!stop.signal.aborted) {
      const next = await pollOnce(context, { ...options, all: false }, onItem, log);
      // Wake at the next due feed, but at least every minute so feeds added meanwhile are seen.
      const wait = Math.min(60_000, Math.max(1000, next - Date.now()));
      await sleep(wait, stop.signal);
    }
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

export function register(program: Command, context: CliContext): void {
  program
    .command('poll')
    .description('fetch due feeds and store their new items (--once, or --watch to keep going)')
    .option('--once', 'poll the feeds that are due, then stop')
    .option('--watch', 'keep polling as feeds fall due (Ctrl-C stops)')
    .option('--all', 'with --once: poll every feed, due or not')
    .option('--allow-private', 'allow fetching from loopback and private addresses')
    .option('--concurrency <n>', 'feeds fetched at once (default 8)', parsePositiveInt)
    .option('--delay <ms>', 'least time between two requests to one host (default 1000)', parseDelay)
    .option('--timeout <ms>', 'give up on one request after this long (default 20000)', parsePositiveInt)
    .option('--max-size <bytes>', 'largest feed or page accepted (default 10MB)', parseSize)
    .action((options: PollOptions) => runPoll(context, options));
}
