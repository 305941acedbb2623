// Events, quotes and documents as JSON lines, CSV (RFC 4180, with a header) or GDELT's event
// table, one line at a time from the store's streaming readers.
import { SitrepError } from '../model/index.ts';
import type { EventFilter, ExportedEvent, Store, StoredDocument, StoredQuote } from '../store/index.ts';
import { gdeltLine } from './gdelt.ts';

export const EXPORT_KINDS = ['events', 'quotes', 'documents'] as const;
export const EXPORT_FORMATS = ['jsonl', 'csv', 'gdelt'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportFilter {
  since?: string;
  until?: string;
  actor?: string;
  dyad?: [string, string];
}

type Cell = string | number | null | undefined;

const EVENT_COLUMNS: [string, (e: ExportedEvent) => Cell][] = [
  ['document_id', (e) => e.documentId],
  ['date', (e) => e.date],
  ['plover', (e) => e.plover],
  ['mode', (e) => e.mode],
  ['cameo', (e) => e.cameo],
  ['quad_class', (e) => e.quadClass],
  ['goldstein', (e) => e.goldstein],
  ['source_name', (e) => e.source.name],
  ['source_country', (e) => e.source.country],
  ['source_code', (e) => e.source.code],
  ['target_name', (e) => e.target?.name],
  ['target_country', (e) => e.target?.country],
  ['target_code', (e) => e.target?.code],
  ['location', (e) => e.location],
  ['modality', (e) => e.modality],
  ['confidence', (e) => e.confidence],
  ['evidence', (e) => e.evidence.text],
  ['document_title', (e) => e.documentTitle],
  ['published', (e) => e.published],
  ['url', (e) => e.documentUrl],
];

const QUOTE_COLUMNS: [string, (q: StoredQuote) => Cell][] = [
  ['document_id', (q) => q.documentId],
  ['speaker', (q) => q.speaker?.name],
  ['speaker_entity_id', (q) => q.speaker?.entityId],
  ['kind', (q) => q.kind],
  ['cue', (q) => q.cue],
  ['text', (q) => q.text],
  ['start', (q) => q.start],
  ['end', (q) => q.end],
  ['document_title', (q) => q.documentTitle],
  ['published', (q) => q.published],
];

const DOCUMENT_COLUMNS: [string, (d: StoredDocument) => Cell][] = [
  ['id', (d) => d.id],
  ['title', (d) => d.title],
  ['site', (d) => d.site],
  ['url', (d) => d.url],
  ['byline', (d) => d.byline],
  ['published', (d) => d.published],
  ['added_at', (d) => d.addedAt],
  ['language', (d) => d.reading.article.language],
  ['text', (d) => d.reading.article.text],
];

/** A CSV field: quoted when needed; text a spreadsheet would run as a formula gets a leading '. */
export function csvField(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function csvLines<T>(columns: [string, (row: T) => Cell][], rows: AsyncIterable<T>): AsyncGenerator<string> {
  return (async function* () {
    yield columns.map(([name]) => name).join(',') + '\r\n';
    for await (const row of rows) yield columns.map(([, get]) => csvField(get(row))).join(',') + '\r\n';
  })();
}

async function* jsonLines<T>(rows: AsyncIterable<T>): AsyncGenerator<string> {
  for await (const row of rows) yield JSON.stringify(row) + '\n';
}

async function* gdeltLines(rows: AsyncIterable<ExportedEvent>): AsyncGenerator<string> {
  for await (const row of rows) yield gdeltLine(row);
}

function eventFilter(filter: ExportFilter): EventFilter {
  return { since: filter.since, until: filter.until, actor: filter.actor, dyad: filter.dyad };
}

/** Checks the combination before anything is written, so a bad request fails cleanly. */
export function checkExport(kind: ExportKind, format: ExportFormat, filter: ExportFilter): void {
  if (format === 'gdelt' && kind !== 'events') {
    throw new SitrepError('usage', `the gdelt format holds events only; export ${kind} as jsonl or csv`);
  }
  if (kind !== 'events' && (filter.actor !== undefined || filter.dyad !== undefined)) {
    throw new SitrepError('usage', `--actor and --dyad filter events; ${kind} take --since and --until only`);
  }
}

/** The export, one line (or CSV record) at a time. */
export function exportLines(
  store: Store,
  kind: ExportKind,
  format: ExportFormat,
  filter: ExportFilter,
): AsyncGenerator<string> {
  checkExport(kind, format, filter);
  if (kind === 'events') {
    const rows = store.exportEvents(eventFilter(filter));
    if (format === 'gdelt') return gdeltLines(rows);
    return format === 'csv' ? csvLines(EVENT_COLUMNS, rows) : jsonLines(rows);
  }
  if (kind === 'quotes') {
    const rows = store.exportQuotes({});
    return format === 'csv' ? csvLines(QUOTE_COLUMNS, rows) : jsonLines(rows);
  }
  const rows = store.exportDocuments({ since: filter.since, until: filter.until });
  return format === 'csv' ? csvLines(DOCUMENT_COLUMNS, rows) : jsonLines(rows);
}

/** How many rows an export will have, for a progress bar. */
export async function exportSize(store: Store, kind: ExportKind, filter: ExportFilter): Promise<number> {
  if (kind === 'events') return (await store.listEvents({ ...eventFilter(filter), limit: 1 })).total;
  if (kind === 'quotes') return (await store.listQuotes({ limit: 1 })).total;
  return (await store.stats()).documents;
}

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  jsonl: 'application/x-ndjson; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  gdelt: 'text/tab-separated-values; charset=utf-8',
};

export const EXTENSIONS: Record<ExportFormat, string> = { jsonl: 'jsonl', csv: 'csv', gdelt: 'CSV' };
