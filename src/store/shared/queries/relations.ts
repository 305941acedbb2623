// Reads for the analyst's workspace: a dyad's events over time, an actor's partners and the actor
// graph. Counting is done in SQL both databases accept; bucketing by week or month is left to the
// caller, which needs the days and documents anyway.
import { SitrepError, type Event } from '../../../model/index.ts';
import type {
  ActorMatch,
  DyadEventFact,
  EdgeCount,
  EventWindow,
  ListOptions,
  Page,
  StoredEvent,
} from '../../types.ts';
import { keyCondition, type Side } from '../actor-keys.ts';
import { paging } from '../paging.ts';
import { Conditions, countRows, type SqlRunner } from '../sql-runner.ts';
import { parseJson } from './decode.ts';
import { eventConditions } from './list-events.ts';

/** The node an event side stands for in the graph (written with the event; see actor-keys.ts). */
const nodeKey = (side: Side) => `e.${side}_node`;

/**
 * The first date string after every date that `until` (YYYY, YYYY-MM or YYYY-MM-DD) takes in at
 * its precision: 2024 → 2025, 2024-12 → 2025-01, 2024-02-29 → 2024-03-01. Null for other forms.
 */
export function dateAfter(until: string): string | null {
  const [y, m, d] = until.split('-').map(Number) as [number, number?, number?];
  let next: string | null = null;
  if (/^\d{4}$/.test(until)) next = String(y + 1).padStart(4, '0');
  else if (/^\d{4}-\d{2}$/.test(until))
    next =
      m! >= 12
        ? `${String(y + 1).padStart(4, '0')}-01`
        : `${until.slice(0, 4)}-${String(m! + 1).padStart(2, '0')}`;
  else if (/^\d{4}-\d{2}-\d{2}$/.test(until))
    next = new Date(Date.UTC(y, m! - 1, d! + 1)).toISOString().slice(0, 10);
  // A bound must lie after the until (an impossible date such as 2024-00-10 may not): else none.
  return next !== null && next > until ? next : null;
}

/**
 * The window's dates on the event_actors rows (alias), so the (key, date) index finds an actor's
 * keys of the window in one range. A superset of the window: the exact test at the precision given
 * stays on the event (windowConditions).
 */
function keyDates(alias: string, window: EventWindow = {}): { sql: string; params: string[] } {
  const parts: string[] = [];
  const params: string[] = [];
  if (window.since !== undefined) {
    parts.push(`${alias}.effective_date >= ?`);
    params.push(window.since);
  }
  const after = window.until === undefined ? null : dateAfter(window.until);
  if (after !== null) {
    parts.push(`${alias}.effective_date < ?`);
    params.push(after);
  }
  return { sql: parts.map((p) => ` AND ${p}`).join(''), params };
}

/**
 * SQL true when the event (e) has the actor on one side (or either side when side is null): an
 * index lookup in event_actors, by key and window. Null when the match names nothing.
 */
function sideMatches(
  side: Side | null,
  actor: ActorMatch,
  window?: EventWindow,
): { sql: string; params: string[] } | null {
  const key = keyCondition('x', actor);
  if (!key) return null;
  const dates = keyDates('x', window);
  return {
    sql: `(e.document_id, e.ordinal) IN (SELECT x.document_id, x.ordinal FROM event_actors x
      WHERE (${key.sql})${dates.sql}${side ? ' AND x.side = ?' : ''})`,
    params: [...key.params, ...dates.params, ...(side ? [side] : [])],
  };
}

function windowConditions(window: EventWindow = {}): Conditions {
  const conditions = eventConditions({ since: window.since, until: window.until, type: window.type });
  if (window.minConfidence !== undefined) {
    if (!(window.minConfidence >= 0 && window.minConfidence <= 1))
      throw new SitrepError(
        'invalid_input',
        `minConfidence must be between 0 and 1; got ${window.minConfidence}`,
      );
    conditions.add('e.confidence >= ?', window.minConfidence);
  }
  return conditions;
}

/** Events with one actor on one side and the other on the other, either way round. */
function addDyad(conditions: Conditions, a: ActorMatch, b: ActorMatch, window?: EventWindow): void {
  const [aKey, bKey] = [keyCondition('x', a), keyCondition('y', b)];
  if (!aKey || !bKey) {
    conditions.none();
    return;
  }
  const dates = keyDates('x', window);
  conditions.add(
    `(e.document_id, e.ordinal) IN (SELECT x.document_id, x.ordinal FROM event_actors x
      JOIN event_actors y ON y.document_id = x.document_id AND y.ordinal = x.ordinal
        AND y.side = CASE x.side WHEN 'source' THEN 'target' ELSE 'source' END
      WHERE (${aKey.sql})${dates.sql} AND (${bKey.sql}))`,
    ...aKey.params,
    ...dates.params,
    ...bKey.params,
  );
}

/**
 * Counting events once per origin. Copies of one story (src/trace: same origin) carry the same
 * events, so rows of one origin with the same type, sides and stated date are one event reported
 * several times; the date keeps apart two meetings of one pair reported in one article. A
 * document not traced is its own origin. With every report counted, each row is its own event.
 */
