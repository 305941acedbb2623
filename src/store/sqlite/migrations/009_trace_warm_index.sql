-- Tracing keeps its shingle index in memory, per process, loaded from the stored fingerprints (the
-- newest documents by arrival order) and brought up to date from them before each trace: the table
-- of (shingle, document) rows, written ~90 rows per document at random places of a large index and
-- read per document, is no longer written or read.

DROP TABLE trace_shingles;

-- Story names are read by arrival order when the index loads or catches up.
CREATE INDEX trace_names_seq ON trace_names (seq);
