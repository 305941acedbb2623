// The storage interface. SQLite (embedded, default) and PostgreSQL implement it; one contract test
// suite runs against both. Every write of a document is one transaction.
import type { Article, Entity, Event, Quote, Reading } from '../model/index.ts';
import type { FeedStore } from './feed-types.ts';

export type * from './feed-types.ts';

export interface NewDocument {
  /** The bytes exactly as received; kept compressed with their SHA-256. */
  raw: Buffer;
  contentType: string | null;
  /** Where it came from: a URL, a file path, or a caller's id. */
  origin: string;
  reading: Reading;
}

export interface AddOptions {
  /**
   * false: compress and write without first looking its SHA-256 up (bytes seldom stored already,
   * as a job's); the write still finds a stored copy, so the outcome is the same. Default true.
   */
  lookUpFirst?: boolean;
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
  /** Approved comments on it. */
  commentCount: number;
  /** With `foldCopies`: how many stored copies trace back to it, and the first of them. */
  copyCount?: number;
  copies?: CopySummary[];
}

/** A stored copy of an origin, as a folded list shows it under the origin. */
export interface CopySummary extends DocumentSummary {
  parent: string | null;
  relation: TraceRecord['relation'];
  /** Share of its text found in the parent. */
  shared: number;
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

export interface DocumentListOptions extends ListOptions {
  /** List origins only, each with its copies (documents traced back to it); untraced documents count as origins. */
  foldCopies?: boolean;
  /** Copies listed under each origin (default 10); `copyCount` gives them all. */
  copiesPerOrigin?: number;
}

export interface StoredQuote extends Quote, Partial<ReportCounts> {
  documentId: string;
  documentTitle: string | null;
  published: string | null;
}

/** How often a fact was reported: by how many stored documents, from how many independent origins. */
export interface ReportCounts {
  /** Documents reporting it (copies included). */
  reports: number;
  /** Independent origins among them (copies of one original count once). */
  origins: number;
}

export interface StoredEvent extends Event, Partial<ReportCounts> {
  documentId: string;
  documentTitle: string | null;
  published: string | null;
}

/** An event as exported: with its article's address and the time it was stored. */
export interface ExportedEvent extends StoredEvent {
  /** Its place among its article's events. */
  ordinal: number;
  documentUrl: string | null;
  addedAt: string;
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
  /** Every report of a quote (each copy), not each quote once. */
  allReports?: boolean;
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
  /** Every report of an event (each copy), not each event once. */
  allReports?: boolean;
}

export interface DocumentFilter {
  /** Published (else added) on or after this ISO date. */
  since?: string;
  until?: string;
}

export type Role = 'admin' | 'analyst' | 'reader';

export interface User {
  name: string;
  role: Role;
  createdAt: string;
}

export interface UserRecord extends User {
  passwordHash: string;
}

export interface NewUser {
  name: string;
  role: Role;
  passwordHash: string;
}

/** An API token as listed: an id (from its hash) to revoke it by, never the secret. */
export interface ApiToken {
  id: string;
  label: string;
  createdAt: string;
}

export type CommentStatus = 'approved' | 'pending' | 'spam';

export interface NewComment {
  documentId: string;
  parentId: string | null;
  name: string;
  email: string;
  body: string;
  status: CommentStatus;
  /** On a story (see src/trace) rather than the article: the story id, which is also documentId. */
  storyId?: string | null;
}

/** A comment as the API shows it; the email is kept apart so no response can carry it by accident. */
export interface StoredComment {
  id: string;
  documentId: string;
  parentId: string | null;
  /** Set on comments on a story (then documentId is the story's first document). */
  storyId: string | null;
  name: string;
  body: string;
  status: CommentStatus;
  createdAt: string;
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

/** A document's place in its copy family and story (see src/trace). */
export interface TraceRecord {
  documentId: string;
  /** Arrival order among traced documents. */
  seq: number;
  parent: string | null;
  origin: string;
  relation: 'identical' | 'excerpt' | 'rewrite' | 'update' | null;
  story: string;
  /** Share of its text found in the parent (0 for origins). */
  shared: number;
}

/** A trace record with the document's fingerprint (src/trace/frozen.ts), null if stored before it was kept. */
export interface StoredTrace extends TraceRecord {
  fingerprint: Uint8Array | null;
}

/** An origin whose headline and lead name a given name (stories across stored documents). */
export interface StoryNameEntry {
  name: string;
  documentId: string;
  seq: number;
  /** How many names its headline and lead hold. */
  names: number;
  publishedMs: number | null;
}

export interface TraceWrite {
  record: TraceRecord;
  /** Its fingerprint (src/trace/frozen.ts; an origin's holds its headline and lead names). */
  fingerprint?: Uint8Array;
  /** Earlier documents it turned out to be the source of; origin and story follow down their chains. */
  reparented: TraceRecord[];
  /** Stories this document joined together: each becomes `record.story`. */
  mergedStories?: string[];
}

/** How a batch groups its units into commits (SQLite; PostgreSQL commits each unit). */
export interface BatchOptions {
  /** Commit after this many units (default 200). */
  maxUnits?: number;
  /** Commit when the open transaction is this old, also while waiting for the next unit (default 500). */
  maxMs?: number;
}

export interface Store {
  /** Which database this is, for messages: "SQLite database /path/sitrep.db", "PostgreSQL postgres://…". */
  readonly location: string;
  /**
   * Runs `work` as one unit: everything it writes through this store is kept, or none of it (it
   * throws). Units run one at a time per store object; a unit inside a unit is part of the outer one.
   */
  unit<T>(work: () => Promise<T>): Promise<T>;
  /**
   * Runs `work` with its units grouped into few commits (SQLite: one transaction of many units,
   * each unit a savepoint, so a failed unit rolls back only itself). What `work` has written is
   * committed when it returns or throws; a crash loses at most the units not yet committed, whole.
   */
  batched<T>(work: () => Promise<T>, options?: BatchOptions): Promise<T>;
  /**
   * Inside a unit: waits until no unit of another process or connection is tracing, and keeps
   * them waiting until this unit ends, so each new document is traced against every one traced
   * before it (PostgreSQL: a transaction advisory lock; SQLite's write lock does it). Taken after
   * the unit's other writes, so only tracing and the commit run one at a time.
   */
  lockTracing(): Promise<void>;
  /**
   * Inside a unit that stores the page of a queue job: keeps other units of this origin waiting
   * until this one ends, so its check that the origin is not stored yet holds to its commit; and
   * lets that commit return before it reaches the disk, because the job's completion, committed
   * later and waiting for the disk, makes it durable too (PostgreSQL writes its log in order),
   * while a crash before it loses both and the job runs again. PostgreSQL: a transaction advisory
   * lock on a hash of the origin and synchronous_commit off for the unit; SQLite: nothing (its
   * write lock covers the unit, and the batch decides when to commit). Several origins (one unit
   * storing several jobs' pages) are locked in one order, so two such units never wait for each other
   * in a circle.
   */
  lockOriginForJob(origin: string | readonly string[]): Promise<void>;
  /** PostgreSQL: time this store's units spent waiting for and holding its advisory locks. */
  readonly lockTimes?: LockTimes;
  /** The id of a document stored from this origin (URL or path), the earliest if several. */
  documentByOrigin(origin: string): Promise<string | null>;
  /** As documentByOrigin for several origins in one read: those stored, each with its id. */
  documentsByOrigin(origins: readonly string[]): Promise<Map<string, string>>;
  /** Documents added at or after this ISO time. */
  countAddedSince(since: string): Promise<number>;
  /** The feed registry: followed feeds, their schedules and health, and the items seen. */
  readonly feeds: FeedStore;
  /** Stores a document and its reading; the same raw bytes stored twice give status 'unchanged'. */
  addDocument(doc: NewDocument, options?: AddOptions): Promise<AddResult>;
  /** By id, or by the full SHA-256 of the raw bytes. */
  getDocument(id: string): Promise<StoredDocument | null>;
  getRaw(id: string): Promise<{ raw: Buffer; contentType: string | null; sha256: string } | null>;
  /** Newest first (by publication date, then by when it was added). */
  listDocuments(options?: DocumentListOptions): Promise<Page<DocumentSummary>>;
  /** Full-text search over title and text, best match first. */
  search(query: string, options?: ListOptions): Promise<Page<SearchHit>>;
  deleteDocument(id: string): Promise<boolean>;
  listQuotes(filter?: QuoteFilter): Promise<Page<StoredQuote>>;
  listEvents(filter?: EventFilter): Promise<Page<StoredEvent>>;
  /** Documents that mention an actor, by entity name (case-insensitive). */
  findEntityMentions(name: string, options?: ListOptions): Promise<Page<StoredEntityRef>>;
  /**
   * Traced documents after arrival number `afterSeq`, oldest first, with fingerprints (at most
   * `limit`): what a process's warm trace index is loaded from and kept up to date with.
   */
  readTracesAfter(afterSeq: number, limit: number): Promise<StoredTrace[]>;
  /**
   * A number that stays the same while this store's connection holds the write lock with no commit
   * or rollback in between (SQLite inside one transaction, as a batch of units holds it): then no
   * other process wrote, and nothing this one wrote was undone. Null when it cannot tell (outside a
   * transaction; PostgreSQL). Tracing skips its head read while it is unchanged since its last write.
   */
  writeEpoch(): number | null;
  /** The newest arrival number among traced documents (0 when none), and which of `ids` are traced. */
  traceHead(ids: readonly string[]): Promise<{ lastSeq: number; traced: string[] }>;
  /** Trace records of the given documents (those traced), in arrival order. */
  getTraces(ids: readonly string[]): Promise<TraceRecord[]>;
  /** Trace records with fingerprints, in arrival order. */
  getTraceFingerprints(ids: readonly string[]): Promise<StoredTrace[]>;
  /**
   * The names in the headline and lead of each origin traced after arrival number `afterSeq`,
   * through `throughSeq`, in arrival order, as stored before the fingerprint kept them (migration 009).
   */
  readStoryNames(afterSeq: number, throughSeq: number): Promise<StoryNameEntry[]>;
  /** Stored documents not traced yet (stored before tracing was), oldest first. */
  listUntraced(limit: number): Promise<string[]>;
  /** Every document whose origin is `originId`, in arrival order. */
  listTraceFamily(originId: string): Promise<TraceRecord[]>;
  /** Every document of a story (its independent origins and their copies), in arrival order. */
  listStoryDocuments(storyId: string): Promise<TraceRecord[]>;
  nextTraceSeq(): Promise<number>;
  saveTrace(write: TraceWrite): Promise<void>;
  /**
   * Writes a copy's trace (`record.parent` set) with its parent's stored origin and story, read in
   * the same write (`record.origin` and `record.story` are not used); `reparented` records take the
   * written record's origin and story. Returns the record written, or null, writing nothing, when
   * the parent is not stored.
   */
  saveCopyTrace(write: TraceWrite): Promise<TraceRecord | null>;
  /** Several trace writes in one transaction, as if saved one after another (fewer statements). */
  saveTraces(writes: readonly TraceWrite[]): Promise<void>;
  /** Events between two actors, either direction, oldest first (dated events only), once per origin. */
  dyadEvents(a: ActorMatch, b: ActorMatch, window?: EventWindow): Promise<DyadEventFact[]>;
  /** Events one actor had with each other node, counted by quad class. */
  actorPartners(actor: ActorMatch, window?: EventWindow): Promise<EdgeCount[]>;
  /** Every pair of nodes with events in the window (either direction, one edge), counted by quad class. */
  actorGraph(window?: EventWindow): Promise<EdgeCount[]>;
  /** The events of a dyad (or of one actor when b is null) in full, with their evidence. */
  listDyadEvents(
    a: ActorMatch,
    b: ActorMatch | null,
    window: EventWindow & ListOptions,
  ): Promise<Page<StoredEvent>>;
  /** The first and last event dates stored. */
  eventDateRange(): Promise<{ first: string | null; last: string | null }>;
  /** How many documents, entities, quotes and events are stored. */
  stats(): Promise<StoreStats>;

