// The pipeline, end to end for one document: extract, then understand. Edges (CLI, HTTP) call this,
// directly (read.ts, in the calling thread) or through a Reader (pool.ts, worker threads).
import type { RawInput } from '../extract/index.ts';
import type { AddResult, Store } from '../store/index.ts';
import { inlineReader, type Reader, type ReadCall } from './pool.ts';

export { readArticle, readPage, readText, type ReadOptions, type TextInput } from './read.ts';
export { createReadPool, defaultThreads, inlineReader, type Reader, type ReadCall } from './pool.ts';
export type { ReadJob } from './job.ts';
export { inOrder } from './ordered.ts';

/** Reads a page and stores it with its raw bytes; the same bytes twice are stored once. */
export async function addPage(
  store: Store,
  input: RawInput,
  origin = input.url ?? input.name,
  reader: Reader = inlineReader(),
  call?: ReadCall,
): Promise<AddResult> {
  const reading = await reader.read({ kind: 'page', input }, call);
  return store.addDocument({ raw: input.bytes, contentType: input.contentType, origin, reading });
}
