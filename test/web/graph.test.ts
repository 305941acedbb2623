// The actor graph with 2,000 actors and 20,000 links renders and follows the time slider.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startServer, type RunningServer } from '../../src/server/index.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { tempDir } from '../helpers/cli.ts';
import { browserSkipReason, launchBrowser } from '../helpers/browser.ts';
import { graphArticles } from '../helpers/generated-events.ts';

const skip = browserSkipReason();
const dir = tempDir();
let store: Store;
let server: RunningServer;
let browser: Browser;
let page: Page;

before(async () => {
  if (skip) return;
  store = await openStore({ kind: 'sqlite', path: join(dir.path, 'graph.db') });
  for (const doc of graphArticles(2000, 20000, 500)) await store.addDocument(doc);
  server = await startServer({ store }, 0);
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
});

after(async () => {
  if (skip) return;
  await browser.close();
  await server.close();
  await store.close();
  dir.remove();
});

const counts = () => page.getByTestId('graph-counts').innerText();

test('the graph draws 2,000 actors and 20,000 links and follows the time slider', { skip }, async () => {
  await page.goto(`${server.url}graph?window=all`);
  await page.waitForFunction(() =>
    /\d+ actors/.test(document.querySelector('[data-testid=graph-counts]')?.textContent ?? ''),
  );
  assert.equal(
    await counts(),
    '2000 actors, 20000 links; events of confidence 0.4 or more, copies of one story counted once',
  );
  assert.ok(await page.locator('.graph canvas').count());

  await page.goto(`${server.url}graph?window=3`);
  await page.locator('.slider input').waitFor();
  await page.waitForFunction(() =>
    /\d+ actors/.test(document.querySelector('[data-testid=graph-counts]')?.textContent ?? ''),
  );
  const last = await counts();
  const window = await page.getByTestId('graph-window').innerText();
  assert.equal(window, '2024-10 to 2024-12');
  // Three months of 24 hold about an eighth of the links.
  const links = Number(/(\d+) links/.exec(last)![1]);
  assert.ok(links > 1500 && links < 3500, last);

  await page.locator('.slider input').fill('2');
  await page.waitForFunction(
    (before) => document.querySelector('[data-testid=graph-counts]')?.textContent !== before,
    last,
  );
  assert.equal(await page.getByTestId('graph-window').innerText(), '2023-01 to 2023-03');
  assert.notEqual(await counts(), last);
});

test('each listed link of the graph leads to the relations page of its pair', { skip }, async () => {
  await page.goto(`${server.url}graph?window=all`);
  const first = page.locator('table tbody tr a').first();
  await first.waitFor();
  assert.match((await first.getAttribute('href')) ?? '', /^\/relations\?a=Actor\+\d{4}&b=Actor\+\d{4}$/);
});
