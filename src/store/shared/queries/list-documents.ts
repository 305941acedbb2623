import type { DocumentSummary, ListOptions, Page } from '../../types.ts';
import { paging } from '../paging.ts';
import { countRows, type SqlRunner } from '../sql-runner.ts';
import { NEWEST_FIRST, SUMMARY_COLUMNS, toSummary, type SummaryRow } from './decode.ts';

export async function listDocuments(
  runner: SqlRunner,
  options?: ListOptions,
): Promise<Page<DocumentSummary>> {
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
