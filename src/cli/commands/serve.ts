import { Command } from 'commander';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { SitrepError } from '../../model/index.ts';
import { startServer } from '../../server/index.ts';
import { isLoopback, machineHosts } from '../../server/security.ts';
import { ensureAdmin } from '../../accounts/index.ts';
import type { CliContext } from '../context.ts';
import { parsePositiveInt } from '../options.ts';
import { addInputs } from './add.ts';
import { openRegistry } from './feeds.ts';
import { storeConfigFromEnv } from '../../store/index.ts';

interface ServeOptions {
  port: number;
  host: string;
  allowPrivate?: boolean;
  anonymousRead: boolean;
  allowedHost?: string[];
  readTimeout?: number;
  maxReads?: number;
}

const collect = (value: string, previous: string[] = []) => [...previous, value.toLowerCase()];

/** The options both serve and start take. */
function serverOptions(command: Command): Command {
  return command
    .option('--port <n>', 'port to listen on', parsePositiveInt, 8321)
    .option(
      '--host <address>',
      'address to listen on; another than loopback needs accounts (sitrep user add) and a login for everything',
      '127.0.0.1',
    )
    .option('--no-anonymous-read', 'on loopback too, require a login to read')
    .option(
      '--allowed-host <name>',
      'a host name the server may be reached by (repeatable; DNS rebinding guard)',
      collect,
    );
}

const SAMPLE_DIR = fileURLToPath(new URL('../../../sample-data/', import.meta.url));

export function register(program: Command, context: CliContext): void {
  serverOptions(program.command('serve').description('serve the dashboard and the HTTP JSON API'))
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

  serverOptions(
    program
      .command('start')
      .description(
        'set up (first admin account, bundled sample article) and serve the dashboard (what `npm start` runs)',
      ),
  ).action(async (options: ServeOptions) => {
    const samples = readdirSync(SAMPLE_DIR)
      .filter((f) => /\.(html?|txt)$/i.test(f))
      .map((f) => join(SAMPLE_DIR, f));
    const summary = await addInputs(context, samples, {});
    context.io.stdout(
      `data in ${context.io.env.SITREP_DATABASE_URL ? 'PostgreSQL' : context.dataDir()}; sample: ${summary.added.length} added, ${summary.unchanged.length} already there, ${summary.failed.length} failed\n`,
    );
    for (const f of summary.failed) context.io.stderr(`sitrep: sample ${f.input}: ${f.error.message}\n`);
    const created = await ensureAdmin(await context.store(), context.io.env);
    if (created) context.io.stdout(`${created}\n`);
    await serveUntilStopped(context, options);
  });
}

async function serveUntilStopped(context: CliContext, options: ServeOptions): Promise<void> {
  const store = await context.store();
  const loopback = isLoopback(options.host.replace(/^\[|\]$/g, ''));
  if (!loopback && (await store.countUsers()) === 0) {
    throw new SitrepError(
      'usage',
      `refusing to listen on ${options.host} without accounts: anybody there could reach the API. Add one first with \`sitrep user add <name> --role admin\`, or keep the default 127.0.0.1`,
    );
  }
  const security = {
    // Off loopback every request needs a login, whatever was asked.
    anonymousRead: loopback && options.anonymousRead,
    allowedHosts: [
      ...(options.allowedHost ?? []),
      ...(context.io.env.SITREP_ALLOWED_HOSTS?.split(',')
        .map((h) => h.trim())
        .filter(Boolean) ?? []),
      ...(['0.0.0.0', '::', '[::]'].includes(options.host) ? machineHosts() : [options.host]),
    ],
  };
  const feeds = await openRegistry(context);
  // With PostgreSQL, /api/status shows the workers' job queue too.
  const config = storeConfigFromEnv({ env: context.io.env });
  const queue =
    config.kind === 'postgres'
      ? await (await import('../../queue/queue.ts')).JobQueue.open(config.url, config.schema)
      : null;
  const server = await startServer(
    {
      store,
      feeds,
      queueStats: queue ? () => queue.stats() : undefined,
      allowPrivate: options.allowPrivate,
      security,
      limits: { timeoutMs: options.readTimeout, maxConcurrent: options.maxReads },
    },
    options.port,
    options.host,
  ).catch(async (error: NodeJS.ErrnoException) => {
    await queue?.close();
    if (error.code === 'EADDRINUSE') {
      throw new SitrepError('usage', `port ${options.port} is already in use; pick another with --port`);
    }
    throw error;
  });
  context.io.stdout(
    `sitrep dashboard: ${server.url}  (${security.anonymousRead ? 'reading open on this machine, log in to write' : 'log in to read and write'}; Ctrl-C to stop)\n`,
  );
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void server
        .close()
        .then(() => queue?.close())
        .then(() => resolve());
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
