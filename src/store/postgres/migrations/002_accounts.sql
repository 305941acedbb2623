-- Accounts (PostgreSQL) (users, login sessions, API tokens) and the discussion on articles.
-- Secrets are never stored: passwords as scrypt hashes, session ids and tokens as SHA-256 hashes.

CREATE TABLE users (
  name text PRIMARY KEY,
  role text NOT NULL CHECK (role IN ('admin', 'analyst', 'reader')),
  password_hash text NOT NULL,
  created_at text COLLATE "C" NOT NULL
);

CREATE TABLE sessions (
  id_hash text PRIMARY KEY,
  user_name text NOT NULL REFERENCES users (name) ON DELETE CASCADE,
  created_at text COLLATE "C" NOT NULL,
  expires_at text COLLATE "C" NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_name);

CREATE TABLE api_tokens (
  token_hash text PRIMARY KEY,
  user_name text NOT NULL REFERENCES users (name) ON DELETE CASCADE,
  label text NOT NULL,
  created_at text COLLATE "C" NOT NULL
);
CREATE INDEX api_tokens_user ON api_tokens (user_name);

CREATE TABLE comments (
  seq bigserial PRIMARY KEY,                 -- insertion order
  id text NOT NULL UNIQUE,
  document_id text NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  parent_id text REFERENCES comments (id) ON DELETE CASCADE,
  name text NOT NULL,
  email text NOT NULL,                   -- lower case; never returned by the API
  body text NOT NULL,                    -- plain text, shown as text
  status text NOT NULL CHECK (status IN ('approved', 'pending', 'spam')),
  created_at text COLLATE "C" NOT NULL
);
CREATE INDEX comments_document ON comments (document_id, status, created_at);
CREATE INDEX comments_status ON comments (status, created_at);
CREATE INDEX comments_email ON comments (email, status);
