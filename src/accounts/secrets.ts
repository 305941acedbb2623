// Session ids and API tokens: random, shown once, stored only as their SHA-256.
import { createHash, randomBytes } from 'node:crypto';

export const SESSION_COOKIE = 'sitrep_session';
export const SESSION_DAYS = 14;
const TOKEN_PREFIX = 'sitrep_';

export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function newToken(): string {
  return `${TOKEN_PREFIX}${newSecret()}`;
}

export function secretHash(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** The id a token is listed and revoked by: the start of its hash, so it reveals nothing of it. */
export function tokenId(token: string): string {
  return secretHash(token).slice(0, 16);
}
