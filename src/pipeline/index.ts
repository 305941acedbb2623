// The pipeline, end to end for one document: extract, then understand. Edges (CLI, HTTP) call this,
// directly (read.ts, in the calling thread) or through a Reader (pool.ts, worker threads).
import type { RawInput } from '../extract/index.ts';
import type { AddResult, Store } from '../store/index.ts';
import { inlineReader, type Reader, type ReadCall } from './pool.ts';
import type { ReadOptions } from './read.ts';
import type { Reading } from '../model/index.ts';
import {
  catchUpBeforeLock,
  prepareTrace,
  traceStoredDocument,
  traceStoredInput,
  traceStoredInputs,
  traceUntraced,
  type PreparedTrace,
} from './trace-stored.ts';

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
  const [result] = await storeReadingsOnce(store, [{ input, reading, origin }]);
  return result!;
}

/** A read page to store for a job (see storeReadingsOnce). */
export interface PageReading {
  input: RawInput;
  reading: Reading;
  /** Where it came from (URL or path); at most one document is stored per origin. */
  origin: string;
}

/**
 * As storeReadingOnce for several pages, in one unit: their origins are locked at once, their
 * documents written, then traced one after another (in the order given) under one hold of the
 * tracing lock, and committed once. A worker gives the pages read while its previous unit held the
 * lock, so the lock and the commit are paid once per unit, not per page. A page whose origin is
 * stored already, or given earlier in the list, is 'unchanged'. Any failure rolls back every page
 * of the unit.
 */
export async function storeReadingsOnce(store: Store, pages: readonly PageReading[]): Promise<AddResult[]> {
  return store.unit(async () => {
    const origins = pages.map((page) => page.origin);
    await store.lockOriginForJob(origins);
    // one read for the unit's origins (after their locks: what units before committed is seen)
    const stored = await store.documentsByOrigin(origins);
    const results: AddResult[] = [];
    const byOrigin = new Map<string, AddResult>();
    const traces: PreparedTrace[] = [];
    for (const { input, reading, origin } of pages) {
      const earlier = byOrigin.get(origin);
      if (earlier) {
        results.push({ id: earlier.id, status: 'unchanged' });
        continue;
      }
      const id = stored.get(origin);
      const result: AddResult = id
        ? { id, status: 'unchanged' }
        : await store.addDocument(
            { raw: input.bytes, contentType: input.contentType, origin, reading },
            // a job's bytes are seldom stored already (the queue keeps one waiting job per bytes)
            { lookUpFirst: false },
          );
      if (result.status === 'added') traces.push(prepareTrace(result.id, reading.article));
      byOrigin.set(origin, result);
      results.push(result);
    }
    if (traces.length) {
      // what other workers committed is read back before the lock, so that they wait less for it
      await catchUpBeforeLock(store);
      await store.lockTracing();
      await traceStoredInputs(store, traces);
    }
    return results;
  });
}
