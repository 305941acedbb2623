// The storage interface. SQLite (embedded, default) and PostgreSQL implement it; one contract test
// suite runs against both. Every write of a document is one transaction.
import type { Article, Entity, Event, Quote, Reading } from '../model/index.ts';

export interface NewDocument {
  /** The bytes exactly as received; kept compressed with their SHA-256. */
  raw: Buffer;
  contentType: string | null;
  /** Where it came from: a URL, a file path, or a caller's id. */
  origin: string;
  reading: Reading;
}

export interface AddResult {
  /** The first 16 hex digits of the raw bytes' SHA-256: the same page has the same id everywhere. */
  id: string;
  status: 'added' | 'unchanged';
}

export interface DocumentSummary {
  id: string;
  sha256: string;
  origin: string;
  title: string | null;
  site: string | null;
  url: string | null;
  byline: string | null;
  published: string | null;
  addedAt: string;
  /** First characters of the text, for lists. */
  snippet: string;
}

export interface StoredDocument extends DocumentSummary {
  contentType: string | null;
  reading: Reading;
}

export interface SearchHit extends DocumentSummary {
  /** Higher is better. */
  score: number;
  /** Text around the match, with the matched terms between [ and ]. */
  highlight: string;
}

export interface Page<T> {
  total: number;
  items: T[];
}

export interface ListOptions {
  limit?: number;
  offset?: number;
}

export interface StoredQuote extends Quote {
  documentId: string;
  documentTitle: string | null;
  published: string | null;
}

export interface StoredEvent extends Event {
  documentId: string;
  documentTitle: string | null;
  published: string | null;
}

export interface StoredEntityRef {
  documentId: string;
  documentTitle: string | null;
  published: string | null;
  entity: Entity;
}

export interface QuoteFilter extends ListOptions {
  /** The speaker's name as whole words, any case ("ruto" finds "William Ruto"), or their entity id. */
  speaker?: string;
  /** Words that must each start a word of the quote, any case. */
  search?: string;
  documentId?: string;
}

export interface EventFilter extends ListOptions {
  /** Name, country code or actor code of either side. */
  actor?: string;
  /** Two country or actor codes; either direction. */
  dyad?: [string, string];
  /** PLOVER type or CAMEO code prefix. */
  type?: string;
  /** ISO date; events on or after it. */
  since?: string;
  until?: string;
  documentId?: string;
  /** Only events at or above this confidence (0 to 1). */
  minConfidence?: number;
}

export type StoreConfig =
  | { kind: 'sqlite'; path: string }
  /** schema: the PostgreSQL schema to keep sitrep's tables in (created if missing); default public. */
  | { kind: 'postgres'; url: string; schema?: string };

export interface StoreStats {
  documents: number;
  entities: number;
  quotes: number;
  events: number;
}

export interface Store {
  /** Which database this is, for messages: "SQLite database /path/sitrep.db", "PostgreSQL postgres://…". */
  readonly location: string;
  /** Stores a document and its reading; the same raw bytes stored twice give status 'unchanged'. */
  addDocument(doc: NewDocument): Promise<AddResult>;
  /** By id, or by the full SHA-256 of the raw bytes. */
  getDocument(id: string): Promise<StoredDocument | null>;
  getRaw(id: string): Promise<{ raw: Buffer; contentType: string | null; sha256: string } | null>;
  /** Newest first (by publication date, then by when it was added). */
  listDocuments(options?: ListOptions): Promise<Page<DocumentSummary>>;
  /** Full-text search over title and text, best match first. */
  search(query: string, options?: ListOptions): Promise<Page<SearchHit>>;
  deleteDocument(id: string): Promise<boolean>;
  listQuotes(filter?: QuoteFilter): Promise<Page<StoredQuote>>;
  listEvents(filter?: EventFilter): Promise<Page<StoredEvent>>;
  /** Documents that mention an actor, by entity name (case-insensitive). */
  findEntityMentions(name: string, options?: ListOptions): Promise<Page<StoredEntityRef>>;
  /** How many documents, entities, quotes and events are stored. */
  stats(): Promise<StoreStats>;
  close(): Promise<void>;
}

export type { Article };
