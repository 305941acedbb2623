// How a worker process stores the pages its jobs have read: in units of several pages. While one
// unit waits for or holds the tracing lock (which every worker's units take in turn), the pages read
// meanwhile wait here, and the next unit stores all of them: one lock, one catch-up of the warm index
// and one commit for many pages, so the part of the work that runs one process at a time stays short
// and more worker processes add throughput. A unit that fails is retried page by page, so one bad
// page fails only its own job.
import { storeReadingOnce, storeReadingsOnce, type PageReading } from '../pipeline/index.ts';
import type { AddResult, Store } from '../store/index.ts';

/** Pages stored in one unit at most (a bound on how long the tracing lock is held at once). */
export const MAX_UNIT_PAGES = 16;

interface Waiting {
  page: PageReading;
  resolve: (result: AddResult) => void;
  reject: (error: unknown) => void;
}

export class StoreBatcher {
  private readonly waiting: Waiting[] = [];
  private running = false;

  constructor(
    private readonly store: Store,
    private readonly maxPages = MAX_UNIT_PAGES,
  ) {}

  /** Stores the page (once per origin) with the others waiting; settles when its unit committed. */
  add(page: PageReading): Promise<AddResult> {
    return new Promise<AddResult>((resolve, reject) => {
      this.waiting.push({ page, resolve, reject });
      if (!this.running) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      while (this.waiting.length) {
        const unit = this.waiting.splice(0, this.maxPages);
        if (unit.length === 1) {
          await this.storeOne(unit[0]!);
          continue;
        }
        let results: AddResult[];
        try {
          results = await storeReadingsOnce(
            this.store,
            unit.map((w) => w.page),
          );
        } catch {
          // Rolled back whole: each page again in a unit of its own, with its own outcome.
          for (const waiting of unit) await this.storeOne(waiting);
          continue;
        }
        unit.forEach((waiting, i) => waiting.resolve(results[i]!));
      }
    } finally {
      this.running = false;
    }
  }

  private async storeOne({ page, resolve, reject }: Waiting): Promise<void> {
    try {
      resolve(await storeReadingOnce(this.store, page.input, page.reading, page.origin));
    } catch (error) {
      reject(error);
    }
  }
}
