// Maps SitrepError codes to HTTP statuses at the edge; internals are never echoed.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { SitrepError, type ErrorCode } from '../model/index.ts';

const STATUS: Record<ErrorCode, ContentfulStatusCode> = {
  usage: 400,
  invalid_input: 400,
  not_found: 404,
  empty_input: 422,
  binary_input: 422,
  unsupported_type: 415,
  decode_failed: 422,
  no_article: 422,
  parse_failed: 422,
  too_large: 413,
  fetch_failed: 502,
  fetch_timeout: 504,
  http_status: 502,
  blocked_private_address: 403,
  blocked_by_robots: 403,
  store_failed: 500,
  config_invalid: 500,
  unauthorized: 401,
  forbidden: 403,
  rate_limited: 429,
  read_timeout: 503,
  busy: 503,
};

const RETRY_AFTER_SECONDS = 2;

export function errorResponse(c: Context, error: unknown): Response {
  if (error instanceof SitrepError) {
    const status = STATUS[error.code] ?? 400;
    const message =
      status >= 500 && error.code === 'store_failed'
        ? 'the database failed; see the server log'
        : error.message;
    if (status >= 500 && error.code !== 'busy') console.error(`sitrep serve: ${error.message}`);
    const field = error instanceof FieldError ? { field: error.field } : {};
    // A busy server says when to come back; clients and proxies honour Retry-After.
    const headers = error.code === 'busy' ? { 'retry-after': String(RETRY_AFTER_SECONDS) } : undefined;
    return c.json({ error: { code: error.code, message, ...field } }, status, headers);
  }
  console.error('sitrep serve: unexpected error', error);
  return c.json({ error: { code: 'internal', message: 'unexpected server error; see the server log' } }, 500);
}

/** Bad input in one field of a request: the response names it in error.field. */
export class FieldError extends SitrepError {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super('invalid_input', message);
  }
}

export function badRequest(message: string): SitrepError {
  return new SitrepError('invalid_input', message);
}