  /** Every matching event, quote or document in a stable order, read in batches (flat memory). */
  exportEvents(filter?: EventFilter): AsyncIterable<ExportedEvent>;
  exportQuotes(filter?: QuoteFilter): AsyncIterable<StoredQuote>;
  exportDocuments(filter?: DocumentFilter): AsyncIterable<StoredDocument>;

  /** Accounts: a name already taken is an invalid_input error. */
  addUser(user: NewUser): Promise<void>;
  getUser(name: string): Promise<UserRecord | null>;
  listUsers(): Promise<User[]>;
  countUsers(): Promise<number>;
  /** Removes the user with their sessions and tokens. */
  removeUser(name: string): Promise<boolean>;
  /** Sets a new password hash and ends the user's sessions. */
  setPasswordHash(name: string, passwordHash: string): Promise<boolean>;
  addSession(session: { idHash: string; userName: string; expiresAt: string }): Promise<void>;
  /** The user of a session that has not expired. */
  sessionUser(idHash: string, now?: string): Promise<User | null>;
  deleteSession(idHash: string): Promise<void>;
  addToken(token: { tokenHash: string; userName: string; label: string }): Promise<void>;
  tokenUser(tokenHash: string): Promise<User | null>;
  /** A user's API tokens (never the tokens themselves), oldest first. */
  listTokens(userName: string): Promise<ApiToken[]>;
  /** Revokes one of the user's tokens by its id; false when the user has no such token. */
  revokeToken(userName: string, id: string): Promise<boolean>;

