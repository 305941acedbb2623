// Document ids are derived from the raw bytes: the first 16 hex digits (64 bits) of their SHA-256.
// The same page always gets the same id on every machine and in both stores, and it is short
// enough to type after `sitrep show`. The full digest is kept beside it.
import { createHash } from 'node:crypto';

export const DOCUMENT_ID_LENGTH = 16;

export function sha256Hex(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function documentIdFromSha256(sha256: string): string {
  return sha256.slice(0, DOCUMENT_ID_LENGTH);
}

/** A full SHA-256 in hex, which getDocument accepts in place of the id. */
export function isSha256Hex(value: string): boolean {
  return /^[0-9a-f]{64}$/.test(value);
}
