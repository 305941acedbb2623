// The typed API client: every path, query and answer type comes from schema.d.ts, which build:web
// generates from the server's OpenAPI document.
import createClient from 'openapi-fetch';
import type { components, paths } from './schema';

export const api = createClient<paths>({ baseUrl: window.location.origin, credentials: 'same-origin' });

export type Schemas = components['schemas'];

type Json<R> = R extends { content: { 'application/json': infer T } } ? T : never;
/** The JSON answer of a GET route, e.g. Answer<'/api/relations'>. */
export type Answer<P extends keyof paths> = paths[P] extends { get: { responses: { 200: infer R } } }
  ? Json<R>
  : never;

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

interface ErrorBody {
  error?: { code?: string; message?: string; field?: string };
}

/** The data of an openapi-fetch result, or an ApiError carrying the server's code and message. */
export async function data<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data: body, error, response } = await call;
  if (response.ok && error === undefined) return body as T;
  const detail = (error as ErrorBody | undefined)?.error;
  throw new ApiError(
    detail?.message ?? `${response.status} ${response.statusText}`,
    response.status,
    detail?.code ?? 'http_error',
    detail?.field,
  );
}
