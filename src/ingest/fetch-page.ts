// Fetches one page for `sitrep extract|analyze|add <url>`: a User-Agent naming sitrep, a timeout,
// a size cap, redirects followed by hand so that every hop is checked against private addresses.
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { SitrepError } from '../model/index.ts';
import type { RawInput } from '../extract/index.ts';

export const USER_AGENT = 'sitrep/0.1 (+https://github.com/sitrep; self-hosted news reader)';

export interface FetchOptions {
  /** Allow loopback, private and link-local addresses (tests use 127.0.0.1). */
  allowPrivate?: boolean;
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
}

const privateRanges = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['224.0.0.0', 4],
] as const) {
  privateRanges.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::1', 128],
  ['::', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  privateRanges.addSubnet(net, prefix, 'ipv6');
}

export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return privateRanges.check(mapped[1], 'ipv4');
  return privateRanges.check(address, family === 6 ? 'ipv6' : 'ipv4');
}

async function assertPublicHost(url: URL, name: string): Promise<void> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : (await lookup(host, { all: true })).map((a) => a.address);
  } catch (error) {
    throw new SitrepError('fetch_failed', `${name}: cannot resolve host ${host} (DNS)`, {
      input: name,
      cause: error,
    });
  }
  const blocked = addresses.find(isPrivateAddress);
  if (blocked) {
    throw new SitrepError(
      'blocked_private_address',
      `${name}: ${host} resolves to the private address ${blocked}; use --allow-private to fetch it`,
      { input: name },
    );
  }
}

export async function fetchPage(spec: string, options: FetchOptions = {}): Promise<RawInput> {
  const timeoutMs = options.timeoutMs ?? 20_000;
  const maxBytes = options.maxBytes ?? 20 * 1024 * 1024;
  let url: URL;
  try {
    url = new URL(spec);
  } catch (error) {
    throw new SitrepError('invalid_input', `${spec}: not a valid URL`, { input: spec, cause: error });
  }
  const signal = AbortSignal.timeout(timeoutMs);
  for (let hop = 0; hop <= (options.maxRedirects ?? 5); hop++) {
    if (!options.allowPrivate) await assertPublicHost(url, spec);
    let response: Response;
    try {
      response = await fetch(url, {
        redirect: 'manual',
        signal,
        headers: {
          'user-agent': USER_AGENT,
          accept: 'text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5',
        },
      });
    } catch (error) {
      if (signal.aborted) {
        throw new SitrepError('fetch_timeout', `${spec}: no complete answer within ${timeoutMs / 1000} s`, {
          input: spec,
          cause: error,
        });
      }
      const reason =
        error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
      throw new SitrepError('fetch_failed', `${spec}: cannot connect (${reason})`, {
        input: spec,
        cause: error,
      });
    }
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      url = new URL(location, url);
      continue;
    }
    if (!response.ok) {
      throw new SitrepError('http_status', `${spec}: the server answered HTTP ${response.status}`, {
        input: spec,
      });
    }
    const declared = Number(response.headers.get('content-length') ?? '0');
    if (declared > maxBytes) {
      await response.body?.cancel();
      throw new SitrepError(
        'too_large',
        `${spec}: ${declared} bytes is larger than the limit of ${maxBytes}`,
        {
          input: spec,
        },
      );
    }
    const bytes = await readBody(response, maxBytes, spec);
    return { bytes, contentType: response.headers.get('content-type'), url: url.href, name: spec };
  }
  throw new SitrepError('fetch_failed', `${spec}: too many redirects`, { input: spec });
}

async function readBody(response: Response, maxBytes: number, name: string): Promise<Buffer> {
  if (!response.body) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  let size = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value: chunk } = await reader.read();
    if (done) break;
    size += chunk.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new SitrepError(
        'too_large',
        `${name}: the response is larger than the limit of ${maxBytes} bytes`,
        {
          input: name,
        },
      );
    }
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}
