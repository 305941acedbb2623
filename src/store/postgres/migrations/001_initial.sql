-- Documents, their readings, and full-text search over title and text (PostgreSQL 12+).
-- Same tables as the SQLite store. Date-like text columns use the "C" collation so that ISO 8601
-- strings compare character by character whatever the database's locale.

CREATE TABLE documents (
  id text PRIMARY KEY,                   -- first 16 hex digits of sha256
  sha256 text NOT NULL UNIQUE,
  origin text NOT NULL,
  content_type text,
  raw bytea NOT NULL,                    -- compressed as raw_encoding says
  raw_encoding text NOT NULL,
  raw_size integer NOT NULL,             -- bytes before compression
  title text,
  byline text,
  site text,
  url text,
  published text COLLATE "C",
  language text,
  text text NOT NULL,
  reading json NOT NULL,                 -- json, not jsonb: keeps the keys in their order
  sort_at text COLLATE "C" NOT NULL,     -- published, else added_at
  added_at timestamptz NOT NULL,
  -- Title weighted A, text B; the text is cut at 500,000 characters because a tsvector is
  -- limited to 1 MB.
  search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', coalesce(title, '')), 'A') ||
    setweight(to_tsvector('english', left(text, 500000)), 'B')
  ) STORED
);
CREATE INDEX documents_newest ON documents (sort_at DESC, added_at DESC, id);
CREATE INDEX documents_url ON documents (url);
CREATE INDEX documents_search ON documents USING gin (search);

CREATE TABLE entities (
  document_id text NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  entity_id text NOT NULL,
  type text NOT NULL,
  name text NOT NULL,
  name_key text NOT NULL,                -- lower case, no accents, padded with spaces
  country text,
  role text,
  sector text,
  data json NOT NULL,
  PRIMARY KEY (document_id, entity_id)
);
CREATE INDEX entities_name_key ON entities (name_key);

CREATE TABLE mentions (
  document_id text NOT NULL,
  entity_id text NOT NULL,
  ordinal integer NOT NULL,
  start_offset integer NOT NULL CHECK (start_offset >= 0),
  end_offset integer NOT NULL CHECK (end_offset >= start_offset),
  text text NOT NULL,
  text_key text NOT NULL,
  form text NOT NULL,
  PRIMARY KEY (document_id, entity_id, ordinal),
  FOREIGN KEY (document_id, entity_id) REFERENCES entities (document_id, entity_id) ON DELETE CASCADE
);

CREATE TABLE quotes (
  document_id text NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  ordinal integer NOT NULL,
  text text NOT NULL,
  text_key text NOT NULL,
  kind text NOT NULL,
  speaker_name text,
  speaker_key text,
  speaker_entity_id text,
  start_offset integer NOT NULL CHECK (start_offset >= 0),
  end_offset integer NOT NULL CHECK (end_offset >= start_offset),
  cue text,
  data json NOT NULL,
  PRIMARY KEY (document_id, ordinal)
);
CREATE INDEX quotes_speaker_key ON quotes (speaker_key);
CREATE INDEX quotes_speaker_entity ON quotes (speaker_entity_id);

CREATE TABLE events (
  document_id text NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  ordinal integer NOT NULL,
  plover text NOT NULL,
  mode text,
  cameo text COLLATE "C",
  quad_class integer,
  goldstein double precision,
  source_name text NOT NULL,
  source_key text NOT NULL,
  source_country text,
  source_code text,
  source_entity_id text,
  target_name text,
  target_key text,
  target_country text,
  target_code text,
  target_entity_id text,
  date text COLLATE "C",
  effective_date text COLLATE "C",       -- date, else the article's published date
  location text,
  modality text NOT NULL,
  evidence_start integer NOT NULL CHECK (evidence_start >= 0),
  evidence_end integer NOT NULL CHECK (evidence_end >= evidence_start),
  evidence_text text NOT NULL,
  confidence double precision NOT NULL CHECK (confidence BETWEEN 0 AND 1),
  data json NOT NULL,
  PRIMARY KEY (document_id, ordinal)
);
CREATE INDEX events_effective_date ON events (effective_date);
CREATE INDEX events_plover ON events (plover);
CREATE INDEX events_cameo ON events (cameo);
CREATE INDEX events_source_country ON events (source_country);
CREATE INDEX events_target_country ON events (target_country);
