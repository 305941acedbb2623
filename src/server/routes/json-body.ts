import type { Context } from 'hono';
import { SitrepError } from '../../model/index.ts';

/** The request body as JSON, or a 400 saying it is not JSON. */
export async function jsonBody(c: Context): Promise<unknown> {
  return c.req.json().catch(() => {
    throw new SitrepError('invalid_input', 'the request body is not valid JSON');
  });
}
