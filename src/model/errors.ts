// One error type for the whole pipeline: a stable snake_case code a program can branch on, and a
// message a person can act on (it names the input and what was wrong). Edges map codes to exit
// codes and HTTP statuses; stack traces are shown only with --debug.
export type ErrorCode =
  | 'usage'
  | 'not_found'
  | 'empty_input'
  | 'binary_input'
  | 'too_large'
  | 'unsupported_type'
  | 'decode_failed'
  | 'no_article'
  | 'fetch_failed'
  | 'fetch_timeout'
  | 'http_status'
  | 'blocked_private_address'
  | 'blocked_by_robots'
  | 'parse_failed'
  | 'invalid_input'
  | 'store_failed'
  | 'config_invalid'
  | 'unauthorized'
  | 'forbidden'
  | 'rate_limited'
  | 'read_timeout'
  | 'busy';

export class SitrepError extends Error {
  readonly code: ErrorCode;
  /** The file, URL or request the error is about, when there is one. */
  readonly input: string | undefined;

  constructor(code: ErrorCode, message: string, options: { input?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'SitrepError';
    this.code = code;
    this.input = options.input;
  }

  toJSON(): { code: ErrorCode; message: string } {
    return { code: this.code, message: this.message };
  }
}

/** Wraps anything thrown into a SitrepError without losing the original as `cause`. */
export function asSitrepError(error: unknown, input?: string): SitrepError {
  if (error instanceof SitrepError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new SitrepError('invalid_input', input ? `${input}: ${message}` : message, { input, cause: error });
}
