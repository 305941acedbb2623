// A reading flattened into the rows both stores write. Keys are the column names, so SQLite binds
// them as named parameters and PostgreSQL reads them with json_to_recordset.
import type { Entity, Event, EventActor, Quote, Reading } from '../../model/index.ts';
import { eventActorRows, nodeOf, type EventActorRow } from './actor-keys.ts';
import { nameKey } from './name-key.ts';

export interface DocumentRow {
  id: string;
  sha256: string;
  origin: string;
  content_type: string | null;
  raw: Buffer;
  raw_encoding: string;
  raw_size: number;
  title: string | null;
  byline: string | null;
  site: string | null;
  url: string | null;
  published: string | null;
  language: string | null;
  text: string;
  /** The reading without article.text, which has its own column. */
  reading: string;
  /** What "newest first" sorts by: the publication date, else the time it was added. */
  sort_at: string;
  added_at: string;
}

export interface EntityRow {
  document_id: string;
  entity_id: string;
  type: string;
  name: string;
  name_key: string;
  country: string | null;
  role: string | null;
  sector: string | null;
  data: string;
}

export interface MentionRow {
  document_id: string;
  entity_id: string;
  ordinal: number;
  start_offset: number;
  end_offset: number;
  text: string;
  text_key: string;
  form: string;
}

export interface QuoteRow {
  document_id: string;
  ordinal: number;
  text: string;
  text_key: string;
  kind: string;
  speaker_name: string | null;
  speaker_key: string | null;
  speaker_entity_id: string | null;
  start_offset: number;
  end_offset: number;
  cue: string | null;
  data: string;
}

export interface EventRow {
  document_id: string;
  ordinal: number;
  plover: string;
  mode: string | null;
  cameo: string | null;
  quad_class: number | null;
  goldstein: number | null;
  source_name: string;
  source_key: string;
  source_country: string | null;
  source_code: string | null;
  source_entity_id: string | null;
  target_name: string | null;
  target_key: string | null;
  target_country: string | null;
  target_code: string | null;
  target_entity_id: string | null;
  date: string | null;
  /** The event's date, else the article's publication date: what since/until filter on. */
  effective_date: string | null;
  location: string | null;
  modality: string;
  evidence_start: number;
  evidence_end: number;
  evidence_text: string;
  confidence: number;
  data: string;
  /** The graph node each side is drawn as (actor-keys.ts). */
  source_node: string;
  target_node: string | null;
}

export interface DocumentRecord {
  document: DocumentRow;
  entities: EntityRow[];
  mentions: MentionRow[];
  quotes: QuoteRow[];
  events: EventRow[];
  /** The keys each event side is found under (actor-keys.ts). */
  event_actors: EventActorRow[];
}

export interface RawColumns {
  id: string;
  sha256: string;
  origin: string;
  contentType: string | null;
  raw: Buffer;
  rawEncoding: string;
  rawSize: number;
  addedAt: string;
}

/**
 * PostgreSQL text cannot hold U+0000 and its JSON types reject lone surrogates; both are replaced
 * by U+FFFD (one UTF-16 unit for one) in both stores, so offsets still line up.
 */
export function cleanString(value: string): string {
  return value.replace(
    // eslint-disable-next-line no-control-regex
    /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    '\uFFFD',
  );
}

export function cleanReading(reading: Reading): Reading {
  return JSON.parse(JSON.stringify(reading), (_key, value: unknown) =>
    typeof value === 'string' ? cleanString(value) : value,
  ) as Reading;
}

/**
 * Publication times with a zone are compared in UTC (2024-03-05T23:30-03:00 is after
 * 2024-03-06T01:00Z); dates and local times without a zone are kept as given.
 */
export function sortKey(published: string | null): string | null {
  if (!published) return null;
  if (!/T\d{2}:\d{2}.*(Z|[+-]\d{2}:?\d{2})$/i.test(published)) return published;
  const time = Date.parse(published);
  return Number.isNaN(time) ? published : new Date(time).toISOString();
}

