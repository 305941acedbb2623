// The pipeline, end to end for one document: extract, then understand. Edges (CLI, HTTP) call this,
// directly (read.ts, in the calling thread) or through a Reader (pool.ts, worker threads).
import type { RawInput } from '../extract/index.ts';
import type { AddResult, Store } from '../store/index.ts';
import { inlineReader, type Reader, type ReadCall } from './pool.ts';
import type { ReadOptions } from './read.ts';
import type { Reading } from '../model/index.ts';
import { prepareTrace, traceStoredDocument, traceStoredInput, traceUntraced } from './trace-stored.ts';

export { traceStoredDocument, traceUntraced };

export { readArticle, readPage, readText, type ReadOptions, type TextInput } from './read.ts';
export {
  createReadPool,
  defaultThreads,
  inlineReader,
  readerForBatch,
  SMALL_BATCH,
  type BatchSize,
  type Reader,
  type ReadCall,
} from './pool.ts';
export type { ReadJob } from './job.ts';
export { inOrder } from './ordered.ts';

/** Reads a page and stores it with its raw bytes; the same bytes twice are stored once. */
export async function addPage(
  store: Store,
  input: RawInput,
  origin = input.url ?? input.name,
  reader: Reader = inlineReader(),
  call?: ReadCall,
  options: ReadOptions = {},
): Promise<AddResult> {
  // Every event is stored with its confidence; listings leave out the unsure ones by default.
  const reading = await reader.read(
    { kind: 'page', input, options: { ...options, minEventConfidence: 0 } },
    call,
  );
  return storeReading(store, input, reading, origin);
}

/**
 * Stores a page's reading with its raw bytes, then traces a new document against the stored ones:
 * one unit of the store, so a document is never left stored without its trace (a crash or an
 * error keeps neither). Units of concurrent writers write their documents at once and trace one
 * at a time.
 */
export async function storeReading(
  store: Store,
  input: RawInput,
  reading: Reading,
  origin = input.url ?? input.name,
): Promise<AddResult> {
  return store.unit(() => addAndTrace(store, input, reading, origin));
}

/**
 * The body of both units above and below. The tracing lock is taken only once the document is
 * written and its fingerprint made, and held to the commit: a document is traced against every
 * document traced before it (they committed before the lock was free), and what concurrent
 * writers do before the lock (writing a document that is not traced yet) no trace reads.
 */
async function addAndTrace(
  store: Store,
  input: RawInput,
  reading: Reading,
  origin: string,
): Promise<AddResult> {
  const result = await store.addDocument({
    raw: input.bytes,
    contentType: input.contentType,
    origin,
    reading,
  });
  if (result.status !== 'added') return result;
  const prepared = prepareTrace(result.id, reading.article);
  await store.lockTracing();
  await traceStoredInput(store, prepared);
  return result;
}

/**
 * As storeReading, for a job that may run twice (a retry, a duplicate, a worker killed after its
 * commit): a page whose origin is stored already is not stored again, even when its bytes changed
 * (checked under the origin's lock, so two workers with one address store it once). The job's
 * completion, committed after this unit, makes it durable (see Store.lockOriginForJob).
 */
export async function storeReadingOnce(
  store: Store,
  input: RawInput,
  reading: Reading,
  origin = input.url ?? input.name,
): Promise<AddResult> {
  return store.unit(async () => {
    await store.lockOriginForJob(origin);
    const stored = await store.documentByOrigin(origin);
    if (stored) return { id: stored, status: 'unchanged' };
    return addAndTrace(store, input, reading, origin);
  });
}