  /** Discussion: comments on a stored document. */
  addComment(comment: NewComment): Promise<StoredComment>;
  getComment(id: string): Promise<StoredComment | null>;
  /** Oldest first; only the statuses given (default approved). */
  listComments(documentId: string, statuses?: CommentStatus[]): Promise<StoredComment[]>;
  /** The discussion on a story (by its id, see TraceRecord.story); null when there is no such story. */
  listStoryComments(storyId: string, statuses?: CommentStatus[]): Promise<StoredComment[] | null>;
  /** The moderation queue across documents, oldest first. */
  listCommentsByStatus(status: CommentStatus, options?: ListOptions): Promise<Page<StoredComment>>;
  updateComment(id: string, change: { status?: CommentStatus; body?: string }): Promise<StoredComment | null>;
  /** Deletes it and its replies. */
  deleteComment(id: string): Promise<boolean>;
  /** Whether this address (any case) has an approved comment already. */
  isKnownCommenter(email: string): Promise<boolean>;
  close(): Promise<void>;
}

export type { Article };

/** How events name one actor: a side matches by its country, its entity id or its actor code. */
export interface ActorMatch {
  countries: string[];
  entityIds: string[];
  codes: string[];
  /** Side names exactly as stored, for actors the knowledge base does not know. */
  names?: string[];
}

export interface EventWindow {
  /** ISO date; events on or after it (by event date, else the article's date). */
  since?: string;
  until?: string;
  /** Events at or above this confidence (0 to 1). */
  minConfidence?: number;
  /** PLOVER type or CAMEO code prefix. */
  type?: string;
  /** Count every report as an event; by default an event is counted once per origin (copies once). */
  allReports?: boolean;
}

/** One event of a dyad, light enough to count by period. */
export interface DyadEventFact {
  documentId: string;
  ordinal: number;
  date: string;
  quadClass: number | null;
  goldstein: number | null;
  /**
   * What makes two reports independent: the origin of the document's copy family (src/trace), or
   * the document itself when it is not traced. Copies of one origin share this key.
   */
  originKey: string;
  /** Reports of it: rows of copies of one origin counted as this event (1 with allReports). */
  reports: number;
}

/** Events between one actor (or a pair of node keys) and another, counted by quad class. */
export interface EdgeCount {
  /** Node key of each side: the country (or bloc) code, else the actor code, else the name. */
  source: string;
  target: string;
  /** Events, each once per origin (every report with allReports). */
  events: number;
  /** Reports of them, copies included. */
  reports: number;
  /** Independent origins of the edge's events (copies of one original count once). */
  origins: number;
  /** Events by quad class 1 (verbal cooperation) … 4 (material conflict). */
  quad: [number, number, number, number];
  goldsteinSum: number;
  goldsteinCount: number;
}

/** Milliseconds summed over a store's units (see Store.lockTimes). */
export interface LockTimes {
  /** Waiting for the tracing lock. */
  tracingWaitMs: number;
  /** From taking the tracing lock to the end of the unit (its commit). */
  tracingHeldMs: number;
  /** Units that took the tracing lock. */
  tracingUnits: number;
  /** Waiting for origin locks (lockOriginForJob). */
  originWaitMs: number;
}
