-- Accounts (users, login sessions, API tokens) and the discussion on articles.
-- Secrets are never stored: passwords as scrypt hashes, session ids and tokens as SHA-256 hashes.

CREATE TABLE users (
  name TEXT PRIMARY KEY,
  role TEXT NOT NULL CHECK (role IN ('admin', 'analyst', 'reader')),
  password_hash TEXT NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE sessions (
  id_hash TEXT PRIMARY KEY,
  user_name TEXT NOT NULL REFERENCES users (name) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_name);

CREATE TABLE api_tokens (
  token_hash TEXT PRIMARY KEY,
  user_name TEXT NOT NULL REFERENCES users (name) ON DELETE CASCADE,
  label TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX api_tokens_user ON api_tokens (user_name);

CREATE TABLE comments (
  seq INTEGER PRIMARY KEY,                   -- insertion order
  id TEXT NOT NULL UNIQUE,
  document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  parent_id TEXT REFERENCES comments (id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  email TEXT NOT NULL,                   -- lower case; never returned by the API
  body TEXT NOT NULL,                    -- plain text, shown as text
  status TEXT NOT NULL CHECK (status IN ('approved', 'pending', 'spam')),
  created_at TEXT NOT NULL
);
CREATE INDEX comments_document ON comments (document_id, status, created_at);
CREATE INDEX comments_status ON comments (status, created_at);
CREATE INDEX comments_email ON comments (email, status);
