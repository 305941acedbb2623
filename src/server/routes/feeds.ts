// Followed feeds and their health, for the dashboard's feeds page.
import { Hono } from 'hono';
import { Fetcher, buildOpml, parseOpml, resolveFeed, type FeedRegistryLike } from '../../ingest/index.ts';
import { SitrepError } from '../../model/index.ts';
import { parseOr400 } from '../validate.ts';
import { requireRole } from '../security.ts';

import { AddFeedBody } from '../schemas.ts';

export function feedRoutes(registry: FeedRegistryLike, options: { allowPrivate?: boolean }): Hono {
  const app = new Hono();
  // Following and unfollowing feeds changes what sitrep fetches: analysts and admins only.
  app.use('*', async (c, next) => {
    if (c.req.method !== 'GET') requireRole(c, 'analyst');
    await next();
  });

  app.get('/', async (c) => c.json({ items: await registry.list() }));

  app.post('/', async (c) => {
    const json: unknown = await c.req.json().catch(() => {
      throw new SitrepError('invalid_input', 'the request body is not valid JSON');
    });
    const { url } = parseOr400(AddFeedBody, json, 'request body');
    const fetcher = new Fetcher({ allowPrivate: Boolean(options.allowPrivate), perHostDelayMs: 0 });
    try {
      const resolved = await resolveFeed(url, fetcher);
      const { feed, added } = await registry.add(resolved.url, resolved.feed.title);
      return c.json({ feed, added, discoveredFrom: resolved.discoveredFrom ?? null }, added ? 201 : 200);
    } finally {
      await fetcher.close();
    }
  });

  app.post('/import', async (c) => {
    const form = await c.req.formData().catch(() => {
      throw new SitrepError('invalid_input', 'send the OPML file as a multipart form with a "file" field');
    });
    const file = form.get('file');
    if (!file || typeof file === 'string')
      throw new SitrepError('invalid_input', 'the upload has no "file" field');
    const entries = parseOpml(Buffer.from(await file.arrayBuffer()), file.name || 'upload');
    let added = 0;
    const skipped: string[] = [];
    for (const entry of entries) {
      if (!/^https?:\/\//i.test(entry.url)) skipped.push(entry.url);
      else if ((await registry.add(entry.url, entry.title)).added) added++;
    }
    return c.json({ found: entries.length, added, skipped });
  });

  app.get('/export', async (c) =>
    c.body(buildOpml(await registry.list()), 200, {
      'content-type': 'text/x-opml; charset=utf-8',
      'content-disposition': 'attachment; filename="sitrep-feeds.opml"',
    }),
  );

  app.delete('/:id', async (c) => {
    const id = Number(c.req.param('id'));
    if (!Number.isInteger(id) || !(await registry.remove(id))) {
      throw new SitrepError('not_found', `no followed feed with id ${c.req.param('id')}`);
    }
    return c.json({ removed: true });
  });

  return app;
}
