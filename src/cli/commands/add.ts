import { Command } from 'commander';
import cliProgress from 'cli-progress';
import { expandInputs, loadInput } from '../../ingest/index.ts';
import { createReadPool, inOrder, inlineReader, storeReading, type Reader } from '../../pipeline/index.ts';
import { asSitrepError, SitrepError } from '../../model/index.ts';
import type { CliContext } from '../context.ts';
import { parseSize } from '../options.ts';

interface AddOptions {
  allowPrivate?: boolean;
  maxSize?: number;
  json?: boolean;
}

export function register(program: Command, context: CliContext): void {
  program
    .command('add')
    .description('read pages and store them (a folder adds every .html, .htm and .txt in it)')
    .argument('<inputs...>', 'files, folders, URLs, or - for one page on stdin')
    .option('--allow-private', 'allow fetching from loopback and private addresses')
    .option('--max-size <bytes>', 'largest input accepted (e.g. 20MB)', parseSize)
    .option('--json', 'print the summary as JSON')
    .action(async (specs: string[], options: AddOptions) => {
      const summary = await addInputs(context, specs, options);
      context.io.stdout(options.json ? JSON.stringify(summary, null, 2) + '\n' : formatSummary(summary));
      if (summary.failed.length) context.exitCode = 1;
    });
}

/**
 * Pages read ahead of the one being stored, per reading thread. Storing is not steady: every
 * half second the batch commits (SQLite writes its log, now and then checkpoints it), taking this
 * thread away for tens of milliseconds; with only two pages per thread queued the threads run dry
 * and wait. A page read and waiting holds its reading (tens of KB), so this costs little memory.
 */
const READ_AHEAD_PER_THREAD = 8;

export interface AddSummary {
  added: { input: string; id: string }[];
  unchanged: { input: string; id: string }[];
  failed: { input: string; error: { code: string; message: string } }[];
}

export async function addInputs(
  context: CliContext,
  specs: string[],
  options: AddOptions,
): Promise<AddSummary> {
  const inputs = await expandInputs(specs);
  if (!inputs.length) throw new SitrepError('usage', 'no pages found in the given folders');
  const store = await context.store();
  const summary: AddSummary = { added: [], unchanged: [], failed: [] };
  const bar =
    context.io.interactive && inputs.length > 1
      ? new cliProgress.SingleBar(
          { format: 'adding [{bar}] {value}/{total} {name}', clearOnComplete: true, stream: process.stderr },
          cliProgress.Presets.shades_classic,
        )
      : null;
  bar?.start(inputs.length, 0, { name: '' });
  // Pages are read on every core (one page alone is read in this thread); the store writes them
  // one by one in input order, many to a transaction (each page whole or not at all).
  const reader: Reader = inputs.length > 1 ? createReadPool() : inlineReader();
  const readOne = async (input: string) => {
    const raw = await loadInput(input, { allowPrivate: options.allowPrivate, maxBytes: options.maxSize });
    return {
      raw,
      reading: await reader.read({
        kind: 'page',
        input: raw,
        options: { maxBytes: options.maxSize, minEventConfidence: 0 },
      }),
    };
  };
  try {
    await store.batched(() =>
      inOrder(inputs, Math.max(1, reader.threads * READ_AHEAD_PER_THREAD), readOne, async (result, input) => {
        bar?.update({ name: input.length > 40 ? '…' + input.slice(-39) : input });
        try {
          if (result.status === 'rejected') throw result.reason;
          const { raw, reading } = result.value;
          const added = await storeReading(store, raw, reading);
          summary[added.status].push({ input, id: added.id });
        } catch (error) {
          summary.failed.push({ input, error: asSitrepError(error, input).toJSON() });
        }
        bar?.increment();
      }),
    );
  } finally {
    await reader.close();
  }
  bar?.stop();
  return summary;
}

function formatSummary(summary: AddSummary): string {
  const lines = [
    `added ${summary.added.length}, unchanged ${summary.unchanged.length}, failed ${summary.failed.length}`,
  ];
  for (const item of summary.added) lines.push(`  added      ${item.id}  ${item.input}`);
  for (const item of summary.unchanged) lines.push(`  unchanged  ${item.id}  ${item.input}`);
  for (const item of summary.failed)
    lines.push(`  failed     ${item.input}: ${item.error.message} [${item.error.code}]`);
  return lines.join('\n') + '\n';
}
