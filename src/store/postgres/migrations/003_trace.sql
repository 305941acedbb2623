-- Tracing: each stored document's place in its copy family (parent, origin, relation), its story,
-- and the index of sampled text shingles that finds earlier documents sharing text with a new one.

CREATE TABLE trace_documents (
  document_id text PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
  seq bigint NOT NULL,                   -- arrival order
  parent_id text,                        -- the document it was taken from, null for an origin
  origin_id text NOT NULL,               -- root of the chain (itself for an origin)
  relation text CHECK (relation IN ('identical', 'excerpt', 'rewrite', 'update')),
  story_id text NOT NULL,
  shared double precision NOT NULL DEFAULT 0  -- share of its text found in the parent
);
CREATE INDEX trace_documents_parent ON trace_documents (parent_id);
CREATE INDEX trace_documents_origin ON trace_documents (origin_id);
CREATE INDEX trace_documents_story ON trace_documents (story_id);

CREATE TABLE trace_shingles (
  hash bigint NOT NULL,
  document_id text NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  PRIMARY KEY (hash, document_id)
);
CREATE INDEX trace_shingles_document ON trace_shingles (document_id);
