// The workspace in a browser: a click on a drawn graph edge opens its pair's relations page, the
// confidence filter changes what the relations page counts, and the seed file with a copy of it
// is one story whose page shows the chain of copies as a tree.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startServer, type RunningServer } from '../../src/server/index.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { tempDir } from '../helpers/cli.ts';
import { browserSkipReason, launchBrowser } from '../helpers/browser.ts';
import { eventArticle } from '../helpers/generated-events.ts';
import { addPage } from '../../src/pipeline/index.ts';
import { loadInput } from '../../src/ingest/index.ts';

const SAMPLE = new URL('../../sample-data/zerohedge-iran-china-2022-04-27.txt', import.meta.url).pathname;
let seedId: string;
let copyId: string;
let storyStore: Store;
let storyServer: RunningServer;

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
  // Apart: the seed file, and a blog's copy of it without the "via" line and the comment form.
  storyStore = await openStore({ kind: 'sqlite', path: join(dir.path, 'stories.db') });
  seedId = (await addPage(storyStore, await loadInput(SAMPLE))).id;
  const copy = readFileSync(SAMPLE, 'utf8')
    .split('\n')
    .filter((line) => !/^via ZeroHedge|^Leave a Reply|^Your email address/.test(line))
    .join('\n');
  copyId = (
    await addPage(storyStore, {
      bytes: Buffer.from(copy),
      contentType: 'text/plain; charset=utf-8',
      url: 'https://blog.example/iran-china',
      name: 'copy.txt',
    })
  ).id;
  server = await startServer({ store }, 0);
  storyServer = await startServer({ store: storyStore }, 0);
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
});

after(async () => {
  if (skip) return;
  await browser.close();
  await server.close();
  await storyServer.close();
  await store.close();
  await storyStore.close();
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

test(
  'the seed and its copy are one story: folded in the article list, a tree on the story page',
  { skip },
  async () => {
    await page.goto(storyServer.url);
    const line = page.getByTestId('story-line');
    await line.waitFor();
    assert.equal(await line.count(), 1, 'the copy is folded under the story, not listed twice');
    assert.match(await line.innerText(), /Story of 2 articles: 1 copy, 1 independent source · also here:/);
    await line.getByRole('link', { name: /Story of 2 articles/ }).click();
    await page.waitForURL(/\/stories\?story=/);
    const counts = page.getByTestId('story-counts');
    await counts.waitFor();
    assert.equal(await counts.innerText(), '2 articles: 1 independent source, 1 copy');
    // The origin at the root, the copy nested under it.
    const nodes = page.getByTestId('story-node');
    assert.equal(await nodes.count(), 2);
    assert.equal(await nodes.first().getAttribute('data-relation'), 'origin');
    const nested = page.locator('[data-testid=story-tree] > li > ul > li');
    assert.equal(await nested.count(), 1);
    assert.equal(await nested.getAttribute('data-relation'), 'identical');
    assert.match(await nested.innerText(), /repost · \d+% of its source/);
    assert.equal(await nested.locator(`a[href="/doc/${copyId}"]`).count(), 1);
    assert.equal(await nodes.first().locator(`a[href="/doc/${seedId}"]`).first().count(), 1);
    const text = await page.locator('main').innerText();
    assert.doesNotMatch(text, /undefined|\[object Object\]|\bfalse\b/);
    await page.goto(`${storyServer.url}stories?doc=${copyId}`);
    await page.getByTestId('story-counts').waitFor();
    assert.equal(await page.getByTestId('story-node').count(), 2);
  },
);
