import { Hono } from 'hono';
import { SitrepError } from '../../model/index.ts';
import { fetchPage } from '../../ingest/index.ts';
import type { HeavyGate } from '../heavy.ts';
import type { RawInput } from '../../extract/index.ts';
import { AddBody, ListQuery } from '../schemas.ts';
import { parseOr400 } from '../validate.ts';
import type { AppDeps } from '../app.ts';
import { requireRole } from '../security.ts';
import { storeReading } from '../../pipeline/index.ts';
import { confidentEvents } from '../../understand/index.ts';

const STORE_ALL_EVENTS = { minEventConfidence: 0 };

const MAX_UPLOAD = 20 * 1024 * 1024;

export function documentRoutes(deps: AppDeps, reading: HeavyGate): Hono {
  const app = new Hono();

  app.get('/', async (c) => {
    const query = parseOr400(ListQuery, c.req.query(), 'query');
    const page = query.q?.trim()
      ? await deps.store.search(query.q, { limit: query.limit, offset: query.offset })
      : await deps.store.listDocuments({ limit: query.limit, offset: query.offset });
    return c.json(page);
  });

  app.get('/:id', async (c) => {
    const doc = await deps.store.getDocument(c.req.param('id'));
    if (!doc) throw new SitrepError('not_found', `no stored article with id ${c.req.param('id')}`);
    // Every event is stored with its confidence; the reading shows the sure ones unless asked for all.
    if (c.req.query('allEvents') === 'true') return c.json(doc);
    return c.json({ ...doc, reading: { ...doc.reading, events: confidentEvents(doc.reading.events) } });
  });

  app.get('/:id/raw', async (c) => {
    const raw = await deps.store.getRaw(c.req.param('id'));
    if (!raw) throw new SitrepError('not_found', `no stored article with id ${c.req.param('id')}`);
    // Served as plain text so a stored page can never run script in the dashboard's origin.
    return c.body(new Uint8Array(raw.raw), 200, {
      'content-type': 'text/plain; charset=utf-8',
      'x-content-type-options': 'nosniff',
      'x-sitrep-original-type': raw.contentType ?? 'unknown',
    });
  });

  app.delete('/:id', async (c) => {
    requireRole(c, 'analyst');
    const deleted = await deps.store.deleteDocument(c.req.param('id'));
    if (!deleted) throw new SitrepError('not_found', `no stored article with id ${c.req.param('id')}`);
    return c.json({ deleted: true });
  });

  app.post('/', async (c) => {
    requireRole(c, 'analyst');
    const input = await requestInput(c.req.raw, deps);
    if ('text' in input) {
      // Pasted text is cleaned like a .txt file (title, byline, date, via, site chrome); a title
      // given beside it wins over the one found in the text.
      const page = {
        bytes: Buffer.from(input.text, 'utf8'),
        contentType: 'text/plain; charset=utf-8',
        url: null,
        name: 'pasted text',
      };
      // Every event is stored with its confidence; listings leave out the unsure ones by default.
      const read = await reading.read({ kind: 'page', input: page, options: STORE_ALL_EVENTS });
      const titled = input.title ? { ...read, article: { ...read.article, title: input.title } } : read;
      const result = await storeReading(deps.store, page, titled);
      return c.json(result, result.status === 'added' ? 201 : 200);
    }
    const read = await reading.read({ kind: 'page', input, options: STORE_ALL_EVENTS });
    const result = await storeReading(deps.store, input, read);
    return c.json(result, result.status === 'added' ? 201 : 200);
  });

  return app;
}

type AddInput = RawInput | { text: string; title?: string };

async function requestInput(request: Request, deps: AppDeps): Promise<AddInput> {
  const type = request.headers.get('content-type') ?? '';
  if (type.startsWith('multipart/form-data')) {
    const form = await request.formData().catch(() => {
      throw new SitrepError('invalid_input', 'the upload is not a valid multipart form');
    });
    const file = form.get('file');
    if (!file || typeof file === 'string')
      throw new SitrepError('invalid_input', 'the upload has no "file" field');
    if (file.size > MAX_UPLOAD)
      throw new SitrepError('too_large', `${file.name}: larger than the limit of 20 MB`);
    const name = file.name || 'upload';
    const contentType =
      file.type || (/\.txt$/i.test(name) ? 'text/plain' : /\.html?$/i.test(name) ? 'text/html' : null);
    return { bytes: Buffer.from(await file.arrayBuffer()), contentType, url: null, name };
  }
  const json: unknown = await request.json().catch(() => {
    throw new SitrepError('invalid_input', 'the request body is not valid JSON');
  });
  const body = parseOr400(AddBody, json, 'request body');
  if (body.text !== undefined) return { text: body.text, title: body.title };
  if (body.html !== undefined) {
    return {
      bytes: Buffer.from(body.html, 'utf8'),
      contentType: 'text/html; charset=utf-8',
      url: body.url ?? null,
      name: body.url ?? 'pasted HTML',
    };
  }
  return fetchPage(body.url ?? '', { allowPrivate: deps.allowPrivate });
}
