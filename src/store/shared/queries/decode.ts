// Rows back into the interface's objects. The stores differ only in how values arrive:
// SQLite gives JSON as text and times as ISO strings, PostgreSQL parsed JSON and Date objects.
import type { DocumentSummary } from '../../types.ts';

export const SUMMARY_COLUMNS =
  'd.id, d.sha256, d.origin, d.title, d.site, d.url, d.byline, d.published, d.added_at, substr(d.text, 1, 300) AS head, ' +
  "(SELECT count(*) FROM comments c WHERE c.document_id = d.id AND c.story_id IS NULL AND c.status = 'approved') AS comment_count";

/** Newest first: publication date (else time added), then time added, then id for a stable order. */
export const NEWEST_FIRST = 'd.sort_at DESC, d.added_at DESC, d.id';

export interface SummaryRow {
  id: string;
  sha256: string;
  origin: string;
  title: string | null;
  site: string | null;
  url: string | null;
  byline: string | null;
  published: string | null;
  added_at: string | Date;
  head: string;
  /** PostgreSQL's count(*) is a bigint, which pg gives as a string. */
  comment_count: number | string;
}

const SNIPPET_LENGTH = 240;

export function parseJson<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

export function isoTime(value: string | Date): string {
  return value instanceof Date ? value.toISOString() : value;
}

/** The start of the text on one line, cut at a word boundary. */
export function textSnippet(head: string): string {
  const flat = head.replace(/\s+/g, ' ').trim();
  if (flat.length <= SNIPPET_LENGTH && head.length < 300) return flat;
  const cut = flat.slice(0, SNIPPET_LENGTH);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > SNIPPET_LENGTH / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}

export function toSummary(row: SummaryRow): DocumentSummary {
  return {
    id: row.id,
    sha256: row.sha256,
    origin: row.origin,
    title: row.title,
    site: row.site,
    url: row.url,
    byline: row.byline,
    published: row.published,
    addedAt: isoTime(row.added_at),
    snippet: textSnippet(row.head),
    commentCount: Number(row.comment_count),
  };
}
