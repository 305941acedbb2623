import { Command } from 'commander';
import type { CliContext } from '../context.ts';
import { formatTable } from '../format.ts';
import { parseNonNegativeInt, parsePositiveInt } from '../options.ts';

interface ListOptions {
  limit: number;
  offset?: number;
  json?: boolean;
}

export function register(program: Command, context: CliContext): void {
  program
    .command('list')
    .description('list stored articles, newest first')
    .option('--limit <n>', 'how many', parsePositiveInt, 20)
    .option('--offset <n>', 'skip the first n', parseNonNegativeInt)
    .option('--json', 'print JSON')
    .action(async (options: ListOptions) => {
      const store = await context.store();
      const page = await store.listDocuments({ limit: options.limit, offset: options.offset ?? 0 });
      if (options.json) return context.io.stdout(JSON.stringify(page, null, 2) + '\n');
      if (!page.total)
        return context.io.stdout('no articles stored yet; add some with `sitrep add <file|url|dir>`\n');
      context.io.stdout(
        formatTable(
          ['id', 'published', 'site', 'title'],
          page.items.map((d) => [d.id, d.published?.slice(0, 10), d.site, d.title ?? d.snippet]),
        ) + `${page.items.length} of ${page.total}\n`,
      );
    });
}
