import { Command } from 'commander';
import type { CliContext } from '../context.ts';
import { formatTable } from '../format.ts';
import { parsePositiveInt } from '../options.ts';

interface QuotesOptions {
  speaker?: string;
  search?: string;
  limit: number;
  json?: boolean;
  allReports?: boolean;
}

export function register(program: Command, context: CliContext): void {
  program
    .command('quotes')
    .description('list stored quotes with their speakers')
    .option('--speaker <name>', 'only quotes by this speaker (name or entity id)')
    .option('--search <text>', 'only quotes containing these words')
    .option('--limit <n>', 'how many', parsePositiveInt, 50)
    .option(
      '--all-reports',
      'every report of a quote (each copy); by default a quote is listed once, counted',
    )
    .option('--json', 'print JSON')
    .action(async (options: QuotesOptions) => {
      const store = await context.store();
      const page = await store.listQuotes({
        speaker: options.speaker,
        search: options.search,
        limit: options.limit,
        allReports: options.allReports,
      });
      if (options.json) return context.io.stdout(JSON.stringify(page, null, 2) + '\n');
      if (!page.total) return context.io.stdout('no quotes found\n');
      context.io.stdout(
        formatTable(
          ['speaker', 'kind', 'quote', 'article', 'reports', 'origins'],
          page.items.map((q) => [
            q.speaker?.name ?? '(unknown)',
            q.kind,
            q.text,
            q.documentId,
            String(q.reports ?? 1),
            String(q.origins ?? 1),
          ]),
          70,
        ) + `${page.items.length} of ${page.total}\n`,
      );
    });
}
