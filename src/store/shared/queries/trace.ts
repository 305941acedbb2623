// Trace records, fingerprints and story names, written once for both databases (`?` placeholders,
// WITH RECURSIVE and multi-row VALUES work in SQLite and PostgreSQL alike).
import type { StoredTrace, StoryNameEntry, TraceRecord, TraceWrite } from '../../types.ts';
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

/**
 * Traced documents after `afterSeq` in arrival order, with their fingerprints (at most `limit`):
 * how a process loads its warm trace index and takes in what other processes traced since.
 */
export async function readTracesAfter(
  runner: SqlRunner,
  afterSeq: number,
  limit: number,
): Promise<StoredTrace[]> {
  const rows = await runner.all<TraceRow & { fingerprint: Uint8Array | null }>(
    `SELECT ${TRACE_COLUMNS}, fingerprint FROM trace_documents WHERE seq > ? ORDER BY seq LIMIT ?`,
    [afterSeq, limit],
  );
  return rows.map((row) => ({ ...toRecord(row), fingerprint: row.fingerprint ?? null }));
}

/** The newest arrival number, and which of `ids` are traced: one read before each trace. */
export async function traceHead(
  runner: SqlRunner,
  ids: readonly string[],
): Promise<{ lastSeq: number; traced: string[] }> {
  // the newest by the seq index, not max() over a scan
  const rows = await runner.all<{ document_id: string | null; last: number | string }>(
    `SELECT NULL AS document_id, coalesce((SELECT seq FROM trace_documents ORDER BY seq DESC LIMIT 1), 0) AS last
     ${ids.map(() => 'UNION ALL SELECT document_id, 0 FROM trace_documents WHERE document_id = ?').join(' ')}`,
    ids,
  );
  let lastSeq = 0;
  const traced: string[] = [];
  for (const row of rows) {
    if (row.document_id === null) lastSeq = Number(row.last);
    else traced.push(row.document_id);
  }
  return { lastSeq, traced };
}

export async function getTraceFingerprints(
  runner: SqlRunner,
  ids: readonly string[],
): Promise<StoredTrace[]> {
  if (!ids.length) return [];
  const rows = await runner.all<TraceRow & { fingerprint: Uint8Array | null }>(
    `SELECT ${TRACE_COLUMNS}, fingerprint FROM trace_documents WHERE document_id IN (${placeholders(ids.length)})
     ORDER BY seq`,
    ids,
  );
  return rows.map((row) => ({ ...toRecord(row), fingerprint: row.fingerprint ?? null }));
}

/**
 * The headline and lead names of origins traced after `afterSeq`, through `throughSeq`, as kept
 * before they went into the fingerprint (stores traced before migration 009).
 */
export async function readStoryNames(
  runner: SqlRunner,
  afterSeq: number,
  throughSeq: number,
): Promise<StoryNameEntry[]> {
  const rows = await runner.all<{
    name: string;
    document_id: string;
    seq: number | string;
    names: number | string;
    published_ms: number | string | null;
  }>(
    `SELECT name, document_id, seq, names, published_ms FROM trace_names WHERE seq > ? AND seq <= ?
     ORDER BY seq`,
    [afterSeq, throughSeq],
  );
  return rows.map((r) => ({
    name: r.name,
    documentId: r.document_id,
    seq: Number(r.seq),
    names: Number(r.names),
    publishedMs: r.published_ms === null ? null : Number(r.published_ms),
  }));
}

export async function listUntraced(runner: SqlRunner, limit: number): Promise<string[]> {
  const rows = await runner.all<{ id: string }>(
    `SELECT d.id FROM documents d WHERE NOT EXISTS (SELECT 1 FROM trace_documents t WHERE t.document_id = d.id)
     ORDER BY d.added_at, d.id LIMIT ?`,
    [limit],
  );
  return rows.map((r) => r.id);
}

function placeholders(n: number): string {
  return Array.from({ length: n }, () => '?').join(', ');
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
  // the newest by the seq index, not max() over a scan
  const rows = await runner.all<{ next: number | string }>(
    'SELECT coalesce((SELECT seq FROM trace_documents ORDER BY seq DESC LIMIT 1), 0) + 1 AS next',
  );
  return Number(rows[0]?.next ?? 1);
}

const TRACE_UPSERT = `INSERT INTO trace_documents (${TRACE_COLUMNS}, fingerprint) VALUES ?
     ON CONFLICT (document_id) DO UPDATE SET parent_id = excluded.parent_id, origin_id = excluded.origin_id,
       relation = excluded.relation, story_id = excluded.story_id, shared = excluded.shared,
       fingerprint = coalesce(excluded.fingerprint, trace_documents.fingerprint)`;

/**
 * How a store inserts trace records. `rowByRow` (SQLite, whose statements are in-process calls): one
 * plain one-row INSERT per record, then an update for a record already stored (a document traced
 * again). A one-row INSERT with no ON CONFLICT clause, no RETURNING and no SELECT needs no statement
 * journal; one that does, inside a unit's savepoint, first flushes the full-text index's pending terms
 * and copies every page it touches aside, several times the cost of the row itself. Else (PostgreSQL,
 * a round trip per statement) one multi-row upsert per run of records.
 */
