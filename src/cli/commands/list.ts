import { Command } from 'commander';
import type { CliContext } from '../context.ts';
import { formatTable } from '../format.ts';
import { parseNonNegativeInt, parsePositiveInt } from '../options.ts';
import type { DocumentSummary } from '../../store/index.ts';

interface ListOptions {
  limit: number;
  offset?: number;
  json?: boolean;
  /** Commander's negation of --all-copies: fold copies under their origin unless asked not to. */
  fold: boolean;
}

export function register(program: Command, context: CliContext): void {
  program
    .command('list')
    .description('list stored articles, newest first, copies folded under their origin')
    .option('--limit <n>', 'how many (origins, when folded)', parsePositiveInt, 20)
    .option('--offset <n>', 'skip the first n', parseNonNegativeInt)
    .option('--no-fold', 'list every stored document on its own line, copies included')
    .option('--json', 'print JSON')
    .action(async (options: ListOptions) => {
      const store = await context.store();
      const page = await store.listDocuments({
        limit: options.limit,
        offset: options.offset ?? 0,
        foldCopies: options.fold,
      });
      if (options.json) return context.io.stdout(JSON.stringify(page, null, 2) + '\n');
      if (!page.total)
        return context.io.stdout('no articles stored yet; add some with `sitrep add <file|url|dir>`\n');
      const rows = page.items.flatMap((d) => [row(d), ...copyRows(d)]);
      const unit = options.fold
        ? 'articles (copies folded under their origin; --no-fold lists each)'
        : 'documents';
      context.io.stdout(
        formatTable(['id', 'published', 'site', 'title'], rows) +
          `${page.items.length} of ${page.total} ${unit}\n`,
      );
    });
}

const row = (d: DocumentSummary, indent = '') => [
  indent + d.id,
  d.published?.slice(0, 10),
  d.site,
  d.title ?? d.snippet,
];

/** The listed copies of an origin, indented under it with how each was made, then how many more. */
function copyRows(origin: DocumentSummary) {
  const copies = origin.copies ?? [];
  const rows = copies.map((c) => {
    const [id, published, site, title] = row(c, '└ ');
    return [id, published, site, `[${c.relation ?? 'copy'} ${Math.round(c.shared * 100)}%] ${title}`];
  });
  const more = (origin.copyCount ?? 0) - copies.length;
  if (more > 0)
    rows.push([`└ … ${more} more`, undefined, undefined, `sitrep show ${origin.id} lists the family`]);
  return rows;
}
