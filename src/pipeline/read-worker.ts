// The worker-thread side of the reading pool (piscina loads this file in each thread).
import { runReadJob, type ReadJob, type ReadOutcome } from './read-job.ts';

export default function read(job: ReadJob): ReadOutcome {
  return runReadJob(job);
}
