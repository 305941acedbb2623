// The dashboard as a person uses it, in headless Chromium against a server on 127.0.0.1.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startServer, type RunningServer } from '../../src/server/index.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { addPage } from '../../src/pipeline/index.ts';
import { FeedRegistry, loadInput } from '../../src/ingest/index.ts';
import { tempDir } from '../helpers/cli.ts';
import { NEWS_PAGE } from '../helpers/pages.ts';
import { browserSkipReason, launchBrowser } from '../helpers/browser.ts';
import { createUser } from '../../src/accounts/index.ts';
import { TEST_PASSWORD } from '../helpers/auth.ts';

const skip = browserSkipReason();
const SAMPLE = new URL('../../sample-data/zerohedge-iran-china-2022-04-27.txt', import.meta.url).pathname;
const dir = tempDir();
let store: Store;
let server: RunningServer;
let browser: Browser;
let page: Page;
let seedId = '';
let feeds: FeedRegistry;

before(async () => {
  if (skip) return;
  store = await openStore({ kind: 'sqlite', path: join(dir.path, 'web.db') });
  seedId = (await addPage(store, await loadInput(SAMPLE))).id;
  feeds = new FeedRegistry(join(dir.path, 'web.db'));
  const failing = feeds.add('https://gone.example/feed.xml', 'Gone Gazette').feed;
  feeds.recordFailure(failing.id, {
    category: 'dns',
    message: 'cannot resolve gone.example',
    nextPollAt: Date.now() + 3_600_000,
  });
  await createUser(store, { name: 'ana', role: 'analyst', password: TEST_PASSWORD });
  server = await startServer({ store, feeds }, 0);
  browser = await launchBrowser();
  page = await browser.newPage();
});

after(async () => {
  if (skip) return;
  await browser.close();
  await server.close();
  feeds.close();
  await store.close();
  dir.remove();
});

test('the article list shows the stored sample and opens its reader page', { skip }, async () => {
  await page.goto(server.url);
  const link = page.getByRole('link', { name: /Iran & China Declare Deepened Military Cooperation/ });
  await link.waitFor();
  await link.click();
  await page.waitForURL(new RegExp(`#/doc/${seedId}`));
  const text = await page.locator('.text').innerText();
  assert.match(text, /Iranian President Ebrahim Raisi hailed deepening strategic and military cooperation/);
  assert.doesNotMatch(text, /Leave a Reply/);
  assert.match(await page.locator('article.reader').innerText(), /via ZeroHedge News/);
});

test('adding pasted HTML from the form opens the new article, and search finds it', { skip }, async () => {
  await page.goto(server.url);
  // Writing needs a session: log in the way the dashboard's login form does (same-origin fetch).
  const login = await page.evaluate(
    (password) =>
      fetch('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'ana', password }),
      }).then((r) => r.status),
    TEST_PASSWORD,
  );
  assert.equal(login, 200);
  await page.locator('details.add summary').click();
  await page.getByLabel('pasted text').fill(NEWS_PAGE);
  await page.getByRole('button', { name: 'Add pasted text' }).click();
  await page
    .locator('article.reader h1', { hasText: 'Ministers agree on grain corridor extension' })
    .waitFor();

  await page.goto(`${server.url}#/?q=grain`);
  await page.locator('ul.docs li').first().waitFor();
  const items = await page.locator('ul.docs li .title').allInnerTexts();
  assert.deepEqual(items, ['Ministers agree on grain corridor extension']);
});

test('stored text is shown as text, never run as markup', { skip }, async () => {
  const hostile =
    '<html><head><title>x</title></head><body><article><h1>Alert test</h1>' +
    '<p>' +
    'Harmless words about a summit in Geneva where ministers met for talks. '.repeat(4) +
    '&lt;img src=x onerror=alert(1)&gt;</p></article></body></html>';
  const { id } = await addPage(store, {
    bytes: Buffer.from(hostile),
    contentType: 'text/html',
    url: null,
    name: 'hostile',
  });
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });
  await page.goto(`${server.url}#/doc/${id}`);
  await page.locator('.text').waitFor();
  assert.match(await page.locator('.text').innerText(), /<img src=x onerror=alert\(1\)>/);
  assert.equal(dialogs, 0);
});

test(
  'an entity in the reader links to its actor page with roles over time and what the actor said',
  { skip },
  async () => {
    await page.goto(`${server.url}#/doc/${seedId}`);
    await page.locator('aside a', { hasText: 'Ebrahim Raisi' }).click();
    await page.locator('section.roles').waitFor();
    assert.match(await page.locator('section.roles').innerText(), /2021-08-03\s+2024-05-19\s+President/);
    assert.match(await page.locator('main').innerText(), /Said \([1-9]/);
  },
);

test('the feeds page shows the health of each feed with its failure category', { skip }, async () => {
  await page.goto(`${server.url}#/feeds`);
  const row = page.locator('table.feeds tbody tr', { hasText: 'Gone Gazette' });
  await row.waitFor();
  assert.match(await row.innerText(), /dns: cannot resolve gone\.example \(1×\)/);
});

test(
  'the events page filters by dyad and each row opens the article at its evidence sentence',
  { skip },
  async () => {
    await page.goto(`${server.url}#/events?dyad=IRN,CHN`);
    await page.locator('table.grid tbody tr').first().waitFor();
    const rows = await page.locator('table.grid tbody tr').allInnerTexts();
    assert.ok(rows.length > 0);
    assert.ok(rows.every((r) => /IRN|CHN/.test(r)));
    await page
      .locator('table.grid tbody tr a', { hasText: /signed a 25-year strategic cooperation agreement/ })
      .first()
      .click();
    const focus = page.locator('#focus');
    await focus.waitFor();
    assert.match(await focus.innerText(), /Recently, in 2021/);
  },
);

test('the quotes page finds quotes by speaker', { skip }, async () => {
  await page.goto(`${server.url}#/quotes?speaker=Ashtiani`);
  const row = page.locator('table.grid tbody tr').first();
  await row.waitFor();
  assert.match(await row.innerText(), /wherever the U\.S\. has had military presence/);
});
