// What both stores share: checking and flattening a new document, and every read. A store adds
// how it opens, writes a record and searches.
import type {
  ActorMatch,
  AddOptions,
  AddResult,
  BatchOptions,
  CommentStatus,
  DocumentFilter,
  NewComment,
  NewUser,
  EventWindow,
  EventFilter,
  DocumentListOptions,
  ListOptions,
  NewDocument,
  Page,
  QuoteFilter,
  SearchHit,
  Store,
  TraceWrite,
} from '../types.ts';
import {
  getTraceFingerprints,
  getTraces,
  listTraceFamily,
  listUntraced,
  nextTraceSeq,
  readStoryNames,
  readTracesAfter,
  saveCopyTrace,
  saveTrace,
  saveTraces,
  traceHead,
  type TraceInserts,
} from './queries/trace.ts';
import { listStoryDocuments } from './queries/stories.ts';
import type { FeedStore } from '../feed-types.ts';
import { SqlFeedStore } from './queries/feeds.ts';
import { checkNewDocument } from './new-document.ts';
import { compressRaw } from './raw-codec.ts';
import { toDocumentRecord, type DocumentRecord } from './records.ts';
import type { SqlRunner } from './sql-runner.ts';
import { guard, storeError } from './store-error.ts';
import { deleteDocument } from './queries/delete-document.ts';
import { findEntityMentions } from './queries/find-entity-mentions.ts';
import { getDocument } from './queries/get-document.ts';
import { getRaw } from './queries/get-raw.ts';
import { listDocuments } from './queries/list-documents.ts';
import { listEvents } from './queries/list-events.ts';
import { listQuotes } from './queries/list-quotes.ts';
import { stats } from './queries/stats.ts';
import * as accounts from './queries/accounts.ts';
import * as comments from './queries/comments.ts';
import * as exports from './queries/export.ts';
import {
  actorGraph,
  actorPartners,
  dyadEvents,
  eventDateRange,
  listDyadEvents,
} from './queries/relations.ts';

export abstract class SqlStore implements Store {
  abstract readonly location: string;
  protected abstract readonly runner: SqlRunner;

  /** Writes the whole record in one transaction; false when its SHA-256 is already stored. */
  protected abstract writeRecord(record: DocumentRecord): Promise<boolean>;
  protected abstract searchDocuments(query: string, options?: ListOptions): Promise<Page<SearchHit>>;
  /** Runs several statements as one transaction (a trace write: its record, keys and re-parented copies). */
  protected inTransaction<T>(work: (runner: SqlRunner) => Promise<T>): Promise<T> {
    return this.unit(() => work(this.runner));
  }
  abstract close(): Promise<void>;
  abstract unit<T>(work: () => Promise<T>): Promise<T>;
  abstract batched<T>(work: () => Promise<T>, options?: BatchOptions): Promise<T>;
  abstract lockTracing(): Promise<void>;

  /** How trace records are inserted (see TraceInserts): a multi-row upsert unless a store says otherwise. */
  protected readonly traceInserts: TraceInserts = 'upsertMany';

  /** Null unless the database says otherwise (see Store.writeEpoch). */
  writeEpoch(): number | null {
    return null;
  }
  abstract lockOriginForJob(origin: string | readonly string[]): Promise<void>;

  private feedStore: SqlFeedStore | null = null;

  /** The feed registry, in this database. */
  get feeds(): FeedStore {
    return (this.feedStore ??= new SqlFeedStore(this.runner, (work) => this.unit(work)));
  }

  addDocument(doc: NewDocument, options: AddOptions = {}): Promise<AddResult> {
    return guard(
      this.location,
      `add ${doc.origin}`,
      async () => {
        const { id, sha256, reading } = checkNewDocument(doc);
        // Seen already: skip compressing it. A concurrent add of the same bytes is caught by the write.
        const [existing] =
          options.lookUpFirst === false
            ? []
            : await this.runner.all<{ id: string }>('SELECT id FROM documents WHERE sha256 = ?', [sha256]);
        if (existing) return { id: existing.id, status: 'unchanged' };
        const compressed = await compressRaw(doc.raw);
        const columns = {
          id,
          sha256,
          origin: doc.origin,
          contentType: doc.contentType,
          raw: compressed.data,
          rawEncoding: compressed.encoding,
          rawSize: doc.raw.length,
          addedAt: new Date().toISOString(),
        };
        const added = await this.writeRecord(toDocumentRecord(columns, reading));
        return { id, status: added ? 'added' : 'unchanged' };
      },
      doc.origin,
    );
  }

