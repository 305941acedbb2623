// Quotes, events and actor mentions across stored articles.
import { Hono } from 'hono';
import { EventsQuery, MentionsQuery, QuotesQuery } from '../schemas.ts';
import { parseOr400 } from '../validate.ts';
import { eventThreshold } from '../../understand/index.ts';
import type { AppDeps } from '../app.ts';
import { withSideLabels } from '../workspace/actor-lookup.ts';

export function factRoutes(deps: AppDeps): Hono {
  const app = new Hono();

  app.get('/quotes', async (c) => {
    const q = parseOr400(QuotesQuery, c.req.query(), 'query');
    return c.json(
      await deps.store.listQuotes({ ...q, documentId: q.document, allReports: q.reports === 'all' }),
    );
  });

  app.get('/events', async (c) => {
    const q = parseOr400(EventsQuery, c.req.query(), 'query');
    const dyad = q.dyad?.split(',').map((s) => s.trim().toUpperCase()) as [string, string] | undefined;
    const minConfidence = q.confidence ?? eventThreshold();
    return c.json(
      withSideLabels(
        await deps.store.listEvents({
          ...q,
          dyad,
          documentId: q.document,
          minConfidence,
          allReports: q.reports === 'all',
        }),
      ),
    );
  });

  app.get('/actors/:name/mentions', async (c) => {
    const q = parseOr400(MentionsQuery, c.req.query(), 'query');
    return c.json(await deps.store.findEntityMentions(c.req.param('name'), q));
  });

  return app;
}
