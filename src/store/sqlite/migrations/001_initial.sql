-- Documents, their readings, and full-text search over title and text.
-- The reading is kept whole (as JSON, without article.text, which has its own column); entities,
-- mentions, quotes and events are flattened beside it so they can be filtered in SQL.

CREATE TABLE documents (
  seq INTEGER PRIMARY KEY,               -- rowid, for the external-content FTS5 index
  id TEXT NOT NULL UNIQUE,               -- first 16 hex digits of sha256
  sha256 TEXT NOT NULL UNIQUE,
  origin TEXT NOT NULL,
  content_type TEXT,
  raw BLOB NOT NULL,                     -- compressed as raw_encoding says
  raw_encoding TEXT NOT NULL,
  raw_size INTEGER NOT NULL,             -- bytes before compression
  title TEXT,
  byline TEXT,
  site TEXT,
  url TEXT,
  published TEXT,
  language TEXT,
  text TEXT NOT NULL,
  reading TEXT NOT NULL CHECK (json_valid(reading)),
  sort_at TEXT NOT NULL,                 -- published, else added_at
  added_at TEXT NOT NULL
);
CREATE INDEX documents_newest ON documents (sort_at DESC, added_at DESC, id);
CREATE INDEX documents_url ON documents (url);

CREATE TABLE entities (
  document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  entity_id TEXT NOT NULL,
  type TEXT NOT NULL,
  name TEXT NOT NULL,
  name_key TEXT NOT NULL,                -- lower case, no accents, padded with spaces
  country TEXT,
  role TEXT,
  sector TEXT,
  data TEXT NOT NULL,
  PRIMARY KEY (document_id, entity_id)
);
CREATE INDEX entities_name_key ON entities (name_key);

CREATE TABLE mentions (
  document_id TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  ordinal INTEGER NOT NULL,
  start_offset INTEGER NOT NULL CHECK (start_offset >= 0),
  end_offset INTEGER NOT NULL CHECK (end_offset >= start_offset),
  text TEXT NOT NULL,
  text_key TEXT NOT NULL,
  form TEXT NOT NULL,
  PRIMARY KEY (document_id, entity_id, ordinal),
  FOREIGN KEY (document_id, entity_id) REFERENCES entities (document_id, entity_id) ON DELETE CASCADE
);

CREATE TABLE quotes (
  document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  text TEXT NOT NULL,
  text_key TEXT NOT NULL,
  kind TEXT NOT NULL,
  speaker_name TEXT,
  speaker_key TEXT,
  speaker_entity_id TEXT,
  start_offset INTEGER NOT NULL CHECK (start_offset >= 0),
  end_offset INTEGER NOT NULL CHECK (end_offset >= start_offset),
  cue TEXT,
  data TEXT NOT NULL,
  PRIMARY KEY (document_id, ordinal)
);
CREATE INDEX quotes_speaker_key ON quotes (speaker_key);
CREATE INDEX quotes_speaker_entity ON quotes (speaker_entity_id);

CREATE TABLE events (
  document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  plover TEXT NOT NULL,
  mode TEXT,
  cameo TEXT,
  quad_class INTEGER,
  goldstein REAL,
  source_name TEXT NOT NULL,
  source_key TEXT NOT NULL,
  source_country TEXT,
  source_code TEXT,
  source_entity_id TEXT,
  target_name TEXT,
  target_key TEXT,
  target_country TEXT,
  target_code TEXT,
  target_entity_id TEXT,
  date TEXT,
  effective_date TEXT,                   -- date, else the article's published date
  location TEXT,
  modality TEXT NOT NULL,
  evidence_start INTEGER NOT NULL CHECK (evidence_start >= 0),
  evidence_end INTEGER NOT NULL CHECK (evidence_end >= evidence_start),
  evidence_text TEXT NOT NULL,
  confidence REAL NOT NULL CHECK (confidence BETWEEN 0 AND 1),
  data TEXT NOT NULL,
  PRIMARY KEY (document_id, ordinal)
);
CREATE INDEX events_effective_date ON events (effective_date);
CREATE INDEX events_plover ON events (plover);
CREATE INDEX events_cameo ON events (cameo);
CREATE INDEX events_source_country ON events (source_country);
CREATE INDEX events_target_country ON events (target_country);

-- External-content index over a view: the text lives once, in documents; triggers keep the index
-- in step. The text is indexed as two columns, its first 20,000 characters (head) and the rest
-- (body), because snippet() costs grow with the square of the matches in the column it cuts from:
-- highlights come from the title or the head, which keeps search fast on very long pages.
CREATE VIEW documents_search_source AS
  SELECT seq, title, substr(text, 1, 20000) AS head, substr(text, 20001) AS body FROM documents;

CREATE VIRTUAL TABLE documents_fts USING fts5 (
  title, head, body,
  content = 'documents_search_source', content_rowid = 'seq',
  tokenize = 'porter unicode61 remove_diacritics 2'
);

CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
  INSERT INTO documents_fts (rowid, title, head, body)
  VALUES (new.seq, new.title, substr(new.text, 1, 20000), substr(new.text, 20001));
END;

CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
  INSERT INTO documents_fts (documents_fts, rowid, title, head, body)
  VALUES ('delete', old.seq, old.title, substr(old.text, 1, 20000), substr(old.text, 20001));
END;

CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, text ON documents BEGIN
  INSERT INTO documents_fts (documents_fts, rowid, title, head, body)
  VALUES ('delete', old.seq, old.title, substr(old.text, 1, 20000), substr(old.text, 20001));
  INSERT INTO documents_fts (rowid, title, head, body)
  VALUES (new.seq, new.title, substr(new.text, 1, 20000), substr(new.text, 20001));
END;
