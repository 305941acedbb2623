// Units and batches on one SQLite connection. better-sqlite3 is synchronous but a unit's work is
// async (compression, tracing), so units are queued and run one at a time: a transaction is never
// shared by two units. In a batch one IMMEDIATE transaction holds many units, each in a savepoint;
// it is committed after maxUnits units, when it is maxMs old (also while the batch waits for its
// next unit, so another process never waits long for the write lock), and when the batch ends.
import { AsyncLocalStorage } from 'node:async_hooks';
import type Database from 'better-sqlite3';
import type { BatchOptions } from '../types.ts';

const DEFAULT_MAX_UNITS = 200;
const DEFAULT_MAX_MS = 500;

export class SqliteUnits {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly inUnit = new AsyncLocalStorage<true>();
  private batches = 0;
  private limits: Required<BatchOptions> = { maxUnits: DEFAULT_MAX_UNITS, maxMs: DEFAULT_MAX_MS };
  /** The batch's transaction, while one is open. */
  private open: { units: number; since: number; timer: NodeJS.Timeout | null } | null = null;
  /** A unit has begun and not ended (it may be awaiting between statements). */
  private running = false;
  /**
   * Changes at every begin, commit and rollback (of a transaction or of a unit's savepoint): while it
   * stays the same inside a transaction, this connection held the write lock throughout and nothing
   * it wrote was undone (see Store.writeEpoch).
   */
  private epochCount = 0;

  constructor(private readonly db: Database.Database) {}

  unit<T>(work: () => Promise<T>): Promise<T> {
    if (this.inUnit.getStore()) return work();
    return this.enqueue(async () => {
      this.running = true;
      try {
        return await this.inUnit.run(true, () => this.runUnit(work));
      } finally {
        this.running = false;
      }
    });
  }

  async batched<T>(work: () => Promise<T>, options: BatchOptions = {}): Promise<T> {
    if (this.batches++ === 0)
      this.limits = {
        maxUnits: options.maxUnits ?? DEFAULT_MAX_UNITS,
        maxMs: options.maxMs ?? DEFAULT_MAX_MS,
      };
    try {
      return await work();
    } finally {
      if (--this.batches === 0) await this.enqueue(() => Promise.resolve(this.commit()));
    }
  }

  /**
   * A write that is not part of a unit. With the connection idle it runs at once (autocommit). While
   * a unit runs (it may be awaiting something) or a batch's transaction is open, it would land in
   * their transaction: rolled back with a failing unit, or reported done before the batch commits.
   * It then waits for the unit, commits the batch so far, and runs on its own.
   */
  write<T>(work: () => T): Promise<T> {
    if (this.inUnit.getStore() || (!this.running && !this.open)) return Promise.resolve(work());
    return this.enqueue(() => {
      this.commit();
      return Promise.resolve(work());
    });
  }

  /** See `epochCount`; null outside a transaction (another process may write between statements). */
  get epoch(): number | null {
    return this.db.inTransaction ? this.epochCount : null;
  }

  /** Runs a statement that begins, ends or rolls back (part of) a transaction. */
  private control(sql: string): void {
    this.epochCount++;
    this.db.exec(sql);
  }

  /** True while a unit or an open batch transaction holds the connection. */
  get busy(): boolean {
    return this.open !== null || this.inUnit.getStore() === true;
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task);
    this.queue = run.catch(() => {});
    return run;
  }

  private async runUnit<T>(work: () => Promise<T>): Promise<T> {
    if (this.batches === 0) {
      this.control('BEGIN IMMEDIATE');
      try {
        const result = await work();
        this.control('COMMIT');
        return result;
      } catch (error) {
        if (this.db.inTransaction) this.control('ROLLBACK');
        throw error;
      }
    }
    if (!this.open) {
      this.control('BEGIN IMMEDIATE');
      this.open = { units: 0, since: Date.now(), timer: null };
    }
    this.db.exec('SAVEPOINT sitrep_unit');
    let result: T;
    try {
      result = await work();
      this.db.exec('RELEASE sitrep_unit');
    } catch (error) {
      this.rollbackUnit();
      throw error;
    }
    const open = this.open;
    open.units++;
    if (open.units >= this.limits.maxUnits || Date.now() - open.since >= this.limits.maxMs) this.commit();
    else if (!open.timer) {
      const wait = Math.max(0, this.limits.maxMs - (Date.now() - open.since));
      open.timer = setTimeout(() => void this.enqueue(() => Promise.resolve(this.commit())), wait);
      open.timer.unref();
    }
    return result;
  }

  private rollbackUnit(): void {
    // Some errors (a full disk, I/O) end the whole transaction; then the batch starts a new one.
    if (this.db.inTransaction) {
      this.control('ROLLBACK TO sitrep_unit');
      this.db.exec('RELEASE sitrep_unit');
    } else this.closeOpen();
  }

  private commit(): void {
    if (!this.open) return;
    this.closeOpen();
    if (this.db.inTransaction) this.control('COMMIT');
  }

  private closeOpen(): void {
    if (this.open?.timer) clearTimeout(this.open.timer);
    this.open = null;
  }
}