  documentByOrigin(origin: string) {
    return guard(this.location, `look up ${origin}`, async () => {
      const rows = await this.runner.all<{ id: string }>(
        'SELECT id FROM documents WHERE origin = ? ORDER BY added_at, id LIMIT 1',
        [origin],
      );
      return rows[0]?.id ?? null;
    });
  }

  documentsByOrigin(origins: readonly string[]) {
    return guard(this.location, `look up ${origins.length} origins`, async () => {
      const found = new Map<string, string>();
      const distinct = [...new Set(origins)];
      if (!distinct.length) return found;
      // the earliest per origin comes first
      const rows = await this.runner.all<{ id: string; origin: string }>(
        `SELECT id, origin FROM documents WHERE origin IN (${distinct.map(() => '?').join(', ')})
         ORDER BY added_at DESC, id DESC`,
        distinct,
      );
      for (const row of rows) found.set(row.origin, row.id);
      return found;
    });
  }

  countAddedSince(since: string) {
    return guard(this.location, 'count recent documents', async () => {
      const rows = await this.runner.all<{ n: number | string }>(
        'SELECT count(*) AS n FROM documents WHERE added_at >= ?',
        [since],
      );
      return Number(rows[0]?.n ?? 0);
    });
  }

  search(query: string, options?: ListOptions) {
    return guard(this.location, `search for '${query}'`, () => this.searchDocuments(query, options));
  }

  getDocument(id: string) {
    return guard(this.location, `read document ${id}`, () => getDocument(this.runner, id));
  }

  getRaw(id: string) {
    return guard(this.location, `read the raw page of ${id}`, () => getRaw(this.runner, id));
  }

  listDocuments(options?: DocumentListOptions) {
    return guard(this.location, 'list documents', () => listDocuments(this.runner, options));
  }

  deleteDocument(id: string) {
    return guard(this.location, `delete document ${id}`, () => deleteDocument(this.runner, id));
  }

  listQuotes(filter?: QuoteFilter) {
    return guard(this.location, 'list quotes', () => listQuotes(this.runner, filter));
  }

  listEvents(filter?: EventFilter) {
    return guard(this.location, 'list events', () => listEvents(this.runner, filter));
  }

  findEntityMentions(name: string, options?: ListOptions) {
    return guard(this.location, `find mentions of '${name}'`, () =>
      findEntityMentions(this.runner, name, options),
    );
  }

  readTracesAfter(afterSeq: number, limit: number) {
    return guard(this.location, 'read traced documents', () => readTracesAfter(this.runner, afterSeq, limit));
  }

  traceHead(ids: readonly string[]) {
    return guard(this.location, 'read the newest trace', () => traceHead(this.runner, ids));
  }

  getTraceFingerprints(ids: readonly string[]) {
    return guard(this.location, 'read trace fingerprints', () => getTraceFingerprints(this.runner, ids));
  }

  readStoryNames(afterSeq: number, throughSeq: number) {
    return guard(this.location, 'read story names', () => readStoryNames(this.runner, afterSeq, throughSeq));
  }

  listUntraced(limit: number) {
    return guard(this.location, 'list documents not traced yet', () => listUntraced(this.runner, limit));
  }

  getTraces(ids: readonly string[]) {
    return guard(this.location, 'read trace records', () => getTraces(this.runner, ids));
  }

  listTraceFamily(originId: string) {
    return guard(this.location, `list the copies of ${originId}`, () =>
      listTraceFamily(this.runner, originId),
    );
  }

  listStoryDocuments(storyId: string) {
    return guard(this.location, `list the documents of story ${storyId}`, () =>
      listStoryDocuments(this.runner, storyId),
    );
  }

  nextTraceSeq() {
    return guard(this.location, 'number a traced document', () => nextTraceSeq(this.runner));
  }

  saveTrace(write: TraceWrite) {
    return guard(this.location, `save the trace of ${write.record.documentId}`, () =>
      this.inTransaction((runner) => saveTrace(runner, write, this.traceInserts)),
    );
  }

  saveCopyTrace(write: TraceWrite) {
    return guard(this.location, `save the trace of ${write.record.documentId}`, () =>
      this.inTransaction((runner) => saveCopyTrace(runner, write, this.traceInserts)),
    );
  }

  saveTraces(writes: readonly TraceWrite[]) {
    if (!writes.length) return Promise.resolve();
    return guard(this.location, `save the traces of ${writes.length} documents`, () =>
      this.inTransaction((runner) => saveTraces(runner, writes, this.traceInserts)),
    );
  }

  dyadEvents(a: ActorMatch, b: ActorMatch, window?: EventWindow) {
    return guard(this.location, 'count the events of a dyad', () => dyadEvents(this.runner, a, b, window));
  }

  actorPartners(actor: ActorMatch, window?: EventWindow) {
    return guard(this.location, "count an actor's partners", () => actorPartners(this.runner, actor, window));
  }