export type TraceInserts = 'rowByRow' | 'upsertMany';

export async function saveTrace(runner: SqlRunner, write: TraceWrite, inserts: TraceInserts): Promise<void> {
  await saveTraces(runner, [write], inserts);
}

/**
 * Saves trace writes as one after another would, with one statement for the records of each run of
 * writes that neither merge stories nor re-parent copies (those updates run in their place).
 */
export async function saveTraces(
  runner: SqlRunner,
  writes: readonly TraceWrite[],
  inserts: TraceInserts,
): Promise<void> {
  let from = 0;
  for (let i = 0; i < writes.length; i++) {
    const write = writes[i]!;
    const merged = (write.mergedStories ?? []).filter((story) => story !== write.record.story);
    if (i < writes.length - 1 && !merged.length && !write.reparented.length) continue;
    await insertTraces(runner, writes.slice(from, i + 1), inserts);
    from = i + 1;
    if (merged.length) {
      await runner.run(
        `UPDATE trace_documents SET story_id = ? WHERE story_id IN (${placeholders(merged.length)})`,
        [write.record.story, ...merged],
      );
    }
    for (const update of write.reparented) await reparent(runner, update);
  }
}

const TRACE_INSERT_NEW = `INSERT OR IGNORE INTO trace_documents (${TRACE_COLUMNS}, fingerprint)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`;

async function insertTraces(
  runner: SqlRunner,
  writes: readonly TraceWrite[],
  inserts: TraceInserts,
): Promise<void> {
  if (!writes.length) return;
  if (inserts === 'rowByRow') {
    for (const write of writes) {
      const params = traceParams(write);
      // nothing inserted: the document is traced already (or a constraint fails: the upsert says which)
      if (!(await runner.run(TRACE_INSERT_NEW, params)))
        await runner.run(TRACE_UPSERT.replace('VALUES ?', 'VALUES (?, ?, ?, ?, ?, ?, ?, ?)'), params);
    }
    return;
  }
  const params = writes.flatMap(traceParams);
  const rows = writes.map(() => '(?, ?, ?, ?, ?, ?, ?, ?)').join(', ');
  await runner.run(TRACE_UPSERT.replace('VALUES ?', `VALUES ${rows}`), params);
}

function traceParams({ record, fingerprint }: TraceWrite): unknown[] {
  return [
    record.documentId,
    record.seq,
    record.parent,
    record.origin,
    record.relation,
    record.story,
    record.shared,
    fingerprintParam(fingerprint),
  ];
}

/**
 * Writes a copy's trace with its parent's stored origin and story (the record's own are not read);
 * `reparented` records take the written record's origin and story. Null, and nothing written, when
 * the parent is not stored.
 */
export async function saveCopyTrace(
  runner: SqlRunner,
  write: TraceWrite,
  inserts: TraceInserts,
): Promise<TraceRecord | null> {
  const { record } = write;
  if (!record.parent) throw new TypeError(`saveCopyTrace: ${record.documentId} has no parent`);
  const [parent] = await runner.all<{ origin_id: string; story_id: string }>(
    'SELECT origin_id, story_id FROM trace_documents WHERE document_id = ?',
    [record.parent],
  );
  if (!parent) return null;
  const written = { ...record, origin: parent.origin_id, story: parent.story_id };
  await insertTraces(runner, [{ record: written, fingerprint: write.fingerprint, reparented: [] }], inserts);
  for (const update of write.reparented)
    await reparent(runner, { ...update, origin: written.origin, story: written.story });
  return written;
}

function fingerprintParam(fingerprint: Uint8Array | undefined): Buffer | null {
  return fingerprint ? Buffer.from(fingerprint.buffer, fingerprint.byteOffset, fingerprint.byteLength) : null;
}

/**
 * A document that found its source: its own fields, then origin and story down its chain of copies.
 * Not when the source descends from it in the store: a process decides from its warm index, which
 * does not see the re-parentings other processes made since they traced, and a family must not
 * become a cycle without an origin.
 */
async function reparent(runner: SqlRunner, record: TraceRecord): Promise<void> {
  const changed = await runner.run(
    `UPDATE trace_documents SET parent_id = ?, relation = ?, shared = ? WHERE document_id = ?
       AND NOT EXISTS (
         WITH RECURSIVE up (id) AS (
           SELECT CAST(? AS TEXT)
           UNION SELECT t.parent_id FROM trace_documents t JOIN up ON t.document_id = up.id
            WHERE t.parent_id IS NOT NULL
         )
         SELECT 1 FROM up WHERE id = ?
       )`,
    [record.parent, record.relation, record.shared, record.documentId, record.parent, record.documentId],
  );
  if (!changed) return;
  await runner.run(
    `WITH RECURSIVE chain (id) AS (
       SELECT CAST(? AS TEXT)
       UNION SELECT t.document_id FROM trace_documents t JOIN chain ON t.parent_id = chain.id
     )
     UPDATE trace_documents SET origin_id = ?, story_id = ? WHERE document_id IN (SELECT id FROM chain)`,
    [record.documentId, record.origin, record.story],
  );
}
