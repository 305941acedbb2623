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
  const items: DocumentSummary[] = [];
  for (const row of rows) {
    const copyCount = Number(row.copy_count);
    const copies = copyCount && perOrigin ? await listCopies(runner, row.id, perOrigin) : [];
    items.push({ ...toSummary(row), copyCount, copies });
  }
  return { total, items };
}

async function listCopies(runner: SqlRunner, originId: string, limit: number): Promise<CopySummary[]> {
  const rows = await runner.all<
    SummaryRow & { parent_id: string | null; relation: TraceRecord['relation']; shared: number | string }
  >(
    `SELECT ${SUMMARY_COLUMNS}, t.parent_id, t.relation, t.shared
     FROM trace_documents t JOIN documents d ON d.id = t.document_id
     WHERE t.origin_id = ? AND t.document_id <> t.origin_id ORDER BY t.seq LIMIT ?`,
    [originId, limit],
  );
  return rows.map((row) => ({
    ...toSummary(row),
    parent: row.parent_id,
    relation: row.relation,
    shared: Number(row.shared),
  }));
}
