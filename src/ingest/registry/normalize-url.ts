// The form of an article address used to spot duplicates: lower-case scheme and host, no default
// port, no fragment, no tracking parameters (data/ingest/tracking-params.json), sorted query, no
// trailing slash, no "index.html". Only for comparison: the stored link stays as the feed gave it.
import { readFileSync } from 'node:fs';

const tracking = JSON.parse(
  readFileSync(new URL('../../../data/ingest/tracking-params.json', import.meta.url), 'utf8'),
) as { prefixes: string[]; names: string[] };
const trackingNames = new Set(tracking.names.map((n) => n.toLowerCase()));

function isTracking(name: string): boolean {
  const lower = name.toLowerCase();
  return trackingNames.has(lower) || tracking.prefixes.some((p) => lower.startsWith(p));
}

export function normalizeUrl(href: string): string | null {
  let url: URL;
  try {
    url = new URL(href.trim());
  } catch {
    return null;
  }
  if (!/^https?:$/.test(url.protocol)) return null;
  url.hash = '';
  const kept = [...url.searchParams.entries()].filter(([name]) => !isTracking(name));
  kept.sort(([a, av], [b, bv]) => (a === b ? av.localeCompare(bv) : a.localeCompare(b)));
  url.search = kept.length ? new URLSearchParams(kept).toString() : '';
  let path = url.pathname.replace(/\/(index|default)\.(html?|php|aspx?)$/i, '/');
  if (path.length > 1) path = path.replace(/\/+$/, '');
  url.pathname = path;
  const host = url.host.replace(/^www\./, '');
  // http and https copies of one article are the same article.
  return `${host}${url.pathname === '/' ? '' : url.pathname}${url.search}`;
}
