// The job queue of `sitrep worker`: graphile-worker in its own schema of the store's PostgreSQL
// database (docs/queue.md says why this library). Jobs carry keys, so enqueueing one page or one
// feed twice while the first is waiting makes one job; a job run twice stores nothing twice (see
// worker.ts).
import { createHash } from 'node:crypto';
import { makeWorkerUtils, Logger, type WorkerUtils } from 'graphile-worker';
import pg from 'pg';
import { normalizeUrl } from '../ingest/registry/normalize-url.ts';
import { SitrepError } from '../model/errors.ts';

export const TASK_POLL = 'sitrep_poll_feed';
export const TASK_PAGE = 'sitrep_read_page';

/** A page to read, trace and store: its bytes, or an address to fetch it from. */
export interface PageJob {
  name: string;
  url: string | null;
  /** base64 of the bytes as received; absent: fetch `url`. */
  bytes?: string;
  contentType?: string | null;
  /** When it came from a feed. */
  feedId?: number;
  /** When enqueued (epoch ms), for the enqueue→stored latency. */
  enqueuedAt: number;
}

export interface PollJob {
  feedId: number;
}

/** Where graphile-worker keeps its tables: beside the store's schema, never inside it. */
export function jobsSchema(storeSchema?: string): string {
  return `${storeSchema ?? 'sitrep'}_jobs`;
}

/** graphile-worker logs through this; sitrep prints its own lines. */
export const quietLogger = new Logger(() => (level, message) => {
  if (level === 'error') process.stderr.write(`sitrep worker: ${message}\n`);
});

export function pageKey(job: Omit<PageJob, 'enqueuedAt'>): string {
  if (job.bytes) return `page:${createHash('sha256').update(job.bytes, 'base64').digest('hex')}`;
  const url = job.url ? (normalizeUrl(job.url) ?? job.url) : job.name;
  return `url:${url}`.slice(0, 500);
}

export interface QueueStats {
  /** Jobs waiting to run (including retries waiting for their time). */
  waiting: number;
  running: number;
  /** Waiting jobs whose last attempt failed (they will be tried again). */
  retrying: number;
  /** Jobs that failed every attempt and will not run again. */
  failed: number;
  byTask: Record<string, number>;
  oldestWaitingSeconds: number | null;
  recentErrors: { task: string; key: string | null; attempts: number; error: string }[];
}

export class JobQueue {
  private constructor(
    readonly utils: WorkerUtils,
    private readonly pool: pg.Pool,
    readonly schema: string,
  ) {}

  /** Opens the queue, creating or updating its schema (safe with several processes at once). */
  static async open(url: string, storeSchema?: string): Promise<JobQueue> {
    const schema = jobsSchema(storeSchema);
    const pool = new pg.Pool({ connectionString: url, max: 4 });
    // A dropped connection is replaced on next use; graphile-worker wants every handler set.
    pool.on('error', () => {});
    pool.on('connect', (client) => client.on('error', () => {}));
    try {
      const utils = await makeWorkerUtils({ pgPool: pool, schema, logger: quietLogger });
      await utils.migrate();
      return new JobQueue(utils, pool, schema);
    } catch (error) {
      await pool.end().catch(() => {});
      throw new SitrepError(
        'store_failed',
        `cannot open the job queue (schema ${schema}): ${(error as Error).message}`,
        { cause: error },
      );
    }
  }

  async addPage(job: Omit<PageJob, 'enqueuedAt'>): Promise<void> {
    await this.utils.addJob(
      TASK_PAGE,
      { ...job, enqueuedAt: Date.now() },
      { jobKey: pageKey(job), jobKeyMode: 'preserve_run_at', maxAttempts: 25 },
    );
  }

  async addPoll(feedId: number): Promise<void> {
    await this.utils.addJob(
      TASK_POLL,
      { feedId },
      { jobKey: `poll:${feedId}`, jobKeyMode: 'preserve_run_at', maxAttempts: 3 },
    );
  }

  async stats(): Promise<QueueStats> {
    const { rows } = await this.pool.query<{
      task: string;
      waiting: string;
      running: string;
      retrying: string;
      failed: string;
      oldest: string | null;
    }>(
      `SELECT task_identifier AS task,
              count(*) FILTER (WHERE locked_at IS NULL AND attempts < max_attempts) AS waiting,
              count(*) FILTER (WHERE locked_at IS NOT NULL) AS running,
              count(*) FILTER (WHERE locked_at IS NULL AND attempts < max_attempts AND last_error IS NOT NULL) AS retrying,
              count(*) FILTER (WHERE attempts >= max_attempts) AS failed,
              extract(epoch FROM now() - min(run_at) FILTER (WHERE locked_at IS NULL AND attempts < max_attempts)) AS oldest
         FROM ${this.schema}.jobs GROUP BY task_identifier`,
    );
    const errors = await this.pool.query<{
      task: string;
      key: string | null;
      attempts: number;
      error: string;
    }>(
      `SELECT task_identifier AS task, key, attempts, last_error AS error FROM ${this.schema}.jobs
        WHERE last_error IS NOT NULL ORDER BY updated_at DESC LIMIT 5`,
    );
    const sum = (k: 'waiting' | 'running' | 'retrying' | 'failed') =>
      rows.reduce((n, r) => n + Number(r[k]), 0);
    const oldest = rows.map((r) => (r.oldest === null ? null : Number(r.oldest))).filter((x) => x !== null);
    return {
      waiting: sum('waiting'),
      running: sum('running'),
      retrying: sum('retrying'),
      failed: sum('failed'),
      byTask: Object.fromEntries(rows.map((r) => [r.task, Number(r.waiting) + Number(r.running)])),
      oldestWaitingSeconds: oldest.length ? Math.max(0, Math.round(Math.max(...oldest))) : null,
      recentErrors: errors.rows.map((e) => ({ ...e, error: e.error.split('\n')[0]!.slice(0, 300) })),
    };
  }

  async close(): Promise<void> {
    await this.utils.release();
    await this.pool.end().catch(() => {});
  }
}
