import type { CopySummary, DocumentListOptions, DocumentSummary, Page, TraceRecord } from '../../types.ts';
import { paging } from '../paging.ts';
import { countRows, type SqlRunner } from '../sql-runner.ts';
import { NEWEST_FIRST, SUMMARY_COLUMNS, toSummary, type SummaryRow } from './decode.ts';

const DEFAULT_COPIES_PER_ORIGIN = 10;

/** Not a copy: untraced, or traced as the root of its chain. */
const IS_ORIGIN =
  'NOT EXISTS (SELECT 1 FROM trace_documents t WHERE t.document_id = d.id AND t.parent_id IS NOT NULL)';

export async function listDocuments(
  runner: SqlRunner,
  options: DocumentListOptions = {},
): Promise<Page<DocumentSummary>> {
  if (options.foldCopies) return listOrigins(runner, options);
  const { limit, offset } = paging(options);
  const [rows, total] = await Promise.all([
    runner.all<SummaryRow>(
      `SELECT ${SUMMARY_COLUMNS} FROM documents d ORDER BY ${NEWEST_FIRST} LIMIT ? OFFSET ?`,
      [limit, offset],
    ),
    countRows(runner, 'SELECT count(*) AS total FROM documents', []),
  ]);
  return { total, items: rows.map(toSummary) };
}

/** Origins newest first, each with its copies in arrival order (the first `copiesPerOrigin` of them). */
async function listOrigins(runner: SqlRunner, options: DocumentListOptions): Promise<Page<DocumentSummary>> {
  const { limit, offset } = paging(options);
  const perOrigin = Math.max(0, Math.min(options.copiesPerOrigin ?? DEFAULT_COPIES_PER_ORIGIN, 1000));
  const [rows, total] = await Promise.all([
    runner.all<SummaryRow & { copy_count: number | string }>(
      `SELECT ${SUMMARY_COLUMNS},
         (SELECT count(*) FROM trace_documents c WHERE c.origin_id = d.id AND c.document_id <> d.id) AS copy_count
       FROM documents d WHERE ${IS_ORIGIN} ORDER BY ${NEWEST_FIRST} LIMIT ? OFFSET ?`,
      [limit, offset],
    ),
    countRows(runner, `SELECT count(*) AS total FROM documents d WHERE ${IS_ORIGIN}`, []),
  ]);
  const withCopies = rows.filter((row) => Number(row.copy_count) > 0).map((row) => row.id);
  const copies =
    perOrigin && withCopies.length
      ? await listCopies(runner, withCopies, perOrigin)
      : new Map<string, CopySummary[]>();
  const items = rows.map((row) => ({
    ...toSummary(row),
    copyCount: Number(row.copy_count),
    copies: copies.get(row.id) ?? [],
  }));
  return { total, items };
}

/** The first `perOrigin` copies of each origin, in arrival order, in one query. */
async function listCopies(
  runner: SqlRunner,
  originIds: string[],
  perOrigin: number,
): Promise<Map<string, CopySummary[]>> {
  const rows = await runner.all<
    SummaryRow & {
      origin_id: string;
      parent_id: string | null;
      relation: TraceRecord['relation'];
      shared: number | string;
    }
  >(
    `SELECT ${SUMMARY_COLUMNS}, t.origin_id, t.parent_id, t.relation, t.shared
     FROM (SELECT document_id, origin_id, parent_id, relation, shared, seq,
             row_number() OVER (PARTITION BY origin_id ORDER BY seq) AS rank
           FROM trace_documents
           WHERE origin_id IN (${originIds.map(() => '?').join(', ')}) AND document_id <> origin_id) t
     JOIN documents d ON d.id = t.document_id
     WHERE t.rank <= ? ORDER BY t.seq`,
    [...originIds, perOrigin],
  );
  const byOrigin = new Map<string, CopySummary[]>();
  for (const row of rows) {
    const list = byOrigin.get(row.origin_id) ?? [];
    list.push({
      ...toSummary(row),
      parent: row.parent_id,
      relation: row.relation,
      shared: Number(row.shared),
    });
    byOrigin.set(row.origin_id, list);
  }
  return byOrigin;
}
