import { Hono } from 'hono';
import { SitrepError } from '../../model/index.ts';
import { readPage, readText } from '../../pipeline/index.ts';
import { AnalyzeBody } from '../schemas.ts';
import { parseOr400 } from '../validate.ts';

/** Reads a text or page without storing it. */
export function analyzeRoutes(): Hono {
  const app = new Hono();
  app.post('/', async (c) => {
    const json: unknown = await c.req.json().catch(() => {
      throw new SitrepError('invalid_input', 'the request body is not valid JSON');
    });
    const body = parseOr400(AnalyzeBody, json, 'request body');
    const read = body.allEvents ? { minEventConfidence: 0 } : {};
    const reading =
      body.text !== undefined
        ? readText({ text: body.text, url: body.url, title: body.title, published: body.published }, read)
        : readPage(
            {
              bytes: Buffer.from(body.html ?? '', 'utf8'),
              contentType: 'text/html; charset=utf-8',
              url: body.url ?? null,
              name: body.url ?? 'request body',
            },
            read,
          );
    return c.json(reading);
  });
  return app;
}
