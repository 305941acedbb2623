// Reading on every core: a pool of worker threads (piscina) that read documents, so batch commands
// use all cores and the HTTP server's event loop never runs an extraction itself. A job that runs
// past its time limit is aborted (piscina ends its thread and starts a fresh one).
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import type * as PiscinaModule from 'piscina';
import type { Piscina } from 'piscina';
import { SitrepError, asSitrepError } from '../model/errors.ts';
import type { Reading } from '../model/index.ts';
import { jobName, outcomeReading, type ReadJob, type ReadOutcome } from './job.ts';

export interface ReadCall {
  /** Abort the job after this long (a SitrepError 'read_timeout'). */
  timeoutMs?: number;
}

export interface Reader {
  /** Worker threads reading; 0 when jobs run in the calling thread. */
  readonly threads: number;
  /** Jobs running or waiting. */
  readonly pending: number;
  read(job: ReadJob, call?: ReadCall): Promise<Reading>;
  /** Waits for jobs already given, then stops the threads. */
  close(): Promise<void>;
}

/** SITREP_THREADS if set (0 reads in the calling thread), else one thread per core. */
export function defaultThreads(env: NodeJS.ProcessEnv = process.env): number {
  const given = env.SITREP_THREADS;
  if (given !== undefined && given !== '') {
    const n = Number(given);
    if (!Number.isInteger(n) || n < 0)
      throw new SitrepError('config_invalid', `SITREP_THREADS must be a whole number ≥ 0, not "${given}"`);
    return n;
  }
  return availableParallelism();
}

/** Reads in the calling thread: for one document, where starting threads costs more than it saves. */
export function inlineReader(): Reader {
  let pending = 0;
  return {
    threads: 0,
    get pending() {
      return pending;
    },
    async read(job) {
      pending++;
      try {
        // Imported on use: article-only jobs without the understanding stages, texts without the
        // page extraction.
        if (job.options?.articleOnly)
          return outcomeReading((await import('./extract-job.ts')).runExtractJob(job));
        if (job.kind === 'text') return outcomeReading((await import('./read-text-job.ts')).runTextJob(job));
        return outcomeReading((await import('./read-job.ts')).runReadJob(job));
      } finally {
        pending--;
      }
    },
    close: () => Promise.resolve(),
  };
}

/** What a batch command knows of its batch before it starts reading. */
export interface BatchSize {
  /** Documents seen so far (all of them when `complete`). */
  documents: number;
  /** Bytes of those documents, when known. */
  bytes?: number;
  /** True when `documents` is the whole batch. */
  complete: boolean;
}

/**
 * A batch this small is read in the calling thread. Each reading thread pays its own start-up
 * (imports, knowledge base, models, JIT warm-up: about a second of CPU) and the readings are copied
 * between threads, so below about 250 articles of news length (about 1.5 MB) the threads' extra CPU
 * is more than a quarter of the work itself (measured with bench/pipeline.bench.ts). A stream that has
 * not given that much within `waitMs` is taken as a large batch, so its first lines are not held back.
 */
export const SMALL_BATCH = { documents: 256, bytes: 1_500_000, waitMs: 500 } as const;

/**
 * The reader for a batch: in the calling thread for a small batch known to be complete, else a pool
 * of defaultThreads() threads. SITREP_THREADS, when set, is obeyed whatever the batch.
 */
export function readerForBatch(batch: BatchSize, env: NodeJS.ProcessEnv = process.env): Reader {
  const explicit = env.SITREP_THREADS !== undefined && env.SITREP_THREADS !== '';
  if (explicit) return createReadPool({ threads: defaultThreads(env) });
  const small =
    batch.complete && batch.documents <= SMALL_BATCH.documents && (batch.bytes ?? 0) <= SMALL_BATCH.bytes;
  return small ? inlineReader() : createReadPool();
}

export interface PoolOptions {
  /** Worker threads (default: defaultThreads()); 0 gives an inline reader. */
  threads?: number;
  /** Heap limit of each thread, so one pathological input cannot take the machine's memory. */
  maxHeapMb?: number;
  /** Jobs per thread after which the threads are replaced by fresh ones (default RECYCLE_AFTER). */
  recycleAfter?: number;
}

/**
 * A reading thread's heap grows with the documents it has read (about 10 MB per 1,000 news-length
 * documents, measured with bench/pipeline.bench.ts's generated stream: the per-process caches of
 * word forms, stems, shapes and resolved names, and what V8 keeps around them), so a long batch or
 * a worker that runs for days would take ever more memory. After this many jobs per thread the pool
 * lets its running jobs finish and starts fresh threads; each start costs about a second of CPU.
 */
