import { decompressRaw } from '../raw-codec.ts';
import type { SqlRunner } from '../sql-runner.ts';

interface RawRow {
  raw: Buffer;
  raw_encoding: string;
  content_type: string | null;
  sha256: string;
}

export async function getRaw(
  runner: SqlRunner,
  id: string,
): Promise<{ raw: Buffer; contentType: string | null; sha256: string } | null> {
  const rows = await runner.all<RawRow>(
    'SELECT raw, raw_encoding, content_type, sha256 FROM documents WHERE id = ?',
    [id],
  );
  const row = rows[0];
  if (!row) return null;
  return { raw: decompressRaw(row.raw, row.raw_encoding), contentType: row.content_type, sha256: row.sha256 };
}
