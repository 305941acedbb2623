import { Command } from 'commander';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { SitrepError } from '../../model/index.ts';
import { startServer } from '../../server/index.ts';
import type { CliContext } from '../context.ts';
import { parsePositiveInt } from '../options.ts';
import { addInputs } from './add.ts';
import { openRegistry } from './feeds.ts';

interface ServeOptions {
  port: number;
  host: string;
  allowPrivate?: boolean;
  readTimeout?: number;
  maxReads?: number;
}

const SAMPLE_DIR = fileURLToPath(new URL('../../../sample-data/', import.meta.url));

export function register(program: Command, context: CliContext): void {
  program
    .command('serve')
    .description('serve the dashboard and the HTTP JSON API')
    .option('--port <n>', 'port to listen on', parsePositiveInt, 8321)
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .option('--allow-private', 'let "add by URL" fetch from loopback and private addresses')
    .option(
      '--read-timeout <ms>',
      'give up reading one page after this long (default 30000)',
      parsePositiveInt,
    )
    .option(
      '--max-reads <n>',
      'pages read at once; more get 503 (default: twice the cores)',
      parsePositiveInt,
    )
    .action((options: ServeOptions) => serveUntilStopped(context, options));

  program
    .command('start')
    .description('set up, import the bundled sample article and serve the dashboard (what `npm start` runs)')
    .option('--port <n>', 'port to listen on', parsePositiveInt, 8321)
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .action(async (options: ServeOptions) => {
      const samples = readdirSync(SAMPLE_DIR)
        .filter((f) => /\.(html?|txt)$/i.test(f))
        .map((f) => join(SAMPLE_DIR, f));
      const summary = await addInputs(context, samples, {});
      context.io.stdout(
        `data in ${context.io.env.SITREP_DATABASE_URL ? 'PostgreSQL' : context.dataDir()}; sample: ${summary.added.length} added, ${summary.unchanged.length} already there, ${summary.failed.length} failed\n`,
      );
      for (const f of summary.failed) context.io.stderr(`sitrep: sample ${f.input}: ${f.error.message}\n`);
      await serveUntilStopped(context, options);
    });
}

async function serveUntilStopped(context: CliContext, options: ServeOptions): Promise<void> {
  const store = await context.store();
  const feeds = openRegistry(context);
  const server = await startServer(
    {
      store,
      feeds,
      allowPrivate: options.allowPrivate,
      limits: { timeoutMs: options.readTimeout, maxConcurrent: options.maxReads },
    },
    options.port,
    options.host,
  ).catch((error: NodeJS.ErrnoException) => {
    feeds.close();
    if (error.code === 'EADDRINUSE') {
      throw new SitrepError('usage', `port ${options.port} is already in use; pick another with --port`);
    }
    throw error;
  });
  context.io.stdout(`sitrep dashboard: ${server.url}  (Ctrl-C to stop)\n`);
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void server.close().then(() => {
        feeds.close();
        resolve();
      });
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
