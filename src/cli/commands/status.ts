// `sitrep status`: documents and throughput, feed health, and the job queue (PostgreSQL).
import { Command } from 'commander';
import { storeConfigFromEnv } from '../../store/index.ts';
import { formatStatus, ingestStatus } from '../../queue/status.ts';
import type { CliContext } from '../context.ts';
import { terminalSafe } from '../terminal-safe.ts';

export function register(program: Command, context: CliContext): void {
  program
    .command('status')
    .description('documents and how fast they arrive, feed health, job queue depth and failures')
    .option('--json', 'print it as JSON')
    .action(async (options: { json?: boolean }) => {
      const store = await context.store();
      const config = storeConfigFromEnv({ env: context.io.env });
      let close = async () => {};
      let queueStats = null;
      if (config.kind === 'postgres') {
        const { JobQueue } = await import('../../queue/queue.ts');
        const queue = await JobQueue.open(config.url, config.schema);
        close = () => queue.close();
        queueStats = () => queue.stats();
      }
      try {
        const status = await ingestStatus(store, queueStats);
        context.io.stdout(
          options.json ? JSON.stringify(status, null, 2) + '\n' : terminalSafe(formatStatus(status)),
        );
      } finally {
        await close();
      }
    });
}
