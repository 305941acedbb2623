// `sitrep feeds …`: the feed registry (add, import, export, list, remove) and the parser alone (parse).
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Command } from 'commander';
import {
  Fetcher,
  isUrl,
  loadInput,
  buildOpml,
  parseFeed,
  parseOpml,
  resolveFeed,
  type FeedRecord,
} from '../../ingest/index.ts';
import { SitrepError, asSitrepError } from '../../model/index.ts';
import type { CliContext } from '../context.ts';
import { readLocalFeeds, type FeedStore, type Store } from '../../store/index.ts';
import { parseSize } from '../options.ts';
import { terminalSafe } from '../terminal-safe.ts';

/** The same cap polling applies to a fetched feed. */
const DEFAULT_FEED_MAX_BYTES = 10 * 1024 * 1024;

export interface FetchFlags {
  allowPrivate?: boolean;
  delay?: number;
  timeout?: number;
  maxSize?: number;
}

/**
 * The feed registry of the store (SQLite: the same sitrep.db as before; PostgreSQL: shared by
 * every worker). With PostgreSQL, a registry left in the local data folder by an earlier sitrep is
 * imported into it on first use, once.
 */
export async function openRegistry(context: CliContext): Promise<FeedStore> {
  const store = await context.store();
  if (store.location.startsWith('PostgreSQL')) await importLocalRegistry(context, store);
  return store.feeds;
}

async function importLocalRegistry(context: CliContext, store: Store): Promise<void> {
  const file = join(context.dataDir(), 'sitrep.db');
  if (!existsSync(file)) return;
  const local = await readLocalFeeds(file);
  if (!local?.feeds.length) return;
  const imported = await store.feeds.importOnce(`sqlite:${file}`, local.feeds, local.seen);
  if (imported)
    context.io.stderr(
      `sitrep: imported ${imported.feeds} feeds and ${imported.seen} seen items from ${file} into ${store.location}\n`,
    );
}

export function makeFetcher(flags: FetchFlags): Fetcher {
  return new Fetcher({
    allowPrivate: Boolean(flags.allowPrivate),
    perHostDelayMs: flags.delay ?? 1000,
    timeoutMs: flags.timeout,
    maxBytes: flags.maxSize,
  });
}

export function parseDelay(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0)
    throw new SitrepError('usage', `--delay: "${value}" is not a number of milliseconds ≥ 0`);
  return n;
}

function span(minutes: number): string {
  const m = Math.abs(minutes);
  if (m < 90) return `${m} min`;
  if (m < 2880) return `${Math.round(m / 60)} h`;
  return `${Math.round(m / 1440)} d`;
}

export function formatTime(ms: number | null, now = Date.now()): string {
  if (ms === null) return '-';
  const minutes = Math.round((ms - now) / 60_000);
  const when = new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
  if (minutes === 0) return `${when} (now)`;
  return `${when} (${minutes > 0 ? `in ${span(minutes)}` : `${span(minutes)} ago`})`;
}

async function withRegistry<T>(
  context: CliContext,
  work: (registry: FeedStore) => Promise<T> | T,
): Promise<T> {
  return work(await openRegistry(context));
}

