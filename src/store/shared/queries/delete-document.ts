import type { SqlRunner } from '../sql-runner.ts';

/** Entities, mentions, quotes, events and the search index go with it (foreign keys, triggers). */
export async function deleteDocument(runner: SqlRunner, id: string): Promise<boolean> {
  return (await runner.run('DELETE FROM documents WHERE id = ?', [id])) > 0;
}