  actorGraph(window?: EventWindow) {
    return guard(this.location, 'count the actor graph', () => actorGraph(this.runner, window));
  }

  listDyadEvents(a: ActorMatch, b: ActorMatch | null, window: EventWindow & ListOptions) {
    return guard(this.location, 'list the events of a dyad', () => listDyadEvents(this.runner, a, b, window));
  }

  eventDateRange() {
    return guard(this.location, 'find the first and last event dates', () => eventDateRange(this.runner));
  }

  stats() {
    return guard(this.location, 'count rows', () => stats(this.runner));
  }

  exportEvents(filter?: EventFilter) {
    return this.guardStream('export events', exports.exportEvents(this.runner, filter));
  }

  exportQuotes(filter?: QuoteFilter) {
    return this.guardStream('export quotes', exports.exportQuotes(this.runner, filter));
  }

  exportDocuments(filter?: DocumentFilter) {
    return this.guardStream('export documents', exports.exportDocuments(this.runner, filter));
  }

  private async *guardStream<T>(action: string, rows: AsyncGenerator<T>): AsyncGenerator<T> {
    try {
      yield* rows;
    } catch (error) {
      throw storeError(this.location, action, error);
    }
  }

  addUser(user: NewUser) {
    return guard(this.location, `add user ${user.name}`, () => accounts.addUser(this.runner, user));
  }

  getUser(name: string) {
    return guard(this.location, `read user ${name}`, () => accounts.getUser(this.runner, name));
  }

  listUsers() {
    return guard(this.location, 'list users', () => accounts.listUsers(this.runner));
  }

  countUsers() {
    return guard(this.location, 'count users', () => accounts.countUsers(this.runner));
  }

  removeUser(name: string) {
    return guard(this.location, `remove user ${name}`, () => accounts.removeUser(this.runner, name));
  }

  setPasswordHash(name: string, passwordHash: string) {
    return guard(this.location, `set the password of ${name}`, () =>
      accounts.setPasswordHash(this.runner, name, passwordHash),
    );
  }

  addSession(session: { idHash: string; userName: string; expiresAt: string }) {
    return guard(this.location, 'start a session', () => accounts.addSession(this.runner, session));
  }

  sessionUser(idHash: string, now = new Date().toISOString()) {
    return guard(this.location, 'read a session', () => accounts.sessionUser(this.runner, idHash, now));
  }

  deleteSession(idHash: string) {
    return guard(this.location, 'end a session', () => accounts.deleteSession(this.runner, idHash));
  }

  addToken(token: { tokenHash: string; userName: string; label: string }) {
    return guard(this.location, `add a token for ${token.userName}`, () =>
      accounts.addToken(this.runner, token),
    );
  }

  tokenUser(tokenHash: string) {
    return guard(this.location, 'read a token', () => accounts.tokenUser(this.runner, tokenHash));
  }

  listTokens(userName: string) {
    return guard(this.location, `list the tokens of ${userName}`, () =>
      accounts.listTokens(this.runner, userName),
    );
  }

  revokeToken(userName: string, id: string) {
    return guard(this.location, `revoke a token of ${userName}`, () =>
      accounts.revokeToken(this.runner, userName, id),
    );
  }

  addComment(comment: NewComment) {
    return guard(this.location, `add a comment on ${comment.documentId}`, () =>
      comments.addComment(this.runner, comment),
    );
  }

  getComment(id: string) {
    return guard(this.location, `read comment ${id}`, () => comments.getComment(this.runner, id));
  }

  listComments(documentId: string, statuses: CommentStatus[] = ['approved']) {
    return guard(this.location, `list comments on ${documentId}`, () =>
      comments.listComments(this.runner, documentId, statuses),
    );
  }

  listStoryComments(storyId: string, statuses: CommentStatus[] = ['approved']) {
    return guard(this.location, `list comments on story ${storyId}`, () =>
      comments.listStoryComments(this.runner, storyId, statuses),
    );
  }

  listCommentsByStatus(status: CommentStatus, options?: ListOptions) {
    return guard(this.location, `list ${status} comments`, () =>
      comments.listCommentsByStatus(this.runner, status, options),
    );
  }

  updateComment(id: string, change: { status?: CommentStatus; body?: string }) {
    return guard(this.location, `update comment ${id}`, () =>
      comments.updateComment(this.runner, id, change),
    );
  }

  deleteComment(id: string) {
    return guard(this.location, `delete comment ${id}`, () => comments.deleteComment(this.runner, id));
  }

  isKnownCommenter(email: string) {
    return guard(this.location, 'look up a commenter', () => comments.isKnownCommenter(this.runner, email));
  }
}
