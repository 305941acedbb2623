import type { Entity } from '../../../model/index.ts';
import type { ListOptions, Page, StoredEntityRef } from '../../types.ts';
import { wholeWordsPattern } from '../name-key.ts';
import { paging } from '../paging.ts';
import { countRows, type SqlRunner } from '../sql-runner.ts';
import { parseJson } from './decode.ts';

interface EntityRow {
  data: unknown;
  document_id: string;
  title: string | null;
  published: string | null;
}

/**
 * Entities whose name contains the query as whole words, any case or accents, or that are
 * mentioned by it as a name or alias ("Putin" finds "Vladimir Putin"; "Kremlin" finds an entity
 * mentioned as "the Kremlin"). Pronouns and descriptions are not searched.
 */
const MATCHES = `en.name_key LIKE ? OR EXISTS (
  SELECT 1 FROM mentions m
   WHERE m.document_id = en.document_id AND m.entity_id = en.entity_id
     AND m.form IN ('name', 'alias') AND m.text_key LIKE ?)`;

export async function findEntityMentions(
  runner: SqlRunner,
  name: string,
  options?: ListOptions,
): Promise<Page<StoredEntityRef>> {
  const { limit, offset } = paging(options);
  const pattern = wholeWordsPattern(name);
  if (!pattern) return { total: 0, items: [] };
  const [rows, total] = await Promise.all([
    runner.all<EntityRow>(
      `SELECT en.data, en.document_id, d.title, d.published
       FROM entities en JOIN documents d ON d.id = en.document_id
      WHERE ${MATCHES}
      ORDER BY d.sort_at DESC, d.added_at DESC, en.document_id, en.entity_id
      LIMIT ? OFFSET ?`,
      [pattern, pattern, limit, offset],
    ),
    countRows(runner, `SELECT count(*) AS total FROM entities en WHERE ${MATCHES}`, [pattern, pattern]),
  ]);
  const items = rows.map((row) => ({
    documentId: row.document_id,
    documentTitle: row.title,
    published: row.published,
    entity: parseJson<Entity>(row.data),
  }));
  return { total, items };
}
