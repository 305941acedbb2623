import { serve } from '@hono/node-server';
import type { Store } from '../store/index.ts';
import { createReadPool } from '../pipeline/index.ts';
import { createApp, type AppDeps } from './app.ts';

export { createApp } from './app.ts';
export type { AppDeps } from './app.ts';

export interface RunningServer {
  url: string;
  close: () => Promise<void>;
}

/**
 * Serves the API and dashboard; resolves once listening. Port 0 picks a free port. Pages are read in
 * a worker pool (deps.reader, else one made here). close() stops taking connections, lets requests
 * in flight finish, then stops the pool it made.
 */
export function startServer(
  deps: AppDeps & { store: Store },
  port: number,
  host = '127.0.0.1',
): Promise<RunningServer> {
  const reader = deps.reader ?? createReadPool();
  const stopReader = () => (deps.reader ? Promise.resolve() : reader.close());
  const app = createApp({ ...deps, reader });
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port, hostname: host }, (info) => {
      const shownHost = host.includes(':') ? `[${host}]` : host;
      resolve({
        url: `http://${shownHost}:${info.port}/`,
        close: () => new Promise<void>((done) => server.close(() => done())).then(stopReader),
      });
    });
    server.once('error', (error) => {
      void stopReader();
      reject(error);
    });
  });
}