export function toDocumentRecord(columns: RawColumns, reading: Reading): DocumentRecord {
  const { article } = reading;
  const documentId = columns.id;
  const withoutText = { ...reading, article: { ...article, text: undefined } };
  const events = reading.events.map((event, ordinal) =>
    eventRow(documentId, ordinal, event, article.published),
  );
  return {
    document: {
      id: documentId,
      sha256: columns.sha256,
      origin: cleanString(columns.origin),
      content_type: columns.contentType,
      raw: columns.raw,
      raw_encoding: columns.rawEncoding,
      raw_size: columns.rawSize,
      title: article.title,
      byline: article.byline,
      site: article.site,
      url: article.url,
      published: article.published,
      language: article.language,
      text: article.text,
      reading: JSON.stringify(withoutText),
      sort_at: sortKey(article.published) ?? columns.addedAt,
      added_at: columns.addedAt,
    },
    entities: reading.entities.map((entity) => entityRow(documentId, entity)),
    mentions: reading.entities.flatMap((entity) => mentionRows(documentId, entity)),
    quotes: reading.quotes.map((quote, ordinal) => quoteRow(documentId, ordinal, quote)),
    events,
    // Each key carries its event's date as the events row has it.
    event_actors: reading.events.flatMap((event, ordinal) =>
      eventActorRows(documentId, ordinal, event.source, event.target, events[ordinal]!.effective_date),
    ),
  };
}

function entityRow(documentId: string, entity: Entity): EntityRow {
  return {
    document_id: documentId,
    entity_id: entity.id,
    type: entity.type,
    name: entity.name,
    name_key: nameKey(entity.name)!,
    country: entity.country,
    role: entity.role,
    sector: entity.sector ?? null,
    data: JSON.stringify(entity),
  };
}

function mentionRows(documentId: string, entity: Entity): MentionRow[] {
  return entity.mentions.map((mention, ordinal) => ({
    document_id: documentId,
    entity_id: entity.id,
    ordinal,
    start_offset: mention.start,
    end_offset: mention.end,
    text: mention.text,
    text_key: nameKey(mention.text)!,
    form: mention.form,
  }));
}

function quoteRow(documentId: string, ordinal: number, quote: Quote): QuoteRow {
  return {
    document_id: documentId,
    ordinal,
    text: quote.text,
    text_key: nameKey(quote.text)!,
    kind: quote.kind,
    speaker_name: quote.speaker?.name ?? null,
    speaker_key: nameKey(quote.speaker?.name),
    speaker_entity_id: quote.speaker?.entityId ?? null,
    start_offset: quote.start,
    end_offset: quote.end,
    cue: quote.cue,
    data: JSON.stringify(quote),
  };
}

function actorColumns(prefix: 'source' | 'target', actor: EventActor | null) {
  return {
    [`${prefix}_name`]: actor?.name ?? null,
    [`${prefix}_key`]: nameKey(actor?.name),
    [`${prefix}_country`]: actor?.country ?? null,
    [`${prefix}_code`]: actor?.code ?? null,
    [`${prefix}_entity_id`]: actor?.entityId ?? null,
  };
}

function eventRow(documentId: string, ordinal: number, event: Event, published: string | null): EventRow {
  return {
    document_id: documentId,
    ordinal,
    // Empty for a public statement (CAMEO 01), which PLOVER does not type: its CAMEO code tells it.
    plover: event.plover ?? '',
    mode: event.mode,
    cameo: event.cameo,
    quad_class: event.quadClass,
    goldstein: event.goldstein,
    ...(actorColumns('source', event.source) as Pick<
      EventRow,
      'source_name' | 'source_key' | 'source_country' | 'source_code' | 'source_entity_id'
    >),
    ...(actorColumns('target', event.target) as Pick<
      EventRow,
      'target_name' | 'target_key' | 'target_country' | 'target_code' | 'target_entity_id'
    >),
    date: event.date,
    effective_date: event.date ?? published,
    location: event.location,
    modality: event.modality,
    evidence_start: event.evidence.start,
    evidence_end: event.evidence.end,
    evidence_text: event.evidence.text,
    confidence: event.confidence,
    data: JSON.stringify(event),
    source_node: nodeOf(event.source)!,
    target_node: nodeOf(event.target),
  };
}
