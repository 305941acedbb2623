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
 * SQL true when the event (e) has the actor on one side (or either side when side is null): an
 * index lookup in event_actors. Null when the match names nothing.
 */
function sideMatches(side: Side | null, actor: ActorMatch): { sql: string; params: string[] } | null {
  const key = keyCondition('x', actor);
  if (!key) return null;
  return {
    sql: `(e.document_id, e.ordinal) IN (SELECT x.document_id, x.ordinal FROM event_actors x
      WHERE (${key.sql})${side ? ' AND x.side = ?' : ''})`,
    params: side ? [...key.params, side] : key.params,
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
function addDyad(conditions: Conditions, a: ActorMatch, b: ActorMatch): void {
  const [aKey, bKey] = [keyCondition('x', a), keyCondition('y', b)];
  if (!aKey || !bKey) {
    conditions.none();
    return;
  }
  conditions.add(
    `(e.document_id, e.ordinal) IN (SELECT x.document_id, x.ordinal FROM event_actors x
      JOIN event_actors y ON y.document_id = x.document_id AND y.ordinal = x.ordinal
        AND y.side = CASE x.side WHEN 'source' THEN 'target' ELSE 'source' END
      WHERE (${aKey.sql}) AND (${bKey.sql}))`,
    ...aKey.params,
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
  addDyad(conditions, a, b);
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
  quad_class: number | string | null;
  events: number | string;
  reports: number | string;
  origins: number | string;
  goldstein_sum: number | string | null;
  goldstein_count: number | string;
}

function toEdges(rows: EdgeRow[]): EdgeCount[] {
  const edges = new Map<string, EdgeCount>();
  for (const row of rows) {
    const key = `${row.source}\u0000${row.target}`;
    let edge = edges.get(key);
    if (!edge) {
      edge = {
        source: row.source,
        target: row.target,
        events: 0,
        reports: 0,
        // Counted over the whole edge in SQL (an origin may hold events of several quad classes).
        origins: Number(row.origins),
        quad: [0, 0, 0, 0],
        goldsteinSum: 0,
        goldsteinCount: 0,
      };
      edges.set(key, edge);
    }
    const count = Number(row.events);
    edge.events += count;
    edge.reports += Number(row.reports);
    const quad = num(row.quad_class);
    if (quad !== null && quad >= 1 && quad <= 4) edge.quad[quad - 1]! += count;
    edge.goldsteinSum += Number(row.goldstein_sum ?? 0);
    edge.goldsteinCount += Number(row.goldstein_count);
  }
  return [...edges.values()];
}

/**
 * Edge counts from report rows (r, with columns \`a\` and \`b\` naming the edge's two nodes): rows
 * folded into events (once per origin unless allReports), then counted by quad class, with the
 * independent origins of each edge.
 */
function edgeCounts(reportRows: string, allReports: boolean | undefined): string {
  return `WITH r AS (${reportRows}),
    ev AS (
      SELECT r.a, r.b, min(r.origin_key) AS origin_key, min(r.quad_class) AS quad_class, avg(r.goldstein) AS goldstein,
        count(*) AS reports
      FROM r GROUP BY r.a, r.b, ${eventKey(allReports)}
    ),
    o AS (SELECT a, b, count(DISTINCT origin_key) AS origins FROM ev GROUP BY a, b)
    SELECT ev.a AS source, ev.b AS target, ev.quad_class, count(*) AS events, sum(ev.reports) AS reports,
      o.origins, sum(ev.goldstein) AS goldstein_sum, count(ev.goldstein) AS goldstein_count
    FROM ev JOIN o ON o.a = ev.a AND o.b = ev.b
    GROUP BY ev.a, ev.b, ev.quad_class, o.origins`;
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
  return toEdges(
    rows.map((row) => (row.source < row.target ? row : { ...row, source: row.target, target: row.source })),
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
    const onMySide = sideMatches(mine, actor)!;
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
  return toEdges(rows);
}

interface EventRow {
  data: unknown;
  document_id: string;
  title: string | null;
  published: string | null;
}

/** Either side is the actor. */
function addActor(conditions: Conditions, actor: ActorMatch): void {
  const either = sideMatches(null, actor);
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
  if (b) addDyad(conditions, a, b);
  else addActor(conditions, a);
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
