// `sitrep worker`: runs jobs (poll a feed, read, trace and store a page) from the job queue in the
// PostgreSQL database of SITREP_DATABASE_URL; any number of worker processes, on any number of
// machines, share the work. `sitrep enqueue` queues pages (files, folders, URLs) for them.
import { Command } from 'commander';
import { run, runOnce, type Runner } from 'graphile-worker';
import { expandInputs, isUrl, loadInput } from '../../ingest/index.ts';
import { SitrepError, asSitrepError } from '../../model/index.ts';
import { createReadPool } from '../../pipeline/index.ts';
import { EventEmitter } from 'node:events';
import { JobQueue, quietLogger } from '../../queue/queue.ts';
import { Liveness } from '../../queue/liveness.ts';
import { scheduleDuePolls, taskList, type WorkerDeps } from '../../queue/worker.ts';
import { storeConfigFromEnv } from '../../store/index.ts';
import type { CliContext } from '../context.ts';
import { parsePositiveInt, parseSize } from '../options.ts';
import { terminalSafe } from '../terminal-safe.ts';
import { makeFetcher, parseDelay, type FetchFlags } from './feeds.ts';

interface WorkerOptions extends FetchFlags {
  concurrency?: number;
  untilIdle?: boolean;
  schedule?: boolean;
  jsonl?: boolean;
}

/**
 * Jobs at once per reading thread: one reading, the others read and waiting to be stored together
 * in the worker's next unit (see queue/store-batch.ts), so the threads keep reading meanwhile.
 */
const JOBS_PER_THREAD = 4;
/** A page read by each reading thread before the worker takes jobs. */
const WARM_UP = {
  bytes: Buffer.from('Warm-up\n\nOfficials met in Geneva on Monday, the ministry said.'),
  contentType: 'text/plain',
  url: null,
  name: 'warm-up',
};

/** How often a running worker looks for feeds that have fallen due. */
const SCHEDULE_EVERY_MS = 30_000;
/** How often a running worker unlocks the jobs of workers that died. */
const RECOVER_EVERY_MS = 5_000;

function postgresConfig(context: CliContext): { url: string; schema?: string } {
  const config = storeConfigFromEnv({ env: context.io.env });
  if (config.kind !== 'postgres')
    throw new SitrepError(
      'usage',
      'the job queue lives in PostgreSQL: set SITREP_DATABASE_URL=postgres://… (workers share its jobs); with the embedded SQLite database use `sitrep add` and `sitrep poll`',
    );
  return config;
}

async function runWorker(context: CliContext, options: WorkerOptions): Promise<void> {
  const config = postgresConfig(context);
  const store = await context.store();
  const queue = await JobQueue.open(config.url, config.schema);
  const reader = createReadPool();
  const fetcher = makeFetcher(options);
  const log = (line: string): void =>
    context.io.stderr(`${new Date().toISOString()} ${terminalSafe(line)}\n`);
  const counts = { added: 0, unchanged: 0, skipped: 0 };
  const deps: WorkerDeps = {
    store,
    queue,
    reader,
    fetcher,
    log,
    onPage: (outcome) => {
      counts[outcome.status]++;
      if (options.jsonl) context.io.stdout(JSON.stringify({ page: outcome.status, ...outcome }) + '\n');
    },
  };
  // Jobs of dead workers (killed, crashed) are unlocked by the living: see liveness.ts.
  const liveness = await Liveness.start(config.url, queue.schema).catch(async (error: unknown) => {
    // Nothing else may keep the process alive after a failed start.
    await Promise.all([reader.close(), fetcher.close(), queue.close()]).catch(() => {});
    throw error;
  });
  const events = new EventEmitter();
  const recorded: Promise<void>[] = [];
  events.on('pool:create', ({ workerPool }: { workerPool: { id: string } }) => {
    recorded.push(liveness.addPool(workerPool.id).catch(() => {}));
  });
  const recover = async () => {
    const freed = await liveness.recover(queue.utils);
    if (freed) log(`unlocked the jobs of ${freed} workers that stopped without finishing them`);
  };
  const concurrency = options.concurrency ?? Math.max(JOBS_PER_THREAD, reader.threads * JOBS_PER_THREAD);
  const shared = {
    events: events as never,
    connectionString: config.url,
    schema: queue.schema,
    concurrency,
    noHandleSignals: true,
    pollInterval: 1000,
    logger: quietLogger,
    taskList: taskList(deps),
    preset: {
      worker: {
        // The pool fetches (and locks under its id, which liveness.ts records) a batch of jobs per
        // query instead of one per job, and completes the jobs that finish together in one
        // statement: two of a page's ten or so round trips, here and in the database. One job
        // more than it runs, so a finished job's successor is at hand, and few enough that another
        // worker does not sit idle while they wait.
        localQueue: { size: concurrency + 1 },
        completeJobBatchDelay: 0,
      },
    },
  };
  const schedule = options.schedule !== false;
  try {
    // Load the reading stages in every reading thread before taking jobs, so a job's time is spent
    // on the job.
    await Promise.all(
      Array.from({ length: Math.max(1, reader.threads) }, () =>
        reader.read({ kind: 'page', input: WARM_UP, options: { minEventConfidence: 0 } }),
      ),
    );
    await recover();
    if (schedule) await scheduleDuePolls(store, queue);
    if (options.untilIdle) {
      // Polls queue pages; run until neither is left.
      await liveness.poolStarting();
      await runOnce(shared);
      if (schedule && (await scheduleDuePolls(store, queue))) {
        await liveness.poolStarting();
        await runOnce(shared);
      }
    } else {
      await liveness.poolStarting();
      const runner: Runner = await run(shared);
      log(
        `worker ready: ${shared.concurrency} jobs at once, ${reader.threads} reading threads, ${store.location}`,
      );
      const timer = schedule
        ? setInterval(
            () => void scheduleDuePolls(store, queue).catch((e) => log(asSitrepError(e).message)),
            SCHEDULE_EVERY_MS,
          )
        : null;
      const recovering = setInterval(
        () => void recover().catch((e) => log(asSitrepError(e).message)),
        RECOVER_EVERY_MS,
      );
      await new Promise<void>((resolve) => {
        const stop = () => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          if (timer) clearInterval(timer);
          clearInterval(recovering);
          void runner.stop().then(resolve, resolve);
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
        void runner.promise.then(stop, stop);
      });
    }
  } finally {
    await Promise.all(recorded);
    await reader.close();
    await fetcher.close();
    await liveness.stop();
    await queue.close();
  }
  const locks = store.lockTimes;
  const seconds = (ms: number) => (ms / 1000).toFixed(2);
  log(
    `worker done: ${counts.added} pages added, ${counts.unchanged} already stored, ${counts.skipped} not readable` +
      (locks
        ? `; tracing lock: ${locks.tracingUnits} units, waited ${seconds(locks.tracingWaitMs)} s, held ${seconds(locks.tracingHeldMs)} s; origin locks waited ${seconds(locks.originWaitMs)} s`
        : ''),
  );
}

