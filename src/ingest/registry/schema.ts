// The feed tables, in the shared sitrep.db. Own prefix (feed_*) so they live beside the document
// store without depending on it.
export const FEED_SCHEMA = `
CREATE TABLE IF NOT EXISTS feed_sources (
  id INTEGER PRIMARY KEY,
  url TEXT NOT NULL UNIQUE,
  title TEXT,
  site_url TEXT,
  etag TEXT,
  last_modified TEXT,
  content_hash TEXT,
  ttl_minutes INTEGER,
  interval_minutes INTEGER,
  next_poll_at INTEGER NOT NULL,
  polls_since_unconditional INTEGER NOT NULL DEFAULT 0,
  error_count INTEGER NOT NULL DEFAULT 0,
  last_polled_at INTEGER,
  last_success_at INTEGER,
  last_error_at INTEGER,
  last_error_category TEXT,
  last_error_message TEXT,
  items_seen INTEGER NOT NULL DEFAULT 0,
  added_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS feed_sources_next_poll ON feed_sources (next_poll_at);
CREATE TABLE IF NOT EXISTS feed_seen_items (
  id INTEGER PRIMARY KEY,
  feed_id INTEGER NOT NULL,
  guid TEXT,
  link TEXT,
  normalized_url TEXT,
  title TEXT,
  seen_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS feed_seen_items_guid ON feed_seen_items (feed_id, guid);
CREATE INDEX IF NOT EXISTS feed_seen_items_link ON feed_seen_items (link);
CREATE INDEX IF NOT EXISTS feed_seen_items_normalized ON feed_seen_items (normalized_url);
`;
