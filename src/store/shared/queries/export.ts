// Whole tables out, in batches read by key (keyset paging): memory stays flat however many rows
// match, the same SQL runs on both databases, and no connection is held between batches.
import type { Event, Quote, Reading } from '../../../model/index.ts';
import type {
  DocumentFilter,
  EventFilter,
  ExportedEvent,
  QuoteFilter,
  StoredDocument,
  StoredQuote,
} from '../../types.ts';
import type { SqlRunner } from '../sql-runner.ts';
import { Conditions } from '../sql-runner.ts';
import { eventConditions } from './list-events.ts';
import { quoteConditions } from './list-quotes.ts';
import { isoTime, parseJson, SUMMARY_COLUMNS, toSummary, type SummaryRow } from './decode.ts';

const BATCH = 1000;

interface FactRow {
  data: unknown;
  document_id: string;
  ordinal: number;
  title: string | null;
  published: string | null;
  url: string | null;
  added_at: string | Date;
}

/** A copy of a filter's conditions, to which a batch adds its key condition. */
function withFilter(filter: Conditions): Conditions {
  const copy = new Conditions();
  if (filter.where) copy.add(filter.where.slice('WHERE '.length), ...filter.params);
  return copy;
}

/** Rows keyed by (document_id, ordinal), one batch at a time. */
async function* factRows(
  runner: SqlRunner,
  table: 'events' | 'quotes',
  alias: 'e' | 'q',
  conditions: Conditions,
): AsyncGenerator<FactRow> {
  let after: [string, number] | null = null;
  for (;;) {
    const where = withFilter(conditions);
    if (after) {
      const [documentId, ordinal] = after;
      where.add(`(${alias}.document_id, ${alias}.ordinal) > (?, ?)`, documentId, ordinal);
    }
    const rows: FactRow[] = await runner.all<FactRow>(
      `SELECT ${alias}.data, ${alias}.document_id, ${alias}.ordinal, d.title, d.published, d.url, d.added_at
         FROM ${table} ${alias} JOIN documents d ON d.id = ${alias}.document_id
         ${where.where}
        ORDER BY ${alias}.document_id, ${alias}.ordinal LIMIT ?`,
      [...where.params, BATCH],
    );
    yield* rows;
    if (rows.length < BATCH) return;
    const last = rows[rows.length - 1]!;
    after = [last.document_id, Number(last.ordinal)];
  }
}

export async function* exportEvents(
  runner: SqlRunner,
  filter: EventFilter = {},
): AsyncGenerator<ExportedEvent> {
  for await (const row of factRows(runner, 'events', 'e', eventConditions(filter))) {
    yield {
      ...parseJson<Event>(row.data),
      documentId: row.document_id,
      documentTitle: row.title,
      published: row.published,
      ordinal: Number(row.ordinal),
      documentUrl: row.url,
      addedAt: isoTime(row.added_at),
    };
  }
}

export async function* exportQuotes(
  runner: SqlRunner,
  filter: QuoteFilter = {},
): AsyncGenerator<StoredQuote> {
  for await (const row of factRows(runner, 'quotes', 'q', quoteConditions(filter))) {
    yield {
      ...parseJson<Quote>(row.data),
      documentId: row.document_id,
      documentTitle: row.title,
      published: row.published,
    };
  }
}

interface DocumentRow extends SummaryRow {
  content_type: string | null;
  text: string;
  reading: unknown;
}

export async function* exportDocuments(
  runner: SqlRunner,
  filter: DocumentFilter = {},
): AsyncGenerator<StoredDocument> {
  const conditions = new Conditions();
  if (filter.since !== undefined) conditions.add('d.sort_at >= ?', filter.since);
  if (filter.until !== undefined)
    conditions.add('substr(d.sort_at, 1, ?) <= ?', filter.until.length, filter.until);
  // Documents can be large: smaller batches.
  const batch = 100;
  let after: string | null = null;
  for (;;) {
    const where = withFilter(conditions);
    if (after !== null) where.add('d.id > ?', after);
    const rows: DocumentRow[] = await runner.all<DocumentRow>(
      `SELECT ${SUMMARY_COLUMNS}, d.content_type, d.text, d.reading FROM documents d ${where.where}
        ORDER BY d.id LIMIT ?`,
      [...where.params, batch],
    );
    for (const row of rows) {
      const stored = parseJson<Reading>(row.reading);
      const reading: Reading = { ...stored, article: { ...stored.article, text: row.text } };
      yield { ...toSummary(row), contentType: row.content_type, reading };
    }
    if (rows.length < batch) return;
    after = rows[rows.length - 1]!.id;
  }
}
