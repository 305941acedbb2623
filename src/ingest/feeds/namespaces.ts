// Canonical prefixes for feed namespaces (data/ingest/namespaces.json), so `<a:title xmlns:a=ATOM>`
// and `<title xmlns=ATOM>` read the same.
import { readFileSync } from 'node:fs';

const table = JSON.parse(
  readFileSync(new URL('../../../data/ingest/namespaces.json', import.meta.url), 'utf8'),
) as { namespaces: Record<string, string> };

const byUri = new Map<string, string>(Object.entries(table.namespaces));

/** The prefix sitrep uses for a namespace URI; undefined for a namespace it does not know. */
export function canonicalPrefix(uri: string): string | undefined {
  return byUri.get(uri) ?? byUri.get(uri.toLowerCase()) ?? byUri.get(uri.replace(/\/$/, ''));
}
