// What both stores share: checking and flattening a new document, and every read. A store adds
// how it opens, writes a record and searches.
import type {
  ActorMatch,
  AddResult,
  EventWindow,
  EventFilter,
  ListOptions,
  NewDocument,
  Page,
  QuoteFilter,
  SearchHit,
  Store,
} from '../types.ts';
import { checkNewDocument } from './new-document.ts';
import { compressRaw } from './raw-codec.ts';
import { toDocumentRecord, type DocumentRecord } from './records.ts';
import type { SqlRunner } from './sql-runner.ts';
import { guard } from './store-error.ts';
import { deleteDocument } from './queries/delete-document.ts';
import { findEntityMentions } from './queries/find-entity-mentions.ts';
import { getDocument } from './queries/get-document.ts';
import { getRaw } from './queries/get-raw.ts';
import { listDocuments } from './queries/list-documents.ts';
import { listEvents } from './queries/list-events.ts';
import { listQuotes } from './queries/list-quotes.ts';
import { stats } from './queries/stats.ts';
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
  abstract close(): Promise<void>;

  addDocument(doc: NewDocument): Promise<AddResult> {
    return guard(
      this.location,
      `add ${doc.origin}`,
      async () => {
        const { id, sha256, reading } = checkNewDocument(doc);
        // Seen already: skip compressing it. A concurrent add of the same bytes is caught by the write.
        const [existing] = await this.runner.all<{ id: string }>(
          'SELECT id FROM documents WHERE sha256 = ?',
          [sha256],
        );
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

  search(query: string, options?: ListOptions) {
    return guard(this.location, `search for '${query}'`, () => this.searchDocuments(query, options));
  }

  getDocument(id: string) {
    return guard(this.location, `read document ${id}`, () => getDocument(this.runner, id));
  }

  getRaw(id: string) {
    return guard(this.location, `read the raw page of ${id}`, () => getRaw(this.runner, id));
  }

  listDocuments(options?: ListOptions) {
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
}
