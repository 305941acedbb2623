-- Tracing: each stored document's place in its copy family (parent, origin, relation), its story,
-- and the index of sampled text shingles that finds earlier documents sharing text with a new one.

CREATE TABLE trace_documents (
  document_id TEXT PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,                  -- arrival order
  parent_id TEXT,                        -- the document it was taken from, null for an origin
  origin_id TEXT NOT NULL,               -- root of the chain (itself for an origin)
  relation TEXT CHECK (relation IN ('identical', 'excerpt', 'rewrite', 'update')),
  story_id TEXT NOT NULL,
  shared REAL NOT NULL DEFAULT 0         -- share of its text found in the parent
);
CREATE INDEX trace_documents_parent ON trace_documents (parent_id);
CREATE INDEX trace_documents_origin ON trace_documents (origin_id);
CREATE INDEX trace_documents_story ON trace_documents (story_id);

CREATE TABLE trace_shingles (
  hash INTEGER NOT NULL,
  document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  PRIMARY KEY (hash, document_id)
) WITHOUT ROWID;
CREATE INDEX trace_shingles_document ON trace_shingles (document_id);
