// The workspace in a browser: a click on a drawn graph edge opens its pair's relations page, and
// the confidence filter changes what the relations page counts.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startServer, type RunningServer } from '../../src/server/index.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { tempDir } from '../helpers/cli.ts';
import { browserSkipReason, launchBrowser } from '../helpers/browser.ts';
import { eventArticle } from '../helpers/generated-events.ts';

const skip = browserSkipReason();
const dir = tempDir();
let store: Store;
let server: RunningServer;
let browser: Browser;
let page: Page;

before(async () => {
  if (skip) return;
  store = await openStore({ kind: 'sqlite', path: join(dir.path, 'workspace.db') });
  // One pair, so the graph is one edge across the middle of the drawing.
  await store.addDocument(
    eventArticle('pair', [
      { source: 'IRN', target: 'CHN', date: '2024-02-05', quadClass: 1, goldstein: 4 },
      { source: 'CHN', target: 'IRN', date: '2024-02-19', quadClass: 2, goldstein: 6 },
      { source: 'IRN', target: 'CHN', date: '2024-03-04', quadClass: 3, goldstein: -2, confidence: 0.1 },
    ]),
  );
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

test('clicking a drawn edge of the graph opens the relations page of its pair', { skip }, async () => {
  await page.goto(`${server.url}graph?window=all`);
  await page.waitForFunction(() =>
    /\d+ actors/.test(document.querySelector('[data-testid=graph-counts]')?.textContent ?? ''),
  );
  assert.match(await page.getByTestId('graph-counts').innerText(), /^2 actors, 1 links/);
  const canvas = page.locator('.graph canvas').last();
  await canvas.waitFor();
  // Two nodes are drawn at opposite ends of the view, so the edge crosses its centre.
  const box = (await page.locator('.graph').boundingBox())!;
  const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  await page.mouse.move(centre.x - 5, centre.y);
  await page.mouse.move(centre.x, centre.y);
  await page.waitForFunction(() => document.querySelector('.graph')?.classList.contains('pointing'));
  await page.mouse.click(centre.x, centre.y);
  await page.waitForURL(/\/relations\?/);
  const url = new URL(page.url());
  assert.deepEqual([url.searchParams.get('a'), url.searchParams.get('b')], ['CHN', 'IRN']);
  const total = page.getByTestId('relations-total');
  await total.waitFor();
  // The event below the threshold is not counted by default.
  assert.match(await total.innerText(), /^2 events in 1 month/);
});

test('the confidence filter of the relations page counts every event when asked', { skip }, async () => {
  await page.goto(`${server.url}relations?a=Iran&b=China`);
  await page.getByTestId('relations-total').waitFor();
  assert.match(await page.getByTestId('relations-total').innerText(), /confidence 0\.4 or more/);
  await page.getByLabel('Min. confidence').selectOption('0');
  await page.getByRole('button', { name: 'Show' }).click();
  await page.waitForFunction(() =>
    /^3 events/.test(document.querySelector('[data-testid=relations-total]')?.textContent ?? ''),
  );
  assert.match(
    await page.getByTestId('relations-total').innerText(),
    /^3 events in 2 months.*confidence 0 or more/,
  );
  assert.equal(new URL(page.url()).searchParams.get('minConfidence'), '0');
});
