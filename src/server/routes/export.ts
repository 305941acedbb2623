// Streams an export: rows are read from the database in batches and written as they come.
import { Hono } from 'hono';
import { stream } from 'hono/streaming';
import { CONTENT_TYPES, EXTENSIONS, checkExport, exportLines, type ExportKind } from '../../export/index.ts';
import type { Store } from '../../store/index.ts';
import { ExportQuery, ExportKindParam } from '../schemas.ts';
import { parseOr400 } from '../validate.ts';

export function exportRoutes(store: Store): Hono {
  const app = new Hono();
  app.get('/:kind', (c) => {
    const kind: ExportKind = parseOr400(ExportKindParam, c.req.param('kind'), 'path');
    const q = parseOr400(ExportQuery, c.req.query(), 'query');
    const dyad = q.dyad?.split(',').map((s) => s.trim().toUpperCase()) as [string, string] | undefined;
    const filter = { since: q.since, until: q.until, actor: q.actor, dyad };
    checkExport(kind, q.format, filter);
    const lines = exportLines(store, kind, q.format, filter);
    c.header('content-type', CONTENT_TYPES[q.format]);
    c.header('content-disposition', `attachment; filename="sitrep-${kind}.${EXTENSIONS[q.format]}"`);
    return stream(
      c,
      async (out) => {
        for await (const line of lines) await out.write(line);
      },
      async (error, out) => {
        // Headers are gone already: the best that can be done is to stop and say why in the log.
        console.error(`sitrep serve: export of ${kind} failed: ${error.message}`);
        await out.close();
      },
    );
  });
  return app;
}
