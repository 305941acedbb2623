// Reading a page or text is the only heavy work the API does. It runs in the worker pool with a time
// limit, and only so many at once: further requests are refused at once with 503 and Retry-After
// instead of queueing behind each other, so the event loop and read endpoints stay responsive.
import { SitrepError } from '../model/index.ts';
import type { Reading } from '../model/index.ts';
import type { ReadJob, Reader } from '../pipeline/index.ts';

export interface HeavyLimits {
  /** Readings in flight at once (running or waiting for a thread). */
  maxConcurrent: number;
  /** One reading's time limit. */
  timeoutMs: number;
}

export const DEFAULT_READ_TIMEOUT_MS = 30_000;

export function defaultHeavyLimits(reader: Reader): HeavyLimits {
  return { maxConcurrent: Math.max(2, reader.threads * 2), timeoutMs: DEFAULT_READ_TIMEOUT_MS };
}

export interface HeavyGate {
  read(job: ReadJob): Promise<Reading>;
  readonly inFlight: number;
}

export function heavyGate(reader: Reader, limits: HeavyLimits): HeavyGate {
  let inFlight = 0;
  return {
    get inFlight() {
      return inFlight;
    },
    async read(job) {
      if (inFlight >= limits.maxConcurrent)
        throw new SitrepError(
          'busy',
          `the server is already reading ${inFlight} documents (its limit); try again shortly`,
        );
      inFlight++;
      try {
        return await reader.read(job, { timeoutMs: limits.timeoutMs });
      } finally {
        inFlight--;
      }
    },
  };
}
