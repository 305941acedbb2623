// Relations between two actors over time, and the events behind each point.
import { Hono } from 'hono';
import type { AppDeps } from '../app.ts';
import { parseOr400 } from '../validate.ts';
import { actorOr404, publicActor, withSideLabels } from '../workspace/actor-lookup.ts';
import { bucketFacts } from '../workspace/buckets.ts';
import { RelationEventsQuery, RelationsQuery } from '../workspace/schemas.ts';

export function relationRoutes(deps: AppDeps): Hono {
  const app = new Hono();

  app.get('/', async (c) => {
    const q = parseOr400(RelationsQuery, c.req.query(), 'query');
    const a = actorOr404(q.a, 'a');
    const b = actorOr404(q.b, 'b');
    const facts = await deps.store.dyadEvents(a.match, b.match, q);
    const { buckets, total, imprecise } = bucketFacts(facts, q.by);
    return c.json({
      a: publicActor(a),
      b: publicActor(b),
      by: q.by,
      originsBasis: 'documents' as const,
      buckets,
      total,
      imprecise,
    });
  });

  app.get('/events', async (c) => {
    const q = parseOr400(RelationEventsQuery, c.req.query(), 'query');
    const a = actorOr404(q.a, 'a');
    const b = actorOr404(q.b, 'b');
    return c.json(withSideLabels(await deps.store.listDyadEvents(a.match, b.match, q)));
  });

  return app;
}
