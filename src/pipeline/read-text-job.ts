// Runs a reading job of text given by a caller in this thread; never throws. Loads no page
// extraction (read-job.ts runs every kind of job).
import { failedOutcome, type ReadJob, type ReadOutcome } from './job.ts';
import { readText } from './read-text.ts';

export function runTextJob(job: ReadJob & { kind: 'text' }): ReadOutcome {
  try {
    return { ok: true, reading: readText(job.input, job.options) };
  } catch (thrown) {
    return failedOutcome(thrown, job);
  }
}
