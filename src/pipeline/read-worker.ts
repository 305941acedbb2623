// The worker-thread side of the reading pool for pages (piscina loads this file in a thread on its
// first page job; text jobs go to read-text-worker.ts, which loads no page extraction).
import { runReadJob, type ReadJob, type ReadOutcome } from './read-job.ts';

export default function read(job: ReadJob): ReadOutcome {
  return runReadJob(job);
}
