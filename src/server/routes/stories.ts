// Copy families and stories: where an article came from, and which articles tell one story.
import { Hono } from 'hono';
import type { AppDeps } from '../app.ts';
import { parseOr400 } from '../validate.ts';
import { describeMembers, storyAnswer, traceOr404 } from '../workspace/story.ts';
import { StoriesQuery } from '../workspace/story-schemas.ts';

export function storyRoutes(deps: AppDeps): Hono {
  const app = new Hono();

  app.get('/documents/:id/family', async (c) => {
    const record = await traceOr404(deps.store, c.req.param('id'));
    const family = await deps.store.listTraceFamily(record.origin);
    return c.json({
      document: record.documentId,
      origin: record.origin,
      story: record.story,
      members: await describeMembers(deps.store, family),
    });
  });

  app.get('/stories/:id', async (c) => c.json(await storyAnswer(deps.store, c.req.param('id'))));

  // The stories of a page of the article list: each listed document's story and its counts.
  app.get('/stories', async (c) => {
    const q = parseOr400(StoriesQuery, c.req.query(), 'query');
    const ids = [...new Set(q.documents.split(',').map((s) => s.trim()))].filter(Boolean).slice(0, 200);
    const records = await deps.store.getTraces(ids);
    const stories = new Map<string, { documents: number; origins: number }>();
    for (const story of new Set(records.map((r) => r.story))) {
      const members = await deps.store.listStoryDocuments(story);
      stories.set(story, { documents: members.length, origins: new Set(members.map((m) => m.origin)).size });
    }
    return c.json({
      items: records.map((r) => ({
        document: r.documentId,
        story: r.story,
        origin: r.origin,
        relation: r.relation,
        storyDocuments: stories.get(r.story)?.documents ?? 1,
        storyOrigins: stories.get(r.story)?.origins ?? 1,
      })),
    });
  });

  return app;
}
