// The worker-thread side of the reading pool for texts given by a caller (`analyze --jsonl`): a
// thread given only texts never loads the HTML parser and the page extraction.
import type { ReadJob, ReadOutcome } from './job.ts';
import { runTextJob } from './read-text-job.ts';

export default function read(job: ReadJob & { kind: 'text' }): ReadOutcome {
  return runTextJob(job);
}
