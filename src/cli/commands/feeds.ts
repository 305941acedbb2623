// `sitrep feeds …`: the feed registry (add, import, export, list, remove) and the parser alone (parse).
import { readFile } from 'node:fs/promises';
import { Command } from 'commander';
import { parseFeed } from '../../ingest/feeds/index.ts';
import { asSitrepError } from '../../model/index.ts';
import type { CliContext } from '../context.ts';

interface ParseOptions {
  jsonl?: boolean;
}

async function parseFiles(context: CliContext, files: string[], options: ParseOptions): Promise<void> {
  const { io } = context;
  for (const input of files) {
    try {
      const feed = parseFeed({ body: await readFile(input), name: input });
      const { title, link, items } = feed;
      if (options.jsonl) io.stdout(JSON.stringify({ input, feed: { title, link, items } }) + '\n');
      else io.stdout(JSON.stringify({ input, feed }, null, 2) + '\n');
    } catch (error) {
      const failure = asSitrepError(error, input);
      if (options.jsonl) io.stdout(JSON.stringify({ input, error: failure.toJSON() }) + '\n');
      io.stderr(`sitrep: ${failure.message} [${failure.code}]\n`);
      context.exitCode = 1;
    }
  }
}

export function register(program: Command, context: CliContext): void {
  const feeds = program
    .command('feeds')
    .description('follow feeds: add, import, export, list, remove, parse');
  feeds
    .command('parse')
    .description('parse feed files (RSS, RDF, Atom, JSON Feed) and print them in the feed model')
    .argument('<files...>', 'feed files')
    .option('--jsonl', 'print one JSON line per file: {"input","feed"} or {"input","error"}')
    .action((files: string[], options: ParseOptions) => parseFiles(context, files, options));
}
