import { Hono } from 'hono';
import { SitrepError } from '../../model/index.ts';
import type { ReadJob } from '../../pipeline/index.ts';
import type { HeavyGate } from '../heavy.ts';
import { AnalyzeBody } from '../schemas.ts';
import { parseOr400 } from '../validate.ts';

/** Reads a text or page without storing it. */
export function analyzeRoutes(reading: HeavyGate): Hono {
  const app = new Hono();
  app.post('/', async (c) => {
    const json: unknown = await c.req.json().catch(() => {
      throw new SitrepError('invalid_input', 'the request body is not valid JSON');
    });
    const body = parseOr400(AnalyzeBody, json, 'request body');
    const options = body.allEvents ? { minEventConfidence: 0 } : {};
    const job: ReadJob =
      body.text !== undefined
        ? {
            kind: 'text',
            input: { text: body.text, url: body.url, title: body.title, published: body.published },
            options,
          }
        : {
            kind: 'page',
            input: {
              bytes: Buffer.from(body.html ?? '', 'utf8'),
              contentType: 'text/html; charset=utf-8',
              url: body.url ?? null,
              name: body.url ?? 'request body',
            },
            options,
          };
    return c.json(await reading.read(job));
  });
  return app;
}
