import { Command, InvalidArgumentError } from 'commander';
import { eventThreshold } from '../../understand/index.ts';
import type { CliContext } from '../context.ts';
import { formatTable } from '../format.ts';
import { parseCalendarDate, parsePositiveInt } from '../options.ts';

interface EventsOptions {
  actor?: string;
  dyad?: [string, string];
  type?: string;
  since?: string;
  until?: string;
  limit: number;
  json?: boolean;
  minConfidence: number;
  all?: boolean;
  allReports?: boolean;
}

function parseDyad(value: string): [string, string] {
  const parts = value.split(',').map((p) => p.trim().toUpperCase());
  if (parts.length !== 2 || !parts[0] || !parts[1]) {
    throw new InvalidArgumentError(`"${value}" is not a dyad; give two actor codes such as IRN,CHN`);
  }
  return [parts[0], parts[1]];
}

const parseDate = (value: string): string => parseCalendarDate(value);

function parseConfidence(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1) {
    throw new InvalidArgumentError(`"${value}" is not a confidence; give a number from 0 to 1 such as 0.5`);
  }
  return n;
}

export function register(program: Command, context: CliContext): void {
  program
    .command('events')
    .description('list stored political events with their evidence')
    .option('--actor <name|code>', 'events where this actor is source or target')
    .option('--dyad <a,b>', 'events between two actors, either direction (e.g. IRN,CHN)', parseDyad)
    .option('--type <type>', 'PLOVER type (CONSULT, ACCUSE, …) or CAMEO code prefix (04, 112)')
    .option('--since <date>', 'on or after this date', parseDate)
    .option('--until <date>', 'on or before this date', parseDate)
    .option('--limit <n>', 'how many', parsePositiveInt, 50)
    .option(
      '--min-confidence <p>',
      'only events at or above this confidence (0 to 1)',
      parseConfidence,
      eventThreshold(),
    )
    .option('--all', 'every stored event, however unsure (same as --min-confidence 0)')
    .option(
      '--all-reports',
      'every report of an event (each copy of a story); by default an event is listed once, with its reports and independent origins counted',
    )
    .option('--json', 'print JSON')
    .action(async (options: EventsOptions) => {
      const store = await context.store();
      const page = await store.listEvents({
        actor: options.actor,
        dyad: options.dyad,
        type: options.type,
        since: options.since,
        until: options.until,
        limit: options.limit,
        minConfidence: options.all ? 0 : options.minConfidence,
        allReports: options.allReports,
      });
      if (options.json) return context.io.stdout(JSON.stringify(page, null, 2) + '\n');
      if (!page.total) return context.io.stdout('no events found\n');
      context.io.stdout(
        formatTable(
          ['date', 'source', 'event', 'target', 'modality', 'reports', 'origins', 'evidence'],
          page.items.map((e) => [
            e.date,
            e.source.code ?? e.source.name,
            `${e.plover ?? 'STATEMENT'}${e.cameo ? ` ${e.cameo}` : ''}`,
            e.target ? (e.target.code ?? e.target.name) : '',
            e.modality,
            String(e.reports ?? 1),
            String(e.origins ?? 1),
            e.evidence.text,
          ]),
          60,
        ) +
          `${page.items.length} of ${page.total}${options.allReports ? ' reports' : ' events (copies counted once; --all-reports lists each)'}\n`,
      );
    });
}
