// One HTTP GET with everything a polite, careful fetcher needs: conditional validators, compressed
// bodies (undici decodes gzip, deflate and brotli), redirects followed by hand (a chain made only of
// permanent redirects moves the stored address), a timeout over the whole exchange, a body cap.
import { fetch, type Agent, type Response } from 'undici';
import { USER_AGENT } from './private-address.ts';
import { assertPublicLiteral } from './guarded-agent.ts';
import { FetchError, classifyNetworkError, httpStatusError } from './errors.ts';
import { parseRetryAfter } from './retry-after.ts';

export interface RequestOptions {
  agent: Agent;
  allowPrivate: boolean;
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  accept: string;
  etag?: string | null;
  lastModified?: string | null;
}

export interface FetchedResource {
  status: 200 | 304;
  /** The address that answered, after redirects. */
  url: string;
  /** Set when every redirect on the way was permanent (301, 308): the new address to keep. */
  movedTo: string | null;
  bytes: Buffer;
  contentType: string | null;
  etag: string | null;
  lastModified: string | null;
}

const PERMANENT = new Set([301, 308]);

function parseUrl(spec: string): URL {
  try {
    return new URL(spec);
  } catch (error) {
    throw new FetchError('network', `${spec}: not a valid URL`, {
      input: spec,
      cause: error,
      code: 'invalid_input',
    });
  }
}

async function readCapped(response: Response, maxBytes: number, url: string): Promise<Buffer> {
  const declared = Number(response.headers.get('content-length') ?? '0');
  const tooLarge = (): FetchError =>
    new FetchError('too_large', `${url}: the response is larger than the limit of ${maxBytes} bytes`, {
      input: url,
    });
  if (declared > maxBytes && !response.headers.get('content-encoding')) {
    await response.body?.cancel();
    throw tooLarge();
  }
  if (!response.body) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response.body) {
    size += (chunk as Uint8Array).byteLength;
    if (size > maxBytes) {
      await response.body.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(Buffer.from(chunk as Uint8Array));
  }
  return Buffer.concat(chunks);
}

function requestHeaders(options: RequestOptions): Record<string, string> {
  const headers: Record<string, string> = {
    'user-agent': USER_AGENT,
    accept: options.accept,
    'accept-encoding': 'gzip, deflate, br',
  };
  if (options.etag) headers['if-none-match'] = options.etag;
  if (options.lastModified) headers['if-modified-since'] = options.lastModified;
  return headers;
}

export async function httpGet(spec: string, options: RequestOptions): Promise<FetchedResource> {
  let url = parseUrl(spec);
  let allPermanent = true;
  const signal = AbortSignal.timeout(options.timeoutMs);
  for (let hop = 0; hop <= options.maxRedirects; hop++) {
    let response: Response;
    try {
      if (!options.allowPrivate) assertPublicLiteral(url);
      response = await fetch(url, {
        redirect: 'manual',
        signal,
        dispatcher: options.agent,
        headers: requestHeaders(options),
      });
    } catch (error) {
      throw classifyNetworkError(error, spec, signal.aborted);
    }
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && response.status !== 304 && location) {
      await response.body?.cancel();
      allPermanent &&= PERMANENT.has(response.status);
      url = new URL(location, url);
      continue;
    }
    const base = {
      url: url.href,
      movedTo: allPermanent && url.href !== spec && hop > 0 ? url.href : null,
      contentType: response.headers.get('content-type'),
      etag: response.headers.get('etag'),
      lastModified: response.headers.get('last-modified'),
    };
    if (response.status === 304) {
      await response.body?.cancel();
      return { ...base, status: 304, bytes: Buffer.alloc(0) };
    }
    if (!response.ok) {
      await response.body?.cancel();
      const retryAfter =
        response.status === 429 || response.status === 503
          ? parseRetryAfter(response.headers.get('retry-after'))
          : null;
      throw httpStatusError(spec, response.status, retryAfter);
    }
    try {
      return { ...base, status: 200, bytes: await readCapped(response, options.maxBytes, spec) };
    } catch (error) {
      if (error instanceof FetchError) throw error;
      throw classifyNetworkError(error, spec, signal.aborted);
    }
  }
  throw new FetchError('http_4xx', `${spec}: more than ${options.maxRedirects} redirects`, { input: spec });
}
