// The API holds pasted pages to the same limits as the CLI: a page nested 40,000 deep is refused
// with a typed 422 naming the limit, not parsed for seconds.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { createApp } from '../../src/server/index.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { tempDir } from '../helpers/cli.ts';
import { tokenHeaders } from '../helpers/auth.ts';

const dir = tempDir();
let store: Store;
let app: ReturnType<typeof createApp>;
let auth: Record<string, string>;
before(async () => {
  store = await openStore({ kind: 'sqlite', path: join(dir.path, 'api.db') });
  app = createApp({ store });
  auth = await tokenHeaders(store, 'ana', 'analyst');
});
after(async () => {
  await store.close();
  dir.remove();
});

test('a page nested 40,000 deep is refused by /api/analyze and /api/documents, and nothing is stored', async () => {
  const html = `<html><body>${'<div>'.repeat(40_000)}<p>text</p>${'</div>'.repeat(40_000)}</body></html>`;
  for (const path of ['/api/analyze', '/api/documents']) {
    const response = await app.request(path, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ html }),
    });
    assert.equal(response.status, 422, path);
    const { error } = (await response.json()) as { error: { code: string; message: string } };
    assert.equal(error.code, 'parse_failed');
    assert.match(error.message, /nested more than 512 deep/);
  }
  assert.equal((await store.stats()).documents, 0);
});