async function enqueue(context: CliContext, specs: string[], options: { feeds?: boolean; maxSize?: number }) {
  const config = postgresConfig(context);
  const queue = await JobQueue.open(config.url, config.schema);
  let pages = 0;
  try {
    if (options.feeds) {
      const store = await context.store();
      const feeds = await scheduleDuePolls(store, queue);
      context.io.stdout(`queued polls of ${feeds} due feeds\n`);
    }
    const inputs = specs.length ? await expandInputs(specs) : [];
    for (const input of inputs) {
      try {
        if (isUrl(input)) await queue.addPage({ name: input, url: input });
        else {
          // Files travel in the job: a worker on another machine cannot read this one's disk.
          const raw = await loadInput(input, { maxBytes: options.maxSize });
          await queue.addPage({
            name: input,
            url: raw.url,
            bytes: raw.bytes.toString('base64'),
            contentType: raw.contentType,
          });
        }
        pages++;
      } catch (error) {
        const failure = asSitrepError(error, input);
        context.io.stderr(`sitrep: ${failure.message} [${failure.code}]\n`);
        context.exitCode = 1;
      }
    }
    if (specs.length) context.io.stdout(`queued ${pages} pages in ${queue.schema}\n`);
  } finally {
    await queue.close();
  }
}

export function register(program: Command, context: CliContext): void {
  program
    .command('worker')
    .description(
      'run jobs from the PostgreSQL job queue (poll feeds; read, trace and store pages); start as many as you like',
    )
    .option('--concurrency <n>', 'jobs at once (default: four per reading thread)', parsePositiveInt)
    .option('--until-idle', 'stop when no job is left instead of waiting for more')
    .option('--no-schedule', 'do not queue polls of feeds that fall due')
    .option('--jsonl', 'print one JSON line per page job: {page, status, latencyMs}')
    .option('--allow-private', 'allow fetching from loopback and private addresses')
    .option('--delay <ms>', 'least time between two requests to one host (default 1000)', parseDelay)
    .option('--timeout <ms>', 'give up on one request after this long (default 20000)', parsePositiveInt)
    .option('--max-size <bytes>', 'largest feed or page accepted (default 10MB)', parseSize)
    .action((options: WorkerOptions) => runWorker(context, options));
  program
    .command('enqueue')
    .description('queue pages (files, folders, URLs) for `sitrep worker`; --feeds queues polls of due feeds')
    .argument('[inputs...]', 'files, folders or URLs')
    .option('--feeds', 'queue a poll of every feed that is due')
    .option('--max-size <bytes>', 'largest file accepted (e.g. 20MB)', parseSize)
    .action(async (specs: string[], options: { feeds?: boolean; maxSize?: number }) => {
      if (!specs.length && !options.feeds)
        throw new SitrepError('usage', 'enqueue: give files, folders or URLs, or --feeds');
      await enqueue(context, specs, options);
    });
}