export const RECYCLE_AFTER = 2500;

/**
 * Each reading thread's young generation (where a reading's short-lived objects are made). V8's
 * default (48 MB: semi-spaces of 16 MB) is kept in memory by every thread; with 12 MB (semi-spaces
 * of 4 MB) two threads reading 2,000 generated news pages peaked about 45 MB lower, for about 7%
 * more CPU in the threads (more frequent scavenges; 24 MB saved only 12 MB). A batch's peak memory
 * is bounded, its CPU partly idle (the store's writes run in the main thread), hence this trade.
 */
const YOUNG_GENERATION_MB = 12;

// Under tsx (tests, benchmarks) this module is .ts and so are the workers; compiled, all are .js.
const workerFile = (name: string): string =>
  new URL(`./${name}${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url).href;
/** Each kind of job has its own worker file, loaded by a thread on its first job of that kind. */
const PAGE_WORKER = workerFile('read-worker');
const TEXT_WORKER = workerFile('read-text-worker');

type RunOptions = Parameters<Piscina['run']>[1];

// piscina is loaded when a pool is first made (it is a CommonJS package, required synchronously): a
// batch read in the calling thread (readerForBatch) never loads it.
const require = createRequire(import.meta.url);
const piscina = (): typeof PiscinaModule => require('piscina') as typeof PiscinaModule;

export function createReadPool(options: PoolOptions = {}): Reader {
  const threads = options.threads ?? defaultThreads();
  if (threads === 0) return inlineReader();
  const { Piscina } = piscina();
  const newPool = () =>
    new Piscina<ReadJob, ReadOutcome>({
      filename: null,
      minThreads: threads,
      maxThreads: threads,
      idleTimeout: 60_000,
      resourceLimits: {
        maxOldGenerationSizeMb: options.maxHeapMb ?? 1536,
        maxYoungGenerationSizeMb: YOUNG_GENERATION_MB,
      },
    });
  let pool = newPool();
  const recycleAfter = threads * (options.recycleAfter ?? RECYCLE_AFTER);
  let given = 0;
  /** Jobs of the current pool not settled yet: piscina's close drops jobs still queued. */
  let inFlight = new Set<Promise<ReadOutcome>>();
  let recycling: Promise<void> | null = null;
  /**
   * Runs a job on the pool; when the pool has had its share, its jobs finish and a fresh one starts.
   * The job is handed over in the same turn as the check, before any close can begin.
   */
  const run = async (job: ReadJob, options: RunOptions): Promise<ReadOutcome> => {
    for (;;) {
      if (recycling) await recycling;
      else if (given >= recycleAfter) {
        // The old threads end before the new ones start, so the two never hold memory at once.
        const [old, jobs] = [pool, inFlight];
        recycling = Promise.allSettled(jobs)
          .then(() => old.close())
          .catch(() => {})
          .then(() => {
            pool = newPool();
            inFlight = new Set();
            given = 0;
          })
          .finally(() => (recycling = null));
      } else {
        given++;
        const running = pool.run(job, options) as Promise<ReadOutcome>;
        const jobs = inFlight;
        jobs.add(running);
        void running.then(
          () => jobs.delete(running),
          () => jobs.delete(running),
        );
        return running;
      }
    }
  };
  let pending = 0;
  return {
    threads,
    get pending() {
      return pending;
    },
    async read(job, call = {}) {
      pending++;
      try {
        const signal = call.timeoutMs ? AbortSignal.timeout(call.timeoutMs) : undefined;
        const filename = job.kind === 'text' ? TEXT_WORKER : PAGE_WORKER;
        return outcomeReading(await run(job, { signal, filename }));
      } catch (error) {
        throw poolError(error, job, call);
      } finally {
        pending--;
      }
    },
    close: async () => {
      if (recycling) await recycling;
      await pool.close();
    },
  };
}

function poolError(error: unknown, job: ReadJob, call: ReadCall): SitrepError {
  if (error instanceof SitrepError) return error;
  const name = jobName(job);
  if (error instanceof Error && error.name === 'AbortError')
    return new SitrepError(
      'read_timeout',
      `${name}: reading took longer than the limit of ${call.timeoutMs ?? 0} ms`,
      { input: name },
    );
  if ((error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY')
    return new SitrepError('too_large', `${name}: reading it ran out of memory`, { input: name });
  return asSitrepError(error, name);
}
