// Users, login sessions and API tokens. Only hashes of secrets reach the database.
import { SitrepError } from '../../../model/index.ts';
import type { ApiToken, NewUser, Role, User, UserRecord } from '../../types.ts';
import { countRows, type SqlRunner } from '../sql-runner.ts';
import { isoTime } from './decode.ts';

interface UserRow {
  name: string;
  role: Role;
  password_hash: string;
  created_at: string | Date;
}

const toUser = (row: UserRow): User => ({
  name: row.name,
  role: row.role,
  createdAt: isoTime(row.created_at),
});

export async function addUser(runner: SqlRunner, user: NewUser): Promise<void> {
  const [taken] = await runner.all('SELECT 1 FROM users WHERE name = ?', [user.name]);
  if (taken) throw new SitrepError('invalid_input', `a user named '${user.name}' exists already`);
  await runner.run('INSERT INTO users (name, role, password_hash, created_at) VALUES (?, ?, ?, ?)', [
    user.name,
    user.role,
    user.passwordHash,
    new Date().toISOString(),
  ]);
}

export async function getUser(runner: SqlRunner, name: string): Promise<UserRecord | null> {
  const [row] = await runner.all<UserRow>('SELECT * FROM users WHERE name = ?', [name]);
  return row ? { ...toUser(row), passwordHash: row.password_hash } : null;
}

export async function listUsers(runner: SqlRunner): Promise<User[]> {
  return (await runner.all<UserRow>('SELECT * FROM users ORDER BY name')).map(toUser);
}

export function countUsers(runner: SqlRunner): Promise<number> {
  return countRows(runner, 'SELECT count(*) AS total FROM users', []);
}

export async function removeUser(runner: SqlRunner, name: string): Promise<boolean> {
  // Sessions and tokens go with the user (ON DELETE CASCADE).
  return (await runner.run('DELETE FROM users WHERE name = ?', [name])) > 0;
}

export async function setPasswordHash(runner: SqlRunner, name: string, hash: string): Promise<boolean> {
  const changed = await runner.run('UPDATE users SET password_hash = ? WHERE name = ?', [hash, name]);
  // A new password ends every open session: whoever knew the old one is logged out.
  if (changed) await runner.run('DELETE FROM sessions WHERE user_name = ?', [name]);
  return changed > 0;
}

export async function addSession(
  runner: SqlRunner,
  session: { idHash: string; userName: string; expiresAt: string },
): Promise<void> {
  const now = new Date().toISOString();
  await runner.run('DELETE FROM sessions WHERE expires_at < ?', [now]);
  await runner.run('INSERT INTO sessions (id_hash, user_name, created_at, expires_at) VALUES (?, ?, ?, ?)', [
    session.idHash,
    session.userName,
    now,
    session.expiresAt,
  ]);
}

export async function sessionUser(runner: SqlRunner, idHash: string, now: string): Promise<User | null> {
  const [row] = await runner.all<UserRow>(
    `SELECT u.* FROM sessions s JOIN users u ON u.name = s.user_name
      WHERE s.id_hash = ? AND s.expires_at > ?`,
    [idHash, now],
  );
  return row ? toUser(row) : null;
}

export async function deleteSession(runner: SqlRunner, idHash: string): Promise<void> {
  await runner.run('DELETE FROM sessions WHERE id_hash = ?', [idHash]);
}

export async function addToken(
  runner: SqlRunner,
  token: { tokenHash: string; userName: string; label: string },
): Promise<void> {
  await runner.run('INSERT INTO api_tokens (token_hash, user_name, label, created_at) VALUES (?, ?, ?, ?)', [
    token.tokenHash,
    token.userName,
    token.label,
    new Date().toISOString(),
  ]);
}

export async function tokenUser(runner: SqlRunner, tokenHash: string): Promise<User | null> {
  const [row] = await runner.all<UserRow>(
    'SELECT u.* FROM api_tokens t JOIN users u ON u.name = t.user_name WHERE t.token_hash = ?',
    [tokenHash],
  );
  return row ? toUser(row) : null;
}

/** A token's public id: the first 16 hex digits of its hash (the token itself is never stored). */
export const TOKEN_ID_LENGTH = 16;

export async function listTokens(runner: SqlRunner, userName: string): Promise<ApiToken[]> {
  const rows = await runner.all<{ token_hash: string; label: string; created_at: string | Date }>(
    'SELECT token_hash, label, created_at FROM api_tokens WHERE user_name = ? ORDER BY created_at, token_hash',
    [userName],
  );
  return rows.map((row) => ({
    id: row.token_hash.slice(0, TOKEN_ID_LENGTH),
    label: row.label,
    createdAt: isoTime(row.created_at),
  }));
}

export async function revokeToken(runner: SqlRunner, userName: string, id: string): Promise<boolean> {
  if (!/^[0-9a-f]{16}$/.test(id)) return false;
  const rows = await runner.all<{ token_hash: string }>(
    'SELECT token_hash FROM api_tokens WHERE user_name = ?',
    [userName],
  );
  const match = rows.filter((row) => row.token_hash.startsWith(id));
  // Two tokens sharing 64 bits of hash would be a one-in-2^64 chance; refuse rather than guess.
  if (match.length !== 1) return false;
  return (await runner.run('DELETE FROM api_tokens WHERE token_hash = ?', [match[0]!.token_hash])) > 0;
}