async function parseFiles(
  context: CliContext,
  files: string[],
  options: { jsonl?: boolean; maxSize?: number },
): Promise<void> {
  const { io } = context;
  for (const input of files) {
    try {
      if (isUrl(input)) throw new SitrepError('usage', `${input}: feeds parse reads files; fetch it first`);
      // Capped before reading: a feed holds a few megabytes; 60 MB of XML is a flood.
      const raw = await loadInput(input, { maxBytes: options.maxSize ?? DEFAULT_FEED_MAX_BYTES });
      const feed = parseFeed({ body: raw.bytes, name: input });
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

async function addFeeds(context: CliContext, urls: string[], flags: FetchFlags): Promise<void> {
  const fetcher = makeFetcher(flags);
  try {
    await withRegistry(context, async (registry) => {
      for (const url of urls) {
        try {
          const resolved = await resolveFeed(url, fetcher);
          const { feed, added } = await registry.add(resolved.url, resolved.feed.title);
          const via = resolved.discoveredFrom ? ` (found on ${resolved.discoveredFrom})` : '';
          context.io.stdout(
            `${added ? 'added' : 'already followed'} ${feed.id} ${feed.url}${via}: ${feed.title ?? ''}\n`,
          );
        } catch (error) {
          const failure = asSitrepError(error, url);
          context.io.stderr(`sitrep: ${failure.message} [${failure.code}]\n`);
          context.exitCode = 1;
        }
      }
    });
  } finally {
    await fetcher.close();
  }
}

async function importOpml(context: CliContext, file: string): Promise<void> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw new SitrepError('not_found', `${file}: cannot read the OPML file`, { input: file, cause: error });
  }
  const entries = parseOpml(bytes, file);
  await withRegistry(context, async (registry) => {
    let added = 0;
    for (const entry of entries) {
      if (!/^https?:\/\//i.test(entry.url)) {
        context.io.stderr(`sitrep: ${file}: skipped "${entry.url}" (not an http(s) address)\n`);
        context.exitCode = 1;
        continue;
      }
      if ((await registry.add(entry.url, entry.title)).added) added++;
    }
    context.io.stdout(`imported ${added} new feeds of ${entries.length} in ${file}\n`);
  });
}

/** Messages name their input; in the table the url column already does. */
function withoutUrl(message: string, url: string): string {
  return message.startsWith(`${url}: `) ? message.slice(url.length + 2) : message;
}

function healthRow(feed: FeedRecord, now: number): Record<string, string> {
  const error = feed.lastErrorCategory
    ? `${feed.lastErrorCategory}: ${withoutUrl(feed.lastErrorMessage ?? '', feed.url)}${feed.errorCount ? ` (${feed.errorCount}×)` : ''}`
    : '-';
  return {
    id: String(feed.id),
    title: feed.title ?? '-',
    url: feed.url,
    'last success': formatTime(feed.lastSuccessAt, now),
    'last error': feed.errorCount === 0 && feed.lastErrorCategory ? `(recovered) ${error}` : error,
    items: String(feed.itemsSeen),
    'next poll': formatTime(feed.nextPollAt, now),
  };
}

function printTable(context: CliContext, rows: Record<string, string>[]): void {
  const first = rows[0];
  if (!first) return;
  const columns = Object.keys(first);
  const widths = columns.map((c) =>
    Math.min(60, Math.max(c.length, ...rows.map((r) => (r[c] ?? '').length))),
  );
  const cell = (raw: string, width: number): string => {
    const text = terminalSafe(raw);
    return (text.length > width ? text.slice(0, width - 1) + '…' : text).padEnd(width);
  };
  const line = (values: string[]): string =>
    values
      .map((v, i) => cell(v, widths[i] ?? 10))
      .join('  ')
      .trimEnd() + '\n';
  context.io.stdout(line(columns));
  for (const row of rows) context.io.stdout(line(columns.map((c) => row[c] ?? '')));
}

function listFeeds(context: CliContext, options: { json?: boolean; wide?: boolean }): Promise<void> {
  return withRegistry(context, async (registry) => {
    const feeds = await registry.list();
    if (options.json) {
      context.io.stdout(JSON.stringify(feeds, null, 2) + '\n');
      return;
    }
    if (!feeds.length) {
      context.io.stdout('no feeds yet: add one with `sitrep feeds add <url>`\n');
      return;
    }
    const now = Date.now();
    if (options.wide)
      for (const feed of feeds) context.io.stdout(JSON.stringify(healthRow(feed, now)) + '\n');
    else
      printTable(
        context,
        feeds.map((feed) => healthRow(feed, now)),
      );
  });
}

function registerRegistryCommands(feeds: Command, context: CliContext): void {
  feeds
    .command('add')
    .description('follow feeds; a page address is searched for its <link rel="alternate"> feeds')
    .argument('<urls...>', 'feed or site addresses')
    .option('--allow-private', 'allow fetching from loopback and private addresses')
    .action((urls: string[], flags: FetchFlags) => addFeeds(context, urls, flags));
  feeds
    .command('import')
    .description('follow every feed in an OPML file')
    .argument('<opml>', 'OPML file')
    .action((file: string) => importOpml(context, file));
  feeds
    .command('export')
    .description('print the followed feeds as OPML')
    .action(() =>
      withRegistry(context, async (registry) => {
        context.io.stdout(buildOpml(await registry.list()));
      }),
    );
  feeds
    .command('list')
    .description('health of every feed: last success, last error, items seen, next poll')
    .option('--json', 'print the full records as JSON')
    .option('--wide', 'one JSON line per feed with untruncated columns')
    .action((options: { json?: boolean; wide?: boolean }) => listFeeds(context, options));
  feeds
    .command('remove')
    .description('stop following feeds')
    .argument('<feeds...>', 'ids or addresses (as in `feeds list`)')
    .action((specs: string[]) =>
      withRegistry(context, async (registry) => {
        for (const spec of specs) {
          if (await registry.remove(spec)) context.io.stdout(`removed ${spec}\n`);
          else {
            context.io.stderr(`sitrep: ${spec}: no such feed (see \`sitrep feeds list\`) [not_found]\n`);
            context.exitCode = 1;
          }
        }
      }),
    );
}

export function register(program: Command, context: CliContext): void {
  const feeds = program
    .command('feeds')
    .description('follow feeds: add, import, export, list, remove, parse');
  registerRegistryCommands(feeds, context);
  feeds
    .command('parse')
    .description('parse feed files (RSS, RDF, Atom, JSON Feed) and print them in the feed model')
    .argument('<files...>', 'feed files')
    .option('--jsonl', 'print one JSON line per file: {"input","feed"} or {"input","error"}')
    .option('--max-size <bytes>', 'largest feed accepted (default 10MB)', parseSize)
    .action((files: string[], options: { jsonl?: boolean; maxSize?: number }) =>
      parseFiles(context, files, options),
    );
  for (const command of feeds.commands)
    command.exitOverride().configureOutput({ writeOut: context.io.stdout, writeErr: context.io.stderr });
}
