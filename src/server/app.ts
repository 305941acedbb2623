// The HTTP edge: JSON API under /api and the dashboard's static files. Tests call app.request().
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { SitrepError } from '../model/index.ts';
import type { Store } from '../store/index.ts';
import { errorResponse } from './errors.ts';
import { openApiDocument } from './openapi.ts';
import { loadWebFiles } from './web-files.ts';
import { documentRoutes } from './routes/documents.ts';
import { analyzeRoutes } from './routes/analyze.ts';
import { factRoutes } from './routes/facts.ts';
import { actorRoutes } from './routes/actors.ts';
import { feedRoutes } from './routes/feeds.ts';
import { relationRoutes } from './routes/relations.ts';
import { graphRoutes } from './routes/graph.ts';
import { storyRoutes } from './routes/stories.ts';
import type { FeedRegistryLike } from '../ingest/index.ts';
import { authRoutes } from './routes/auth.ts';
import { commentRoutes } from './routes/comments.ts';
import { exportRoutes } from './routes/export.ts';
import { userRoutes } from './routes/users.ts';
import { authenticate, hostCheck, originCheck, type SecurityOptions } from './security.ts';
import { inlineReader, type Reader } from '../pipeline/index.ts';
import { ingestStatus } from '../queue/status.ts';
import type { QueueStats } from '../queue/queue.ts';
import { defaultHeavyLimits, heavyGate, type HeavyLimits } from './heavy.ts';

export interface AppDeps {
  store: Store;
  /** Let "add by URL" reach loopback and private addresses (off by default: SSRF). */
  allowPrivate?: boolean;
  /** The followed feeds; without it the feeds API answers 404. */
  feeds?: FeedRegistryLike;
  /** Anonymous reading and the allowed Host names; see security.ts. */
  security?: SecurityOptions;
  /** Where pages are read: the worker pool under `sitrep serve`; in this thread when not given. */
  reader?: Reader;
  /** Concurrency cap and time limit of readings (default: twice the threads, 30 s). */
  limits?: Partial<HeavyLimits>;
  /** The job queue's counts (PostgreSQL with workers); /api/status shows null without it. */
  queueStats?: () => Promise<QueueStats>;
}

export function createApp(deps: AppDeps): Hono {
  const app = new Hono();
  const web = loadWebFiles();
  const reader = deps.reader ?? inlineReader();
  const defaults = defaultHeavyLimits(reader);
  const reading = heavyGate(reader, {
    maxConcurrent: deps.limits?.maxConcurrent ?? defaults.maxConcurrent,
    timeoutMs: deps.limits?.timeoutMs ?? defaults.timeoutMs,
  });

  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Charts set style attributes; scripts stay strictly same-origin files.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
      },
      referrerPolicy: 'same-origin',
    }),
  );
  const security = deps.security ?? {};
  app.use('*', hostCheck(security));
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: 21 * 1024 * 1024,
      onError: (c) =>
        c.json({ error: { code: 'too_large', message: 'the request body is larger than 20 MB' } }, 413),
    }),
  );
  app.onError((error, c) => errorResponse(c, error));
  app.use('/api/*', originCheck(), authenticate(deps.store, security));

  app.get('/api/health', (c) => c.json({ ok: true }));
  app.get('/api/openapi.json', (c) => c.json(openApiDocument()));
  app.get('/api/status', async (c) => c.json(await ingestStatus(deps.store, deps.queueStats ?? null)));
  app.route('/api/auth', authRoutes(deps.store, { anonymousRead: security.anonymousRead ?? true }));
  app.route('/api/users', userRoutes(deps.store));
  app.route('/api', commentRoutes(deps.store));
  app.route('/api/export', exportRoutes(deps.store));
  app.route('/api/documents', documentRoutes(deps, reading));
  app.route('/api/analyze', analyzeRoutes(reading));
  app.route('/api', factRoutes(deps));
  app.route('/api/actors', actorRoutes(deps));
  app.route('/api/relations', relationRoutes(deps));
  app.route('/api/graph', graphRoutes(deps));
  app.route('/api', storyRoutes(deps));
  if (deps.feeds) app.route('/api/feeds', feedRoutes(deps.feeds, { allowPrivate: deps.allowPrivate }));
  app.all('/api/*', (c) =>
    errorResponse(c, new SitrepError('not_found', `no API route ${c.req.method} ${c.req.path}`)),
  );

  app.get('*', (c) => {
    const file =
      web.get(c.req.path) ?? (c.req.path.startsWith('/assets/') ? undefined : web.get('/index.html'));
    if (!file && !web.size) return c.text('the dashboard is not built: run npm run build:web', 500);
    if (!file) return c.text('not found', 404);
    const cache = file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache';
    return c.body(file.body, 200, { 'content-type': file.type, 'cache-control': cache });
  });
  return app;
}
