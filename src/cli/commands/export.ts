// `sitrep export events|quotes|documents`: streams rows from the database to stdout or a file,
// with a progress bar on stderr when writing a file from a terminal.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { Command, InvalidArgumentError, Option } from 'commander';
import cliProgress from 'cli-progress';
import {
  EXPORT_FORMATS,
  EXPORT_KINDS,
  checkExport,
  exportLines,
  exportSize,
  type ExportFilter,
  type ExportFormat,
  type ExportKind,
} from '../../export/index.ts';
import { SitrepError } from '../../model/index.ts';
import type { CliContext } from '../context.ts';
import { isoDate } from '../../server/schemas.ts';

interface ExportOptions {
  format: ExportFormat;
  since?: string;
  until?: string;
  actor?: string;
  dyad?: [string, string];
  output?: string;
}

function parseDate(value: string): string {
  const result = isoDate.safeParse(value);
  if (!result.success) {
    throw new InvalidArgumentError(
      `"${value}" is not a date: ${result.error.issues[0]?.message ?? 'use YYYY-MM-DD'}`,
    );
  }
  return value;
}

function parseDyad(value: string): [string, string] {
  const parts = value.split(',').map((p) => p.trim().toUpperCase());
  if (parts.length !== 2 || !parts[0] || !parts[1]) {
    throw new InvalidArgumentError(`"${value}" is not a dyad; give two actor codes such as IRN,CHN`);
  }
  return [parts[0], parts[1]];
}

/** Writes chunks, waiting whenever the destination's buffer is full (memory stays flat). */
async function writeAll(lines: AsyncIterable<string>, out: NodeJS.WritableStream, onRow: () => void) {
  let buffer = '';
  for await (const line of lines) {
    buffer += line;
    onRow();
    if (buffer.length >= 64 * 1024) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  if (buffer && !out.write(buffer)) await once(out, 'drain');
}

export function register(program: Command, context: CliContext): void {
  program
    .command('export')
    .description('export stored events, quotes or documents as JSON lines, CSV or GDELT 2.0 event rows')
    .argument('<what>', `one of ${EXPORT_KINDS.join(', ')}`)
    .addOption(new Option('--format <format>', 'output format').choices(EXPORT_FORMATS).default('jsonl'))
    .option('--since <date>', 'on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)', parseDate)
    .option('--until <date>', 'on or before this date', parseDate)
    .option('--actor <name|code>', 'events where this actor is source or target')
    .option('--dyad <a,b>', 'events between two actors, either direction (e.g. IRN,CHN)', parseDyad)
    .option('--output <file>', 'write to this file instead of stdout')
    .action(async (what: string, options: ExportOptions) => {
      if (!(EXPORT_KINDS as readonly string[]).includes(what)) {
        throw new SitrepError('usage', `cannot export '${what}'; export ${EXPORT_KINDS.join(', ')}`);
      }
      const kind = what as ExportKind;
      const filter: ExportFilter = {
        since: options.since,
        until: options.until,
        actor: options.actor,
        dyad: options.dyad,
      };
      checkExport(kind, options.format, filter);
      const store = await context.store();
      await (options.output
        ? exportToFile(context, store, kind, options, filter)
        : exportToStdout(context, store, kind, options.format, filter));
    });
}

async function exportToStdout(
  context: CliContext,
  store: Awaited<ReturnType<CliContext['store']>>,
  kind: ExportKind,
  format: ExportFormat,
  filter: ExportFilter,
): Promise<void> {
  const lines = exportLines(store, kind, format, filter);
  const out = context.io.stdoutStream;
  if (out) return writeAll(lines, out, () => {});
  for await (const line of lines) context.io.stdout(line);
}

async function exportToFile(
  context: CliContext,
  store: Awaited<ReturnType<CliContext['store']>>,
  kind: ExportKind,
  options: ExportOptions,
  filter: ExportFilter,
): Promise<void> {
  const path = options.output!;
  const out = createWriteStream(path);
  const opened = once(out, 'open').catch((error: Error) => {
    throw new SitrepError('usage', `--output ${path}: cannot write it (${error.message})`);
  });
  await opened;
  const bar = context.io.interactive
    ? new cliProgress.SingleBar(
        {
          format: `exporting ${kind} [{bar}] {value}/{total}`,
          clearOnComplete: true,
          stream: process.stderr,
        },
        cliProgress.Presets.shades_classic,
      )
    : null;
  bar?.start(await exportSize(store, kind, filter), 0);
  let rows = 0;
  try {
    await writeAll(exportLines(store, kind, options.format, filter), out, () => {
      rows++;
      if (rows % 1000 === 0) bar?.update(rows);
    });
  } finally {
    bar?.stop();
    out.end();
    await once(out, 'close');
  }
  // CSV has a header line; the count is of rows.
  context.io.stderr(`exported ${rows - (options.format === 'csv' ? 1 : 0)} ${kind} to ${path}\n`);
}
