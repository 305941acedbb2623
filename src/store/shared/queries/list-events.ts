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

/** Latest events first (event date, else the article's date), then article order. */
export async function listEvents(runner: SqlRunner, filter: EventFilter = {}): Promise<Page<StoredEvent>> {
  const { limit, offset } = paging(filter);
  const conditions = eventConditions(filter);
  const [rows, total] = await Promise.all([
    runner.all<EventRow>(
      `SELECT e.data, e.document_id, d.title, d.published
       FROM events e JOIN documents d ON d.id = e.document_id
       ${conditions.where}
       ORDER BY coalesce(e.effective_date, '') DESC, d.sort_at DESC, e.document_id, e.ordinal
       LIMIT ? OFFSET ?`,
      [...conditions.params, limit, offset],
    ),
    countRows(runner, `SELECT count(*) AS total FROM events e ${conditions.where}`, conditions.params),
  ]);
  const items = rows.map((row) => ({
    ...parseJson<Event>(row.data),
    documentId: row.document_id,
    documentTitle: row.title,
    published: row.published,
  }));
  return { total, items };
}
