import { SitrepError, type Event } from '../../../model/index.ts';
import type { EventFilter, Page, StoredEvent } from '../../types.ts';
import { wholeWordsPattern } from '../name-key.ts';
import { paging } from '../paging.ts';
import { Conditions, countRows, type SqlRunner } from '../sql-runner.ts';
import { parseJson } from './decode.ts';

interface EventRow {
  data: unknown;
  document_id: string;
  title: string | null;
  published: string | null;
}

const isoDatePrefix = /^\d{4}(-\d{2}(-\d{2}(T\d{2}(:\d{2}(:\d{2}(\.\d+)?)?)?)?)?)?$/;

function checkDate(option: string, value: string): string {
  if (isoDatePrefix.test(value)) return value;
  throw new SitrepError(
    'invalid_input',
    `${option} must be an ISO 8601 date such as 2024-06-20 (or 2024-06, 2024); got '${value}'`,
  );
}

/** Country or actor code of one side, any case. */
function sideIs(side: 'source' | 'target'): string {
  return `upper(e.${side}_country) = ? OR upper(e.${side}_code) = ?`;
}

function addActor(conditions: Conditions, actor: string): void {
  const code = actor.trim().toUpperCase();
  const pattern = wholeWordsPattern(actor);
  const sides = (['source', 'target'] as const).map((side) =>
    pattern ? `e.${side}_key LIKE ? OR ${sideIs(side)}` : sideIs(side),
  );
  const sideParams = pattern ? [pattern, code, code] : [code, code];
  conditions.add(sides.join(' OR '), ...sideParams, ...sideParams);
}

function addDyad(conditions: Conditions, [first, second]: [string, string]): void {
  const a = first.trim().toUpperCase();
  const b = second.trim().toUpperCase();
  const oneWay = `(${sideIs('source')}) AND (${sideIs('target')})`;
  conditions.add(`(${oneWay}) OR (${oneWay})`, a, a, b, b, b, b, a, a);
}

/** A number is a CAMEO code prefix ("14" finds 141, 1411…); a word is a PLOVER type. */
function addType(conditions: Conditions, type: string): void {
  const trimmed = type.trim();
  if (/^\d+$/.test(trimmed)) conditions.add('e.cameo LIKE ?', `${trimmed}%`);
  else conditions.add('upper(e.plover) = ?', trimmed.toUpperCase());
}

export function eventConditions(filter: EventFilter): Conditions {
  const conditions = new Conditions();
  if (filter.documentId !== undefined) conditions.add('e.document_id = ?', filter.documentId);
  if (filter.actor !== undefined) addActor(conditions, filter.actor);
  if (filter.dyad !== undefined) addDyad(conditions, filter.dyad);
  if (filter.type !== undefined) addType(conditions, filter.type);
  if (filter.minConfidence !== undefined && filter.minConfidence > 0)
    conditions.add('e.confidence >= ?', filter.minConfidence);
  if (filter.since !== undefined) conditions.add('e.effective_date >= ?', checkDate('since', filter.since));
  if (filter.until !== undefined) {
    // Compared at the precision given, so until=2024-06-20 includes 2024-06-20T18:00.
    const until = checkDate('until', filter.until);
    conditions.add('substr(e.effective_date, 1, ?) <= ?', until.length, until);
  }
  return conditions;
}

/**
 * One event as several reports: events of one story (src/trace: copies and independent reports of
 * one event) with the same type and sides. A document not traced is its own story and origin.
 */
const REPORTS = `SELECT e.*, coalesce(t.story_id, e.document_id) AS story_key,
    coalesce(t.origin_id, e.document_id) AS origin_key, coalesce(t.seq, 0) AS trace_seq,
    coalesce(e.target_key, '') AS target_group
  FROM events e LEFT JOIN trace_documents t ON t.document_id = e.document_id`;
const SAME_EVENT = 'story_key, plover, source_key, target_group';

/**
 * Latest events first (event date, else the article's date), then article order. By default an
 * event reported by several documents is listed once (its earliest traced report), with how many
 * reports and independent origins it has; `allReports` lists every report, each with those counts.
 */
export async function listEvents(runner: SqlRunner, filter: EventFilter = {}): Promise<Page<StoredEvent>> {
  const { limit, offset } = paging(filter);
  const conditions = eventConditions(filter);
  const grouped = `WITH r AS (${REPORTS} ${conditions.where}),
    counted AS (
      SELECT r.*, count(*) OVER (PARTITION BY ${SAME_EVENT}) AS reports,
        row_number() OVER (PARTITION BY ${SAME_EVENT} ORDER BY trace_seq, document_id, ordinal) AS nth
      FROM r
    ),
    origins AS (SELECT ${SAME_EVENT}, count(DISTINCT origin_key) AS origins FROM r GROUP BY ${SAME_EVENT})`;
  const pick = filter.allReports ? '' : 'WHERE c.nth = 1';
  const [rows, total] = await Promise.all([
    runner.all<EventRow & { reports: number | string; origins: number | string }>(
      `${grouped}
       SELECT c.data, c.document_id, d.title, d.published, c.reports, o.origins
       FROM counted c JOIN documents d ON d.id = c.document_id
       JOIN origins o ON o.story_key = c.story_key AND o.plover = c.plover AND o.source_key = c.source_key
         AND o.target_group = c.target_group
       ${pick}
       ORDER BY coalesce(c.effective_date, '') DESC, d.sort_at DESC, c.document_id, c.ordinal
       LIMIT ? OFFSET ?`,
      [...conditions.params, limit, offset],
    ),
    filter.allReports
      ? countRows(runner, `SELECT count(*) AS total FROM events e ${conditions.where}`, conditions.params)
      : countRows(
          runner,
          `SELECT count(*) AS total FROM (SELECT DISTINCT ${SAME_EVENT} FROM (${REPORTS} ${conditions.where}) r) g`,
          conditions.params,
        ),
  ]);
  const items = rows.map((row) => ({
    ...parseJson<Event>(row.data),
    documentId: row.document_id,
    documentTitle: row.title,
    published: row.published,
    reports: Number(row.reports),
    origins: Number(row.origins),
  }));
  return { total, items };
}
