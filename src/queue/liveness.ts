// Jobs of a worker process that died (SIGKILL, a crash, a lost machine) stay locked in
// graphile-worker until a long timeout. Each `sitrep worker` process therefore holds a PostgreSQL
// session advisory lock on its own connection, and records beside it the ids its graphile-worker
// pools lock jobs under (a pool's id, not its workers' ids: graphile-worker 0.17 writes the pool's
// id to jobs.locked_by): when the process dies its connection closes and the lock is released at
// once. Any worker can then tell the dead from the living and unlock the jobs that no living
// worker holds. A pool may lock jobs before its id is recorded, so a process marks when it starts
// one, and until the id is recorded jobs locked since then are left alone.
import { randomInt } from 'node:crypto';
import { hostname } from 'node:os';
import type { WorkerUtils } from 'graphile-worker';
import pg from 'pg';

/** Any fixed number: the advisory-lock class of sitrep worker processes. */
const LIVENESS_CLASS = 0x5173;

export class Liveness {
  private readonly ids = new Set<string>();
  /** The tail of this connection's work: pg wants one query at a time on a client. */
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly client: pg.Client,
    private readonly table: string,
    private readonly jobs: string,
    readonly key: number,
  ) {}

  static async start(url: string, jobsSchema: string): Promise<Liveness> {
    const client = new pg.Client({ connectionString: url });
    client.on('error', () => {});
    await client.connect();
    try {
      return await Liveness.register(client, jobsSchema);
    } catch (error) {
      await client.end().catch(() => {});
      throw error;
    }
  }

  private static async register(client: pg.Client, jobsSchema: string): Promise<Liveness> {
    const table = `${jobsSchema}.sitrep_workers`;
    await createTableOnce(
      client,
      `CREATE TABLE IF NOT EXISTS ${table} (
      process_key integer PRIMARY KEY, worker_ids text[] NOT NULL DEFAULT '{}', host text, pid integer,
      started_at timestamptz NOT NULL DEFAULT now())`,
    );
    await client.query(`ALTER TABLE ${table} ADD COLUMN IF NOT EXISTS pool_starting_at timestamptz`);
    for (;;) {
      const key = randomInt(1, 2 ** 31 - 1);
      const { rows } = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1, $2) AS ok', [
        LIVENESS_CLASS,
        key,
      ]);
      if (!rows[0]?.ok) continue;
      await client.query(
        `INSERT INTO ${table} (process_key, host, pid) VALUES ($1, $2, $3)
         ON CONFLICT (process_key) DO UPDATE SET worker_ids = '{}', host = $2, pid = $3, started_at = now()`,
        [key, hostname(), process.pid],
      );
      return new Liveness(client, table, `${jobsSchema}.jobs`, key);
    }
  }

  /**
   * Runs `work` on the connection after whatever was queued before it. Worker events call
   * addWorker and recover at any moment, and pg (from 8.14) warns of overlapping queries on one client.
   */
  private serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => {});
    return run;
  }

  /** Called before starting a graphile-worker pool, whose id addPool records once it exists. */
  poolStarting(): Promise<void> {
    return this.serial(async () => {
      await this.client.query(
        `UPDATE ${this.table} SET pool_starting_at = coalesce(pool_starting_at, now()) WHERE process_key = $1`,
        [this.key],
      );
    });
  }

  /** Records the id a graphile-worker pool of this process locks its jobs under. */
  addPool(poolId: string): Promise<void> {
    this.ids.add(poolId);
    return this.serial(() => this.savePools());
  }

  private async savePools(): Promise<void> {
    await this.client.query(
      `UPDATE ${this.table} SET worker_ids = $2, pool_starting_at = NULL WHERE process_key = $1`,
      [this.key, [...this.ids]],
    );
  }

  /** Unlocks the jobs held by workers of dead processes; returns how many workers those were. */
  recover(utils: WorkerUtils): Promise<number> {
    return this.serial(() => this.recoverNow(utils));
  }

  private async recoverNow(utils: WorkerUtils): Promise<number> {
    const { rows } = await this.client.query<{
      process_key: number;
      worker_ids: string[];
      pool_starting_at: Date | null;
    }>(`SELECT process_key, worker_ids, pool_starting_at FROM ${this.table} WHERE process_key <> $1`, [
      this.key,
    ]);
    const live = new Set(this.ids);
    // Jobs locked since a living process began starting a pool may be that pool's.
    let unrecordedSince: Date | null = null;
    for (const row of rows) {
      const { rows: probe } = await this.client.query<{ dead: boolean }>(
        'SELECT pg_try_advisory_lock($1, $2) AS dead',
        [LIVENESS_CLASS, row.process_key],
      );
      if (probe[0]?.dead) {
        await this.client.query('SELECT pg_advisory_unlock($1, $2)', [LIVENESS_CLASS, row.process_key]);
        await this.client.query(`DELETE FROM ${this.table} WHERE process_key = $1`, [row.process_key]);
      } else {
        for (const id of row.worker_ids) live.add(id);
        const since = row.pool_starting_at;
        if (since && (!unrecordedSince || since < unrecordedSince)) unrecordedSince = since;
      }
    }
    const { rows: locked } = await this.client.query<{ locked_by: string }>(
      `SELECT locked_by FROM ${this.jobs} WHERE locked_by IS NOT NULL
        GROUP BY locked_by HAVING $1::timestamptz IS NULL OR max(locked_at) < $1::timestamptz`,
      [unrecordedSince],
    );
    const orphans = locked.map((r) => r.locked_by).filter((id) => !live.has(id));
    if (orphans.length) await utils.forceUnlockWorkers(orphans);
    return orphans.length;
  }

  async stop(): Promise<void> {
    await this.serial(() =>
      this.client.query(`DELETE FROM ${this.table} WHERE process_key = $1`, [this.key]),
    ).catch(() => {});
    await this.client.end().catch(() => {});
  }
}

/**
 * Two workers starting at once can both run CREATE TABLE IF NOT EXISTS; PostgreSQL then fails one
 * of them on its catalogue's unique index (23505) or with "already exists" (42P07). The table is
 * there either way, so one retry settles it.
 */
async function createTableOnce(client: pg.Client, sql: string): Promise<void> {
  try {
    await client.query(sql);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code !== '23505' && code !== '42P07') throw error;
    await client.query(sql);
  }
}
