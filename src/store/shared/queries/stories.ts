// A story's documents: every traced document grouped into one story (independent origins and
// their copies), for the stories page. Written once for both databases.
import type { TraceRecord } from '../../types.ts';
import type { SqlRunner } from '../sql-runner.ts';
import { getTraces } from './trace.ts';

/** Every document of a story in arrival order; empty for a story nothing belongs to. */
export async function listStoryDocuments(runner: SqlRunner, storyId: string): Promise<TraceRecord[]> {
  const rows = await runner.all<{ document_id: string }>(
    'SELECT document_id FROM trace_documents WHERE story_id = ? ORDER BY seq',
    [storyId],
  );
  return getTraces(
    runner,
    rows.map((r) => r.document_id),
  );
}
