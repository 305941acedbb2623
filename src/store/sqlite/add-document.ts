import type Database from 'better-sqlite3';
import {
  DOCUMENT_COLUMNS,
  ENTITY_COLUMNS,
  EVENT_ACTOR_COLUMNS,
  EVENT_COLUMNS,
  MENTION_COLUMNS,
  QUOTE_COLUMNS,
} from '../shared/columns.ts';
import type { DocumentRecord } from '../shared/records.ts';

function insertSql(table: string, columns: readonly string[], suffix = ''): string {
  return `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})${suffix}`;
}

/**
 * Prepares the statements once and returns a function that writes a whole document in one
 * transaction: true when it was added, false when a document with the same SHA-256 was already
 * there (then nothing is written).
 */
export function prepareAddDocument(db: Database.Database): (record: DocumentRecord) => boolean {
  const document = db.prepare(insertSql('documents', DOCUMENT_COLUMNS, ' ON CONFLICT (sha256) DO NOTHING'));
  const entity = db.prepare(insertSql('entities', Object.keys(ENTITY_COLUMNS)));
  const mention = db.prepare(insertSql('mentions', Object.keys(MENTION_COLUMNS)));
  const quote = db.prepare(insertSql('quotes', Object.keys(QUOTE_COLUMNS)));
  const event = db.prepare(insertSql('events', Object.keys(EVENT_COLUMNS)));
  const eventActor = db.prepare(insertSql('event_actors', Object.keys(EVENT_ACTOR_COLUMNS)));
  const write = db.transaction((record: DocumentRecord): boolean => {
    if (document.run(record.document).changes === 0) return false;
    for (const row of record.entities) entity.run(row);
    for (const row of record.mentions) mention.run(row);
    for (const row of record.quotes) quote.run(row);
    for (const row of record.events) event.run(row);
    for (const row of record.event_actors) eventActor.run(row);
    return true;
  });
  // IMMEDIATE takes the write lock at the start, so two processes never deadlock upgrading.
  return (record) => write.immediate(record);
}
