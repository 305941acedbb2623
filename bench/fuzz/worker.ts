// The fuzz bench's worker: reads mutated pages or feeds one by one and reports each outcome, so
// the main thread can tell a hang (no report in time) from a crash (an error that is not a
// SitrepError) and a slow case (> 1 s).
import { parentPort, workerData } from 'node:worker_threads';
import { SitrepError } from '../../src/model/index.ts';
import { extractArticle } from '../../src/extract/index.ts';
import { parseFeed } from '../../src/ingest/index.ts';
import { mutate, seededRandom } from '../../test/helpers/mutate.ts';

export interface FuzzJob {
  kind: 'page' | 'feed';
  bases: Uint8Array[];
  from: number;
  to: number;
}

export type FuzzReport =
  | { type: 'start'; index: number }
  | { type: 'done'; index: number; ms: number; outcome: 'ok' | 'refused' | 'crashed'; error?: string };

const job = workerData as FuzzJob;
const bases = job.bases.map((b) => Buffer.from(b));
for (let index = job.from; index < job.to; index++) {
  const bytes = mutate(bases[index % bases.length]!, seededRandom(index + 1));
  parentPort!.postMessage({ type: 'start', index } satisfies FuzzReport);
  const started = performance.now();
  let outcome: 'ok' | 'refused' | 'crashed' = 'ok';
  let error: string | undefined;
  try {
    if (job.kind === 'page')
      extractArticle({
        bytes,
        contentType: 'text/html',
        url: 'https://news.example/a',
        name: `page ${index}`,
      });
    else parseFeed({ body: bytes, name: `feed ${index}` });
  } catch (e) {
    outcome = e instanceof SitrepError ? 'refused' : 'crashed';
    if (outcome === 'crashed') error = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  }
  parentPort!.postMessage({
    type: 'done',
    index,
    ms: performance.now() - started,
    outcome,
    error,
  } satisfies FuzzReport);
}
