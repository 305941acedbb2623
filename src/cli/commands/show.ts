import { Command } from 'commander';
import { SitrepError } from '../../model/index.ts';
import type { CliContext } from '../context.ts';
import { formatReadable } from '../format.ts';
import { terminalSafe } from '../terminal-safe.ts';
import { formatTraceChain, traceChain } from '../trace-chain.ts';

export function register(program: Command, context: CliContext): void {
  program
    .command('show')
    .description('print a stored article with its entities, quotes and events')
    .argument('<id>', 'the id printed by `sitrep add` or `sitrep list`')
    .option('--json', 'print the stored reading as JSON')
    .option('--raw', 'print the page exactly as it was received')
    .action(async (id: string, options: { json?: boolean; raw?: boolean }) => {
      const store = await context.store();
      if (options.raw) {
        const raw = await store.getRaw(id);
        if (!raw) throw new SitrepError('not_found', `no stored article with id ${id}`, { input: id });
        return context.io.stdout(raw.raw.toString('utf8'));
      }
      const doc = await store.getDocument(id);
      if (!doc) throw new SitrepError('not_found', `no stored article with id ${id}`, { input: id });
      const chain = await traceChain(store, doc.id);
      if (options.json) {
        const trace = chain[0] ? { ...chain[0], chain: chain.map((c) => c.documentId) } : null;
        return context.io.stdout(JSON.stringify({ ...doc, trace }, null, 2) + '\n');
      }
      context.io.stdout(
        `id ${doc.id} · added ${doc.addedAt} · from ${terminalSafe(doc.origin)}\n` +
          terminalSafe(await formatTraceChain(store, chain)) +
          '\n' +
          formatReadable(doc.reading, true),
      );
    });
}
