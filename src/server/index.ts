import { serve } from '@hono/node-server';
import type { Store } from '../store/index.ts';
import { createApp, type AppDeps } from './app.ts';

export { createApp } from './app.ts';
export type { AppDeps } from './app.ts';

export interface RunningServer {
  url: string;
  close: () => Promise<void>;
}

/** Serves the API and dashboard; resolves once listening. Port 0 picks a free port. */
export function startServer(
  deps: AppDeps & { store: Store },
  port: number,
  host = '127.0.0.1',
): Promise<RunningServer> {
  const app = createApp(deps);
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port, hostname: host }, (info) => {
      const shownHost = host.includes(':') ? `[${host}]` : host;
      resolve({
        url: `http://${shownHost}:${info.port}/`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
    server.once('error', reject);
  });
}
