// Fetches one page for `sitrep extract|analyze|add <url>` through the same fetcher as feeds: a
// User-Agent naming sitrep, a timeout, a size cap, redirects checked hop by hop, and a connection
// pool that refuses private addresses. robots.txt is not consulted: a person asked for this page.
import type { RawInput } from '../extract/index.ts';

export { USER_AGENT, isPrivateAddress } from './fetch/private-address.ts';

export interface FetchOptions {
  /** Allow loopback, private and link-local addresses (tests use 127.0.0.1). */
  allowPrivate?: boolean;
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
}

export async function fetchPage(spec: string, options: FetchOptions = {}): Promise<RawInput> {
  // Imported on use: the HTTP client costs start-up time that reading local files does not need.
  const { Fetcher, PAGE_ACCEPT } = await import('./fetch/fetcher.ts');
  const fetcher = new Fetcher({
    allowPrivate: options.allowPrivate,
    timeoutMs: options.timeoutMs ?? 20_000,
    maxBytes: options.maxBytes ?? 20 * 1024 * 1024,
    maxRedirects: options.maxRedirects ?? 5,
    respectRobots: false,
    perHostDelayMs: 0,
  });
  try {
    const page = await fetcher.fetch(spec, PAGE_ACCEPT);
    return { bytes: page.bytes, contentType: page.contentType, url: page.url, name: spec };
  } finally {
    await fetcher.close();
  }
}
