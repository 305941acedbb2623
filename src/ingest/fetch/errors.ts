// Why a fetch failed, in a closed set a person can act on (shown in `sitrep feeds list`).
import { SitrepError, type ErrorCode } from '../../model/index.ts';

export const FETCH_CATEGORIES = [
  'dns',
  'tls',
  'timeout',
  'network',
  'http_4xx',
  'http_5xx',
  'parse_error',
  'too_large',
  'blocked_by_robots',
] as const;

export type FetchCategory = (typeof FETCH_CATEGORIES)[number];

const CODE_BY_CATEGORY: Record<FetchCategory, ErrorCode> = {
  dns: 'fetch_failed',
  tls: 'fetch_failed',
  timeout: 'fetch_timeout',
  network: 'fetch_failed',
  http_4xx: 'http_status',
  http_5xx: 'http_status',
  parse_error: 'parse_failed',
  too_large: 'too_large',
  blocked_by_robots: 'blocked_by_robots',
};

export class FetchError extends SitrepError {
  readonly category: FetchCategory;
  readonly status: number | null;
  /** From a Retry-After header on 429 or 503: wait at least this long. */
  readonly retryAfterMs: number | null;

  constructor(
    category: FetchCategory,
    message: string,
    options: {
      input: string;
      cause?: unknown;
      status?: number;
      retryAfterMs?: number | null;
      code?: ErrorCode;
    },
  ) {
    super(options.code ?? CODE_BY_CATEGORY[category], message, {
      input: options.input,
      cause: options.cause,
    });
    this.category = category;
    this.status = options.status ?? null;
    this.retryAfterMs = options.retryAfterMs ?? null;
  }
}

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NODATA', 'EAI_NONAME']);
const TIMEOUT_CODES = new Set([
  'ETIMEDOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

function causeChain(error: unknown): { code?: string; message?: string; name?: string }[] {
  const chain: { code?: string; message?: string; name?: string }[] = [];
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    if (typeof current !== 'object') break;
    chain.push(current as { code?: string; message?: string; name?: string });
    current = (current as { cause?: unknown }).cause;
  }
  return chain;
}

/** Sorts a low-level failure (undici, DNS, TLS, abort) into a category with a readable reason. */
export function classifyNetworkError(error: unknown, url: string, timedOut: boolean): FetchError {
  const chain = causeChain(error);
  const deepest = chain[chain.length - 1] ?? {};
  // OpenSSL messages run over several lines of internals; the first says what happened.
  const reason =
    (deepest.message ?? String(error)).split('\n')[0]?.replace(/^[0-9A-F]+:error:[0-9A-F]+:/, '') ?? '';
  const codes = chain.map((e) => e.code ?? '');
  const private_ = chain.find((e) => e.code === 'ESITREP_PRIVATE');
  if (private_) {
    return new FetchError('network', `${url}: ${private_.message}; use --allow-private to fetch it`, {
      input: url,
      cause: error,
      code: 'blocked_private_address',
    });
  }
  if (timedOut || codes.some((c) => TIMEOUT_CODES.has(c)) || chain.some((e) => e.name === 'TimeoutError')) {
    return new FetchError('timeout', `${url}: no complete answer in time (${reason})`, {
      input: url,
      cause: error,
    });
  }
  if (codes.some((c) => DNS_CODES.has(c))) {
    return new FetchError('dns', `${url}: cannot resolve the host name (${reason})`, {
      input: url,
      cause: error,
    });
  }
  if (codes.some((c) => /CERT|TLS|SSL|ERR_SSL/i.test(c)) || /certificate|ssl|tls/i.test(reason)) {
    return new FetchError('tls', `${url}: TLS failed (${reason})`, { input: url, cause: error });
  }
  return new FetchError('network', `${url}: cannot connect (${reason})`, { input: url, cause: error });
}

export function httpStatusError(url: string, status: number, retryAfterMs: number | null): FetchError {
  const category: FetchCategory = status >= 500 ? 'http_5xx' : 'http_4xx';
  const wait = retryAfterMs !== null ? `; asked to retry after ${Math.round(retryAfterMs / 1000)} s` : '';
  return new FetchError(category, `${url}: the server answered HTTP ${status}${wait}`, {
    input: url,
    status,
    retryAfterMs,
  });
}

/** Any error as a FetchError (a parse failure becomes parse_error). */
export function asFetchError(error: unknown, url: string): FetchError {
  if (error instanceof FetchError) return error;
  if (error instanceof SitrepError) {
    const category: FetchCategory =
      error.code === 'parse_failed'
        ? 'parse_error'
        : error.code === 'too_large'
          ? 'too_large'
          : error.code === 'fetch_timeout'
            ? 'timeout'
            : error.code === 'blocked_by_robots'
              ? 'blocked_by_robots'
              : 'network';
    return new FetchError(category, error.message, { input: url, cause: error, code: error.code });
  }
  return classifyNetworkError(error, url, false);
}
