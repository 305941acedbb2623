// Trace records and the shingle index, written once for both databases (`?` placeholders,
// WITH RECURSIVE and multi-row VALUES work in SQLite and PostgreSQL alike).
import type { TraceCandidate, TraceRecord, TraceWrite } from '../../types.ts';
import type { SqlRunner } from '../sql-runner.ts';

interface TraceRow {
  document_id: string;
  seq: number | string;
  parent_id: string | null;
  origin_id: string;
  relation: TraceRecord['relation'];
  story_id: string;
  shared: number | string;
}

const TRACE_COLUMNS = 'document_id, seq, parent_id, origin_id, relation, story_id, shared';
/** Rows per multi-row INSERT (two parameters each). */
const INSERT_CHUNK = 400;

function toRecord(row: TraceRow): TraceRecord {
  return {
    documentId: row.document_id,
    seq: Number(row.seq),
    parent: row.parent_id,
    origin: row.origin_id,
    relation: row.relation,
    story: row.story_id,
    shared: Number(row.shared),
  };
}

export async function findTraceCandidates(
  runner: SqlRunner,
  hashes: readonly number[],
  limit: number,
  excludeId: string,
): Promise<TraceCandidate[]> {
  if (!hashes.length) return [];
  const rows = await runner.all<{ document_id: string; hits: number | string }>(
    `SELECT document_id, count(*) AS hits FROM trace_shingles
     WHERE hash IN (${hashes.map(() => '?').join(', ')}) AND document_id <> ?
     GROUP BY document_id ORDER BY hits DESC, document_id LIMIT ?`,
    [...hashes, excludeId, limit],
  );
  return rows.map((r) => ({ documentId: r.document_id, hits: Number(r.hits) }));
}

export async function getTraces(runner: SqlRunner, ids: readonly string[]): Promise<TraceRecord[]> {
  if (!ids.length) return [];
  const rows = await runner.all<TraceRow>(
    `SELECT ${TRACE_COLUMNS} FROM trace_documents WHERE document_id IN (${ids.map(() => '?').join(', ')})
     ORDER BY seq`,
    ids,
  );
  return rows.map(toRecord);
}

/** Every document of a copy family, in arrival order. */
export async function listTraceFamily(runner: SqlRunner, originId: string): Promise<TraceRecord[]> {
  const rows = await runner.all<TraceRow>(
    `SELECT ${TRACE_COLUMNS} FROM trace_documents WHERE origin_id = ? ORDER BY seq`,
    [originId],
  );
  return rows.map(toRecord);
}

export async function nextTraceSeq(runner: SqlRunner): Promise<number> {
  const rows = await runner.all<{ next: number | string }>(
    'SELECT coalesce(max(seq), 0) + 1 AS next FROM trace_documents',
  );
  return Number(rows[0]?.next ?? 1);
}

export async function saveTrace(runner: SqlRunner, write: TraceWrite): Promise<void> {
  const { record, hashes } = write;
  await runner.run(
    `INSERT INTO trace_documents (${TRACE_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (document_id) DO UPDATE SET parent_id = excluded.parent_id, origin_id = excluded.origin_id,
       relation = excluded.relation, story_id = excluded.story_id, shared = excluded.shared`,
    [
      record.documentId,
      record.seq,
      record.parent,
      record.origin,
      record.relation,
      record.story,
      record.shared,
    ],
  );
  const unique = [...new Set(hashes)];
  for (let i = 0; i < unique.length; i += INSERT_CHUNK) {
    const chunk = unique.slice(i, i + INSERT_CHUNK);
    await runner.run(
      `INSERT INTO trace_shingles (hash, document_id) VALUES ${chunk.map(() => '(?, ?)').join(', ')}
       ON CONFLICT DO NOTHING`,
      chunk.flatMap((h) => [h, record.documentId]),
    );
  }
  for (const update of write.reparented) await reparent(runner, update);
}

/** A document that found its source: its own fields, then origin and story down its chain of copies. */
async function reparent(runner: SqlRunner, record: TraceRecord): Promise<void> {
  await runner.run(
    'UPDATE trace_documents SET parent_id = ?, relation = ?, shared = ? WHERE document_id = ?',
    [record.parent, record.relation, record.shared, record.documentId],
  );
  await runner.run(
    `WITH RECURSIVE chain (id) AS (
       SELECT CAST(? AS TEXT)
       UNION SELECT t.document_id FROM trace_documents t JOIN chain ON t.parent_id = chain.id
     )
     UPDATE trace_documents SET origin_id = ?, story_id = ? WHERE document_id IN (SELECT id FROM chain)`,
    [record.documentId, record.origin, record.story],
  );
}
