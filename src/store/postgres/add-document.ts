import type pg from 'pg';
import { SitrepError } from '../../model/index.ts';
import {
  DOCUMENT_COLUMNS,
  ENTITY_COLUMNS,
  EVENT_ACTOR_COLUMNS,
  EVENT_COLUMNS,
  MENTION_COLUMNS,
  QUOTE_COLUMNS,
} from '../shared/columns.ts';
import type { DocumentRecord } from '../shared/records.ts';

const CHILD_TABLES = [
  ['entities', ENTITY_COLUMNS],
  ['mentions', MENTION_COLUMNS],
  ['quotes', QUOTE_COLUMNS],
  ['events', EVENT_COLUMNS],
  ['event_actors', EVENT_ACTOR_COLUMNS],
] as const;

/**
 * The rows of one table travel as one JSON array that json_to_recordset unpacks. JSON columns
 * arrive as text (they are already serialised) and are cast back. Nothing is inserted when the
 * document itself was not (it was already there).
 */
function insertChildRows(table: string, columns: Record<string, string>, placeholder: string): string {
  const names = Object.keys(columns);
  const definitions = names.map((name) => `${name} ${columns[name] === 'json' ? 'text' : columns[name]}`);
  const selected = names.map((name) => (columns[name] === 'json' ? `${name}::json` : name));
  return `INSERT INTO ${table} (${names.join(', ')})
    SELECT ${selected.join(', ')} FROM json_to_recordset(${placeholder}::json) AS r(${definitions.join(', ')})
     WHERE EXISTS (SELECT 1 FROM new_document)`;
}

/**
 * One statement, so one transaction with one round trip: the document, then its entities,
 * mentions, quotes and events. Foreign keys are checked at the end of the statement, so a failure
 * anywhere leaves nothing. ON CONFLICT DO NOTHING makes concurrent adds of the same page safe:
 * the second waits for the first and then inserts nothing.
 */
const ADD_DOCUMENT = `WITH new_document AS (
    INSERT INTO documents (${DOCUMENT_COLUMNS.join(', ')})
    VALUES (${DOCUMENT_COLUMNS.map((_, i) => `$${i + 1}`).join(', ')})
    ON CONFLICT DO NOTHING
    RETURNING id
  ),
  ${CHILD_TABLES.map(
    ([table, columns], i) =>
      `new_${table} AS (${insertChildRows(table, columns, `$${DOCUMENT_COLUMNS.length + i + 1}`)})`,
  ).join(',\n  ')}
  SELECT count(*)::int AS added FROM new_document`;

/** True when added, false when a document with the same SHA-256 was already there. */
export async function addDocument(pool: Pick<pg.Pool, 'query'>, record: DocumentRecord): Promise<boolean> {
  const doc = record.document;
  const params = [
    ...DOCUMENT_COLUMNS.map((column) => doc[column]),
    ...CHILD_TABLES.map(([table]) => JSON.stringify(record[table])),
  ];
  const { rows } = await pool.query<{ added: number }>(ADD_DOCUMENT, params);
  if (rows[0]?.added === 1) return true;
  await checkSameDocument(pool, doc.id, doc.sha256);
  return false;
}

/** ON CONFLICT covers both keys; a different page whose id collides must not pass as unchanged. */
async function checkSameDocument(pool: Pick<pg.Pool, 'query'>, id: string, sha256: string): Promise<void> {
  const { rows } = await pool.query<{ sha256: string }>('SELECT sha256 FROM documents WHERE id = $1', [id]);
  if (rows[0]?.sha256 !== sha256) {
    throw new SitrepError(
      'store_failed',
      `document id ${id} is already used by a different page (sha256 ${rows[0]?.sha256 ?? 'unknown'})`,
    );
  }
}
