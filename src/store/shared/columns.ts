// Columns each table is written with, and their PostgreSQL types (json_to_recordset needs them).
// SQLite uses the names only.
export const ENTITY_COLUMNS = {
  document_id: 'text',
  entity_id: 'text',
  type: 'text',
  name: 'text',
  name_key: 'text',
  country: 'text',
  role: 'text',
  sector: 'text',
  data: 'json',
} as const;

export const MENTION_COLUMNS = {
  document_id: 'text',
  entity_id: 'text',
  ordinal: 'integer',
  start_offset: 'integer',
  end_offset: 'integer',
  text: 'text',
  text_key: 'text',
  form: 'text',
} as const;

export const QUOTE_COLUMNS = {
  document_id: 'text',
  ordinal: 'integer',
  text: 'text',
  text_key: 'text',
  kind: 'text',
  speaker_name: 'text',
  speaker_key: 'text',
  speaker_entity_id: 'text',
  start_offset: 'integer',
  end_offset: 'integer',
  cue: 'text',
  data: 'json',
} as const;

export const EVENT_COLUMNS = {
  document_id: 'text',
  ordinal: 'integer',
  plover: 'text',
  mode: 'text',
  cameo: 'text',
  quad_class: 'integer',
  goldstein: 'double precision',
  source_name: 'text',
  source_key: 'text',
  source_country: 'text',
  source_code: 'text',
  source_entity_id: 'text',
  target_name: 'text',
  target_key: 'text',
  target_country: 'text',
  target_code: 'text',
  target_entity_id: 'text',
  date: 'text',
  effective_date: 'text',
  location: 'text',
  modality: 'text',
  evidence_start: 'integer',
  evidence_end: 'integer',
  evidence_text: 'text',
  confidence: 'double precision',
  data: 'json',
  source_node: 'text',
  target_node: 'text',
} as const;

/** Migration 005_actor_keys: the keys each event side is found under. */
export const EVENT_ACTOR_COLUMNS = {
  actor_key: 'text',
  side: 'text',
  document_id: 'text',
  ordinal: 'integer',
  kinds: 'integer',
  effective_date: 'text',
} as const;

export const DOCUMENT_COLUMNS = [
  'id',
  'sha256',
  'origin',
  'content_type',
  'raw',
  'raw_encoding',
  'raw_size',
  'title',
  'byline',
  'site',
  'url',
  'published',
  'language',
  'text',
  'reading',
  'sort_at',
  'added_at',
] as const;
