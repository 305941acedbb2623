import { Reading, SitrepError } from '../../model/index.ts';
import type { NewDocument } from '../types.ts';
import { documentIdFromSha256, sha256Hex } from './document-id.ts';
import { cleanReading } from './records.ts';

export interface CheckedDocument {
  id: string;
  sha256: string;
  reading: Reading;
}

/** Checks a document against the reading contract before anything is written. */
export function checkNewDocument(doc: NewDocument): CheckedDocument {
  if (!Buffer.isBuffer(doc.raw)) {
    throw new SitrepError('invalid_input', `${doc.origin}: raw must be a Buffer of the bytes received`, {
      input: doc.origin,
    });
  }
  const parsed = Reading.safeParse(doc.reading);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.join('.') || 'reading';
    throw new SitrepError(
      'invalid_input',
      `${doc.origin}: the reading does not match the contract at ${where}: ${issue.message}`,
      { input: doc.origin },
    );
  }
  const sha256 = sha256Hex(doc.raw);
  return { id: documentIdFromSha256(sha256), sha256, reading: cleanReading(parsed.data) };
}
