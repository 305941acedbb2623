import { Command } from 'commander';
import type { CliContext } from '../context.ts';
import { formatTable } from '../format.ts';
import { parsePositiveInt } from '../options.ts';

export function register(program: Command, context: CliContext): void {
  program
    .command('search')
    .description('full-text search over stored titles and texts, best match first')
    .argument('<query...>', 'words; "quoted phrases" are matched as phrases')
    .option('--limit <n>', 'how many', parsePositiveInt, 20)
    .option('--json', 'print JSON')
    .action(async (words: string[], options: { limit: number; json?: boolean }) => {
      const store = await context.store();
      const page = await store.search(words.join(' '), { limit: options.limit });
      if (options.json) return context.io.stdout(JSON.stringify(page, null, 2) + '\n');
      if (!page.total) return context.io.stdout(`no match for ${words.join(' ')}\n`);
      context.io.stdout(
        formatTable(
          ['id', 'published', 'title', 'match'],
          page.items.map((h) => [h.id, h.published?.slice(0, 10), h.title, aroundMatch(h.highlight)]),
          50,
        ) + `${page.items.length} of ${page.total}\n`,
      );
    });
}

/** The highlight from shortly before its first [match], so the match shows in a narrow column. */
function aroundMatch(highlight: string): string {
  const at = highlight.indexOf('[');
  return at > 20 ? '…' + highlight.slice(at - 12).replace(/^\S*\s/, '') : highlight;
}
