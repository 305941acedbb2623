import { Command } from 'commander';
// From its module: the understanding stages' index would load them all in the main thread.
import { eventThreshold } from '../../understand/events/confidence.ts';
import type { CliContext } from '../context.ts';
import { parseSize } from '../options.ts';
import { runReadCommand, type ReadCommandOptions } from './read-inputs.ts';

export function register(program: Command, context: CliContext): void {
  program
    .command('analyze')
    .description('print the whole reading of a page: article, entities, quotes and events')
    .argument('<inputs...>', 'files, folders, URLs, or - (with --jsonl: JSON lines {"id","text"|"html",...})')
    .option('--json', 'print the reading as JSON')
    .option('--jsonl', 'print one JSON line per input')
    .option('--allow-private', 'allow fetching from loopback and private addresses')
    .option('--max-size <bytes>', 'largest input accepted (e.g. 20MB)', parseSize)
    .option('--all-events', `also print events below the confidence threshold (${eventThreshold()})`)
    .action(async (inputs: string[], options: ReadCommandOptions & { allEvents?: boolean }) => {
      const read = options.allEvents ? { minEventConfidence: 0 } : {};
      await runReadCommand(context, inputs, options, read, (reading) => reading);
    });
}
