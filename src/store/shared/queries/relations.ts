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

interface FactRow {
  document_id: string;
  origin_key: string;
  ordinal: number | string;
  date: string;
  quad_class: number | string | null;
  goldstein: number | string | null;
}

const num = (v: number | string | null): number | null => (v === null ? null : Number(v));

export async function dyadEvents(
  runner: SqlRunner,
  a: ActorMatch,
  b: ActorMatch,
  window?: EventWindow,
): Promise<DyadEventFact[]> {
  const conditions = windowConditions(window);
  addDyad(conditions, a, b);
  conditions.add('e.effective_date IS NOT NULL');
  const rows = await runner.all<FactRow>(
    `SELECT e.document_id, e.ordinal, e.effective_date AS date, e.quad_class, e.goldstein,
       coalesce((SELECT t.origin_id FROM trace_documents t WHERE t.document_id = e.document_id), e.document_id)
         AS origin_key
     FROM events e ${conditions.where}
     ORDER BY e.effective_date, e.document_id, e.ordinal`,
    conditions.params,
  );
  return rows.map((r) => ({
    documentId: r.document_id,
    ordinal: Number(r.ordinal),
    date: r.date,
    quadClass: num(r.quad_class),
    goldstein: num(r.goldstein),
    originKey: r.origin_key,
  }));
}

interface EdgeRow {
  source: string;
  target: string;
  quad_class: number | string | null;
  events: number | string;
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
        quad: [0, 0, 0, 0],
        goldsteinSum: 0,
        goldsteinCount: 0,
      };
      edges.set(key, edge);
    }
    const count = Number(row.events);
    edge.events += count;
    const quad = num(row.quad_class);
    if (quad !== null && quad >= 1 && quad <= 4) edge.quad[quad - 1]! += count;
    edge.goldsteinSum += Number(row.goldstein_sum ?? 0);
    edge.goldsteinCount += Number(row.goldstein_count);
  }
  return [...edges.values()];
}

const EDGE_COLUMNS = `e.quad_class, count(*) AS events, sum(e.goldstein) AS goldstein_sum,
  count(e.goldstein) AS goldstein_count`;

export async function actorGraph(runner: SqlRunner, window?: EventWindow): Promise<EdgeCount[]> {
  const conditions = windowConditions(window);
  conditions.add('e.target_node IS NOT NULL');
  const rows = await runner.all<EdgeRow>(
    `SELECT ${nodeKey('source')} AS source, ${nodeKey('target')} AS target, ${EDGE_COLUMNS}
     FROM events e ${conditions.where}
     GROUP BY ${nodeKey('source')}, ${nodeKey('target')}, e.quad_class`,
    conditions.params,
  );
  return toEdges(rows).filter((edge) => edge.source !== edge.target);
}

/** Partners of an actor, as edges from the actor (source = the actor's side, whichever it was). */
export async function actorPartners(
  runner: SqlRunner,
  actor: ActorMatch,
  window?: EventWindow,
): Promise<EdgeCount[]> {
  const self = keyCondition('y', actor);
  if (!self) return [];
  const run = async (mine: Side, other: Side) => {
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
    return runner.all<EdgeRow>(
      `SELECT 'self' AS source, ${nodeKey(other)} AS target, ${EDGE_COLUMNS}
       FROM events e ${conditions.where}
       GROUP BY ${nodeKey(other)}, e.quad_class`,
      conditions.params,
    );
  };
  const [out, into] = await Promise.all([run('source', 'target'), run('target', 'source')]);
  return toEdges([...out, ...into]);
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

/** A dyad's events, or all of one actor's events when b is null; oldest first. */
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
  const [rows, total] = await Promise.all([
    runner.all<EventRow>(
      `SELECT e.data, e.document_id, d.title, d.published
       FROM events e JOIN documents d ON d.id = e.document_id
       ${conditions.where}
       ORDER BY e.effective_date, e.document_id, e.ordinal
       LIMIT ? OFFSET ?`,
      [...conditions.params, limit, offset],
    ),
    countRows(runner, `SELECT count(*) AS total FROM events e ${conditions.where}`, conditions.params),
  ]);
  return {
    total,
    items: rows.map((row) => ({
      ...parseJson<Event>(row.data),
      documentId: row.document_id,
      documentTitle: row.title,
      published: row.published,
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
