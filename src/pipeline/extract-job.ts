// Runs an article-only job (`sitrep extract`) without loading the understanding stages, whose
// models and data would cost more start-up time than one page takes to extract.
import { articleFromText, extractArticle } from '../extract/index.ts';
import { failedOutcome, pageInput, type ReadJob, type ReadOutcome } from './job.ts';

export function runExtractJob(job: ReadJob): ReadOutcome {
  try {
    const article =
      job.kind === 'text' ? articleFromText(job.input.text, job.input) : extractArticle(pageInput(job.input));
    return { ok: true, reading: { article, entities: [], quotes: [], events: [] } };
  } catch (thrown) {
    return failedOutcome(thrown, job);
  }
}