const ORIGIN_KEY = 'coalesce(t.origin_id, e.document_id)';
const eventKey = (allReports: boolean | undefined) =>
  allReports
    ? 'r.document_id, r.ordinal'
    : "r.origin_key, r.plover, r.source_key, coalesce(r.target_key, ''), coalesce(r.date, '')";

/** The columns counting reads from each event row (e), with its origin (t joined by the caller). */
const REPORT_COLUMNS = `e.document_id, e.ordinal, e.plover, e.source_key, e.target_key, e.date,
  e.effective_date, e.quad_class, e.goldstein, ${ORIGIN_KEY} AS origin_key`;
const WITH_ORIGIN = 'events e LEFT JOIN trace_documents t ON t.document_id = e.document_id';

interface FactRow {
  document_id: string;
  origin_key: string;
  ordinal: number | string;
  date: string;
  quad_class: number | string | null;
  goldstein: number | string | null;
  reports: number | string;
}

const num = (v: number | string | null): number | null => (v === null ? null : Number(v));

/**
 * A dyad's events, each once per origin (its earliest traced report stands for it, dated by the
 * earliest of its reports), or every report with `allReports`.
 */
export async function dyadEvents(
  runner: SqlRunner,
  a: ActorMatch,
  b: ActorMatch,
  window?: EventWindow,
): Promise<DyadEventFact[]> {
  const conditions = windowConditions(window);
  addDyad(conditions, a, b, window);
  conditions.add('e.effective_date IS NOT NULL');
  const key = eventKey(window?.allReports);
  const rows = await runner.all<FactRow>(
    `WITH r AS (SELECT ${REPORT_COLUMNS}, coalesce(t.seq, 0) AS trace_seq FROM ${WITH_ORIGIN} ${conditions.where}),
     counted AS (
       SELECT r.*, count(*) OVER (PARTITION BY ${key}) AS reports,
         min(r.effective_date) OVER (PARTITION BY ${key}) AS first_date,
         row_number() OVER (PARTITION BY ${key} ORDER BY r.trace_seq, r.document_id, r.ordinal) AS nth
       FROM r
     )
     SELECT document_id, ordinal, first_date AS date, quad_class, goldstein, origin_key, reports
     FROM counted WHERE nth = 1
     ORDER BY first_date, document_id, ordinal`,
    conditions.params,
  );
  return rows.map((r) => ({
    documentId: r.document_id,
    ordinal: Number(r.ordinal),
    date: r.date,
    quadClass: num(r.quad_class),
    goldstein: num(r.goldstein),
    originKey: r.origin_key,
    reports: Number(r.reports),
  }));
}

interface EdgeRow {
  source: string;
  target: string;
  events: number | string;
  reports: number | string;
  origins: number | string;
  q1: number | string;
  q2: number | string;
  q3: number | string;
  q4: number | string;
  goldstein_sum: number | string | null;
  goldstein_count: number | string;
}

const toEdge = (row: EdgeRow): EdgeCount => ({
  source: row.source,
  target: row.target,
  events: Number(row.events),
  reports: Number(row.reports),
  origins: Number(row.origins),
  quad: [Number(row.q1), Number(row.q2), Number(row.q3), Number(row.q4)],
  goldsteinSum: Number(row.goldstein_sum ?? 0),
  goldsteinCount: Number(row.goldstein_count),
});

const quadCount = (quad: number) => `sum(CASE ev.quad_class WHEN ${quad} THEN 1 ELSE 0 END) AS q${quad}`;

/**
 * Edge counts from report rows (with columns \`a\` and \`b\` naming the edge's two nodes): rows
 * folded into events (once per origin unless allReports), then counted per edge, quad classes and
 * independent origins in one pass (one sort of the events; origins cannot be added up by class).
 */
function edgeCounts(reportRows: string, allReports: boolean | undefined): string {
  const events = allReports
    ? `SELECT r.a, r.b, r.origin_key, r.quad_class, r.goldstein, 1 AS reports FROM (${reportRows}) r`
    : `SELECT r.a, r.b, min(r.origin_key) AS origin_key, min(r.quad_class) AS quad_class,
        avg(r.goldstein) AS goldstein, count(*) AS reports
      FROM (${reportRows}) r GROUP BY ${eventKey(false)}, r.a, r.b`;
  return `SELECT ev.a AS source, ev.b AS target, count(*) AS events, sum(ev.reports) AS reports,
      count(DISTINCT ev.origin_key) AS origins, ${[1, 2, 3, 4].map(quadCount).join(', ')},
      sum(ev.goldstein) AS goldstein_sum, count(ev.goldstein) AS goldstein_count
    FROM (${events}) ev GROUP BY ev.a, ev.b`;
}

/**
 * Every pair of nodes with events in the window, either direction, as one edge (source before
 * target in code-unit order).
 */
