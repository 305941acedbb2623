// The actor index and actor pages: one actor, one page, whatever name, alias or code reached it.
import { Hono } from 'hono';
import { describeActor, searchActors } from '../../understand/index.ts';
import type { AppDeps } from '../app.ts';
import { parseOr400 } from '../validate.ts';
import {
  actorOr404,
  publicActor,
  toPartner,
  withSideLabels,
  withThreshold,
} from '../workspace/actor-lookup.ts';
import { ActorEventsQuery, ActorSearchQuery, PartnersQuery, type ActorAnswer } from '../workspace/schemas.ts';

export function actorRoutes(deps: AppDeps): Hono {
  const app = new Hono();

  app.get('/', (c) => {
    const q = parseOr400(ActorSearchQuery, c.req.query(), 'query');
    const found = searchActors(q.q, q.limit);
    return c.json({ total: found.total, items: found.items.map(publicActor) });
  });

  // An unknown name is still a page (its stored mentions), so "nothing known" is a value, not a 404.
  app.get('/:name', async (c) => {
    const query = c.req.param('name');
    const actor = (() => {
      try {
        return actorOr404(query);
      } catch {
        return null;
      }
    })();
    const known = actor ? describeActor(actor.name) : null;
    const partners = actor ? await deps.store.actorPartners(actor.match, withThreshold({})) : [];
    const quad: ActorAnswer['quad'] = [0, 0, 0, 0];
    for (const p of partners) p.quad.forEach((n, i) => (quad[i]! += n));
    const answer: ActorAnswer = {
      query,
      actor: actor ? publicActor(actor) : null,
      roles: known?.roles ?? [],
      demonyms: known?.demonyms ?? [],
      capitals: known?.capitals ?? [],
      source: known?.source ?? null,
      events: partners.reduce((sum, p) => sum + p.events, 0),
      quad,
    };
    return c.json(answer);
  });

  app.get('/:name/partners', async (c) => {
    const q = withThreshold(parseOr400(PartnersQuery, c.req.query(), 'query'));
    const actor = actorOr404(c.req.param('name'));
    const partners = (await deps.store.actorPartners(actor.match, q)).map(toPartner);
    const top = (key: 'cooperation' | 'conflict') =>
      partners
        .filter((p) => p[key] > 0)
        // Ties go to the harsher (conflict) or warmer (cooperation) mean Goldstein score.
        .sort(
          (x, y) =>
            y[key] - x[key] ||
            (key === 'conflict' ? 1 : -1) * ((x.goldsteinMean ?? 0) - (y.goldsteinMean ?? 0)) ||
            x.label.localeCompare(y.label),
        )
        .slice(0, q.limit);
    return c.json({
      actor: publicActor(actor),
      byCooperation: top('cooperation'),
      byConflict: top('conflict'),
    });
  });

  app.get('/:name/events', async (c) => {
    const q = withThreshold(parseOr400(ActorEventsQuery, c.req.query(), 'query'));
    const actor = actorOr404(c.req.param('name'));
    return c.json(withSideLabels(await deps.store.listDyadEvents(actor.match, null, q)));
  });

  return app;
}
