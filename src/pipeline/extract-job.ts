// Runs an article-only job (`sitrep extract`) without loading the understanding stages, whose
// models and data would cost more start-up time than one page takes to extract.
import { articleFromText, checkSize, DEFAULT_MAX_BYTES, extractArticle } from '../extract/index.ts';
import { failedOutcome, pageInput, type ReadJob, type ReadOutcome } from './job.ts';

export function runExtractJob(job: ReadJob): ReadOutcome {
  try {
    const maxBytes = job.options?.maxBytes ?? DEFAULT_MAX_BYTES;
    if (job.kind === 'text') checkSize(Buffer.byteLength(job.input.text), maxBytes, 'text', 'one text');
    const article =
      job.kind === 'text'
        ? articleFromText(job.input.text, job.input)
        : extractArticle(pageInput(job.input), { maxBytes });
    return { ok: true, reading: { article, entities: [], quotes: [], events: [] } };
  } catch (thrown) {
    return failedOutcome(thrown, job);
  }
}
