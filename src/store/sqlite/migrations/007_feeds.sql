-- The feed registry in the store, so that every worker of one database shares it: followed feeds,
-- their schedule and health, and the items already seen. Earlier sitreps kept the same tables in
-- this file (created by the registry itself): IF NOT EXISTS keeps them and their rows as they are.

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
  next_poll_at INTEGER NOT NULL,          -- epoch milliseconds
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

-- Registries imported from elsewhere (a local file, when the store is PostgreSQL), once each.
CREATE TABLE IF NOT EXISTS feed_imports (
  source TEXT PRIMARY KEY,
  feeds INTEGER NOT NULL,
  imported_at INTEGER NOT NULL
);

-- Workers skip a page whose address is stored already; `sitrep status` counts recent additions.
CREATE INDEX IF NOT EXISTS documents_origin ON documents (origin);
CREATE INDEX IF NOT EXISTS documents_added ON documents (added_at);
