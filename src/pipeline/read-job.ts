// Runs a whole reading job (extract and understand) in this thread; never throws.
import { failedOutcome, pageInput, type ReadJob, type ReadOutcome } from './job.ts';
import { readPage, readText } from './read.ts';

export type { ReadJob, ReadOutcome } from './job.ts';

export function runReadJob(job: ReadJob): ReadOutcome {
  try {
    if (job.kind === 'text') return { ok: true, reading: readText(job.input, job.options) };
    return { ok: true, reading: readPage(pageInput(job.input), job.options) };
  } catch (thrown) {
    return failedOutcome(thrown, job);
  }
}
