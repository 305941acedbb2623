import type { Reading } from '../../../model/index.ts';
import type { StoredDocument } from '../../types.ts';
import { isSha256Hex } from '../document-id.ts';
import type { SqlRunner } from '../sql-runner.ts';
import { parseJson, SUMMARY_COLUMNS, toSummary, type SummaryRow } from './decode.ts';

interface DocumentRow extends SummaryRow {
  content_type: string | null;
  text: string;
  reading: unknown;
}

/** By id, or by the full SHA-256 of the raw bytes. */
export async function getDocument(runner: SqlRunner, idOrSha256: string): Promise<StoredDocument | null> {
  const column = isSha256Hex(idOrSha256) ? 'sha256' : 'id';
  const rows = await runner.all<DocumentRow>(
    `SELECT ${SUMMARY_COLUMNS}, d.content_type, d.text, d.reading FROM documents d WHERE d.${column} = ?`,
    [idOrSha256],
  );
  const row = rows[0];
  if (!row) return null;
  const stored = parseJson<Reading>(row.reading);
  const reading: Reading = { ...stored, article: { ...stored.article, text: row.text } };
  return { ...toSummary(row), contentType: row.content_type, reading };
}
