-- Tracing against the store without re-reading texts: each traced document keeps its fingerprint
-- (what src/trace compares: shingles, paragraphs, word hashes, site and credits) beside its record,
-- and arrival order is indexed so numbering the next document does not scan the table.
-- Stories across stored documents: the names in each origin's headline and lead.

ALTER TABLE trace_documents ADD COLUMN fingerprint bytea;
CREATE INDEX trace_documents_seq ON trace_documents (seq);

CREATE TABLE trace_names (
  name text NOT NULL,
  seq bigint NOT NULL,                   -- the origin's arrival order
  document_id text NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  names integer NOT NULL,                -- how many names its headline and lead hold
  published_ms double precision,         -- publication time, null when unknown
  PRIMARY KEY (name, seq)
);
CREATE INDEX trace_names_document ON trace_names (document_id);