export async function actorGraph(runner: SqlRunner, window?: EventWindow): Promise<EdgeCount[]> {
  const conditions = windowConditions(window);
  conditions.add('e.target_node IS NOT NULL');
  conditions.add('e.source_node <> e.target_node');
  // The pair's order here is the database's (collations differ); it is made JavaScript's below.
  const rows = await runner.all<EdgeRow>(
    edgeCounts(
      `SELECT ${REPORT_COLUMNS},
        CASE WHEN e.source_node < e.target_node THEN e.source_node ELSE e.target_node END AS a,
        CASE WHEN e.source_node < e.target_node THEN e.target_node ELSE e.source_node END AS b
       FROM ${WITH_ORIGIN} ${conditions.where}`,
      window?.allReports,
    ),
    conditions.params,
  );
  return rows.map((row) =>
    toEdge(row.source < row.target ? row : { ...row, source: row.target, target: row.source }),
  );
}

/** Partners of an actor, as edges from the actor (source = the actor's side, whichever it was). */
export async function actorPartners(
  runner: SqlRunner,
  actor: ActorMatch,
  window?: EventWindow,
): Promise<EdgeCount[]> {
  const self = keyCondition('y', actor);
  if (!self) return [];
  const side = (mine: Side, other: Side) => {
    const conditions = windowConditions(window);
    const onMySide = sideMatches(mine, actor, window)!;
    conditions.add(onMySide.sql, ...onMySide.params);
    conditions.add(`e.${other}_node IS NOT NULL`);
    // An actor is not its own partner (a minister meeting his own president). NOT EXISTS, not
    // NOT IN: SQLite answers a row-value NOT IN by scanning its list.
    conditions.add(
      `NOT EXISTS (SELECT 1 FROM event_actors y WHERE y.document_id = e.document_id
        AND y.ordinal = e.ordinal AND y.side = ? AND (${self.sql}))`,
      other,
      ...self.params,
    );
    return {
      sql: `SELECT ${REPORT_COLUMNS}, 'self' AS a, ${nodeKey(other)} AS b FROM ${WITH_ORIGIN} ${conditions.where}`,
      params: conditions.params,
    };
  };
  // Both sides in one count, so an origin with the actor on either side is one origin.
  const [out, into] = [side('source', 'target'), side('target', 'source')];
  const rows = await runner.all<EdgeRow>(edgeCounts(`${out.sql} UNION ALL ${into.sql}`, window?.allReports), [
    ...out.params,
    ...into.params,
  ]);
  return rows.map(toEdge);
}

interface EventRow {
  data: unknown;
  document_id: string;
  title: string | null;
  published: string | null;
}

/** Either side is the actor. */
function addActor(conditions: Conditions, actor: ActorMatch, window?: EventWindow): void {
  const either = sideMatches(null, actor, window);
  if (!either) conditions.none();
  else conditions.add(either.sql, ...either.params);
}

/**
 * A dyad's events, or all of one actor's events when b is null; oldest first. Each event once per
 * origin (its earliest traced report, as dyadEvents counts it) with how many reports it has; with
 * `allReports` every report, each with its event's count.
 */
export async function listDyadEvents(
  runner: SqlRunner,
  a: ActorMatch,
  b: ActorMatch | null,
  window: EventWindow & ListOptions,
): Promise<Page<StoredEvent>> {
  const { limit, offset } = paging(window);
  const conditions = windowConditions(window);
  if (b) addDyad(conditions, a, b, window);
  else addActor(conditions, a, window);
  const key = eventKey(false);
  const reports = `SELECT ${REPORT_COLUMNS}, e.data, coalesce(t.seq, 0) AS trace_seq
    FROM ${WITH_ORIGIN} ${conditions.where}`;
  const [rows, total] = await Promise.all([
    runner.all<EventRow & { reports: number | string }>(
      `WITH r AS (${reports}),
       counted AS (
         SELECT r.*, count(*) OVER (PARTITION BY ${key}) AS reports,
           row_number() OVER (PARTITION BY ${key} ORDER BY r.trace_seq, r.document_id, r.ordinal) AS nth
         FROM r
       )
       SELECT c.data, c.document_id, d.title, d.published, c.reports
       FROM counted c JOIN documents d ON d.id = c.document_id
       ${window.allReports ? '' : 'WHERE c.nth = 1'}
       ORDER BY c.effective_date, c.document_id, c.ordinal
       LIMIT ? OFFSET ?`,
      [...conditions.params, limit, offset],
    ),
    window.allReports
      ? countRows(runner, `SELECT count(*) AS total FROM events e ${conditions.where}`, conditions.params)
      : countRows(
          runner,
          `SELECT count(*) AS total FROM (SELECT DISTINCT ${key} FROM (${reports}) r) g`,
          conditions.params,
        ),
  ]);
  return {
    total,
    items: rows.map((row) => ({
      ...parseJson<Event>(row.data),
      documentId: row.document_id,
      documentTitle: row.title,
      published: row.published,
      reports: Number(row.reports),
    })),
  };
}

/** The first and last event dates stored (YYYY-MM-DD precision or coarser, as stored). */
export async function eventDateRange(
  runner: SqlRunner,
): Promise<{ first: string | null; last: string | null }> {
  const [row] = await runner.all<{ first: string | null; last: string | null }>(
    'SELECT min(effective_date) AS first, max(effective_date) AS last FROM events',
  );
  return { first: row?.first ?? null, last: row?.last ?? null };
}
