import type pg from 'pg';
import { SitrepError } from '../../model/index.ts';
import {
  DOCUMENT_COLUMNS,
  ENTITY_COLUMNS,
  EVENT_COLUMNS,
  MENTION_COLUMNS,
  QUOTE_COLUMNS,
} from '../shared/columns.ts';
import type { DocumentRecord } from '../shared/records.ts';

const INSERT_DOCUMENT = `INSERT INTO documents (${DOCUMENT_COLUMNS.join(', ')})
  VALUES (${DOCUMENT_COLUMNS.map((_, i) => `$${i + 1}`).join(', ')})
  ON CONFLICT DO NOTHING`;

/**
 * One statement per table: the rows travel as one JSON array and json_to_recordset unpacks them.
 * JSON columns arrive as text (they are already serialised) and are cast back.
 */
function insertRowsSql(table: string, columns: Record<string, string>): string {
  const names = Object.keys(columns);
  const definitions = names.map((name) => `${name} ${columns[name] === 'json' ? 'text' : columns[name]}`);
  const selected = names.map((name) => (columns[name] === 'json' ? `${name}::json` : name));
  return `INSERT INTO ${table} (${names.join(', ')})
    SELECT ${selected.join(', ')} FROM json_to_recordset($1::json) AS r(${definitions.join(', ')})`;
}

const TABLES = [
  ['entities', insertRowsSql('entities', ENTITY_COLUMNS)],
  ['mentions', insertRowsSql('mentions', MENTION_COLUMNS)],
  ['quotes', insertRowsSql('quotes', QUOTE_COLUMNS)],
  ['events', insertRowsSql('events', EVENT_COLUMNS)],
] as const;

/**
 * Writes a whole document in one transaction: true when added, false when a document with the
 * same SHA-256 is already there, possibly added a moment ago by another worker (then nothing is
 * written). ON CONFLICT makes concurrent adds of the same page safe.
 */
export async function addDocument(client: pg.PoolClient, record: DocumentRecord): Promise<boolean> {
  await client.query('BEGIN');
  try {
    const doc = record.document;
    const inserted = await client.query(
      INSERT_DOCUMENT,
      DOCUMENT_COLUMNS.map((column) => doc[column]),
    );
    if (inserted.rowCount === 0) {
      await client.query('ROLLBACK');
      await checkSameDocument(client, doc.id, doc.sha256);
      return false;
    }
    for (const [table, sql] of TABLES) {
      const rows = record[table];
      if (rows.length) await client.query(sql, [JSON.stringify(rows)]);
    }
    await client.query('COMMIT');
    return true;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  }
}

/** ON CONFLICT covers both keys; a different page whose id collides must not pass as unchanged. */
async function checkSameDocument(client: pg.PoolClient, id: string, sha256: string): Promise<void> {
  const { rows } = await client.query<{ sha256: string }>('SELECT sha256 FROM documents WHERE id = $1', [id]);
  if (rows[0]?.sha256 !== sha256) {
    throw new SitrepError(
      'store_failed',
      `document id ${id} is already used by a different page (sha256 ${rows[0]?.sha256})`,
    );
  }
}
