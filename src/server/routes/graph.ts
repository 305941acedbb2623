// The actor graph of a window: nodes are countries, blocs or other actors; edges join pairs with
// events, coloured by net cooperation and sized by count.
import { Hono } from 'hono';
import type { AppDeps } from '../app.ts';
import { parseOr400 } from '../validate.ts';
import { nodeKind, nodeLabel, regionOf, withThreshold } from '../workspace/actor-lookup.ts';
import { round } from '../workspace/buckets.ts';
import { GraphQuery, type GraphAnswer } from '../workspace/schemas.ts';

export function graphRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  app.get('/', async (c) => {
    const q = withThreshold(parseOr400(GraphQuery, c.req.query(), 'query'));
    const keep = (key: string) =>
      (!q.actorType || nodeKind(key) === q.actorType) &&
      (!q.region || regionOf(key)?.toLowerCase() === q.region.toLowerCase());
    const [counted, extent] = await Promise.all([deps.store.actorGraph(q), deps.store.eventDateRange()]);
    // One edge per pair, both directions counted together (the store's).
    const edges = counted
      .filter((e) => e.events >= q.minEvents && keep(e.source) && keep(e.target))
      .sort((x, y) => y.events - x.events);
    const shown = edges.slice(0, q.maxEdges);
    const nodeEvents = new Map<string, number>();
    for (const e of shown)
      for (const key of [e.source, e.target]) nodeEvents.set(key, (nodeEvents.get(key) ?? 0) + e.events);
    const answer: GraphAnswer = {
      nodes: [...nodeEvents].map(([id, events]) => ({
        id,
        label: nodeLabel(id),
        kind: nodeKind(id),
        region: regionOf(id),
        events,
      })),
      edges: shown.map((e) => ({
        source: e.source,
        target: e.target,
        events: e.events,
        reports: e.reports,
        origins: e.origins,
        quad: e.quad,
        goldsteinMean: e.goldsteinCount ? round(e.goldsteinSum / e.goldsteinCount) : null,
        net: round((e.quad[0] + e.quad[1] - e.quad[2] - e.quad[3]) / e.events),
      })),
      counting: q.reports ?? 'origins',
      truncated: shown.length < edges.length,
      extent,
      minConfidence: q.minConfidence,
    };
    return c.json(answer);
  });
  return app;
}
