// Relations between two actors over time, and the events behind each point.
import { Hono } from 'hono';
import type { AppDeps } from '../app.ts';
import { parseOr400 } from '../validate.ts';
import { SitrepError } from '../../model/index.ts';
import type { ActorRef } from '../../understand/index.ts';
import { actorForEvents, publicActor, withSideLabels, withThreshold } from '../workspace/actor-lookup.ts';
import { bucketFacts } from '../workspace/buckets.ts';
import { RelationEventsQuery, RelationsQuery } from '../workspace/schemas.ts';

/** An actor neither known nor found in any event is most likely a typo: say so. */
function checkFound(refs: [string, ActorRef][], found: number): void {
  if (found) return;
  for (const [field, ref] of refs)
    if (ref.match.names?.length)
      throw new SitrepError(
        'not_found',
        `${field}: no known actor is named or coded '${ref.name}', and no stored event names it`,
      );
}

export function relationRoutes(deps: AppDeps): Hono {
  const app = new Hono();

  app.get('/', async (c) => {
    const q = withThreshold(parseOr400(RelationsQuery, c.req.query(), 'query'));
    const [a, b] = [actorForEvents(q.a), actorForEvents(q.b)];
    const facts = await deps.store.dyadEvents(a.match, b.match, q);
    checkFound(
      [
        ['a', a],
        ['b', b],
      ],
      facts.length,
    );
    const { buckets, total, imprecise } = bucketFacts(facts, q.by);
    return c.json({
      a: publicActor(a),
      b: publicActor(b),
      by: q.by,
      minConfidence: q.minConfidence,
      counting: q.reports ?? 'origins',
      buckets,
      total,
      imprecise,
    });
  });

  app.get('/events', async (c) => {
    const q = withThreshold(parseOr400(RelationEventsQuery, c.req.query(), 'query'));
    const [a, b] = [actorForEvents(q.a), actorForEvents(q.b)];
    const page = await deps.store.listDyadEvents(a.match, b.match, q);
    checkFound(
      [
        ['a', a],
        ['b', b],
      ],
      page.total,
    );
    return c.json(withSideLabels(page));
  });

  return app;
}
