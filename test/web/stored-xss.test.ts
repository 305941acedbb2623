// Stored XSS: the hostile cases of feedparser's sanitiser corpus (read from ../shared at test time,
// never copied) stored as article text, titles, comments and feed fields, then every dashboard page
// showing them opened in Chromium. No script may run: window.alert and friends are hooked, dialogs
// counted, CSP violations recorded, and no link may point at a javascript: URL.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeHTML } from 'entities';
import type { Browser, Page } from 'playwright-core';
import { startServer, type RunningServer } from '../../src/server/index.ts';
import { openStore, type Store, type FeedStore } from '../../src/store/index.ts';
import { addPage, readText } from '../../src/pipeline/index.ts';
import { tempDir } from '../helpers/cli.ts';
import { browserSkipReason, launchBrowser } from '../helpers/browser.ts';

const CORPUS = new URL('../../../shared/data/feeds/feedparser/wellformed/sanitize/', import.meta.url)
  .pathname;
const HOSTILE =
  /<script|javascript:|vbscript:|\bon[a-z]+\s*=|expression\s*\(|<iframe|<object|<embed|<meta|<link|<frame|<svg|<math|data:/i;
const FIELD =
  /<(content|description|summary|title|subtitle|tagline|info|copyright|body)\b[^>]*>([\s\S]*?)<\/\1>/gi;

/** The hostile payloads of every corpus file with "sanitize" in its path, decoded as a feed reader would. */
function hostilePayloads(): string[] {
  if (!existsSync(CORPUS)) return [];
  const payloads = new Set<string>();
  for (const name of readdirSync(CORPUS)) {
    const xml = readFileSync(join(CORPUS, name), 'utf8').replace(/<!--[\s\S]*?-->/, '');
    for (const match of xml.matchAll(FIELD)) {
      const value = decodeHTML(match[2]!.replace(/^<!\[CDATA\[|\]\]>$/g, '')).trim();
      if (HOSTILE.test(value)) payloads.add(value);
    }
  }
  return [...payloads];
}

const browserSkip = browserSkipReason();
const payloads = hostilePayloads();
const skip = browserSkip || (payloads.length ? false : `the sanitiser corpus is not at ${CORPUS}`);
const dir = tempDir();
let store: Store;
let feeds: FeedStore;
let server: RunningServer;
let browser: Browser;
let page: Page;
const pages: string[] = [];

async function storeHostileData(): Promise<void> {
  // Article text: every payload in one page, as paragraphs.
  const html = `<html><head><title>Hostile corpus</title><link rel="canonical" href="javascript:alert(1)"></head><body><article><h1>Hostile corpus</h1>${payloads
    .map((p) => `<p>Officials said the talks would resume. ${p}</p>`)
    .join('\n')}</article></body></html>`;
  const article = await addPage(store, {
    bytes: Buffer.from(html),
    contentType: 'text/html',
    url: 'javascript:alert(2)',
    name: 'hostile',
  });
  pages.push(`doc/${article.id}`);
  // Titles: the payloads as titles of the newest articles (the list shows them).
  for (const [i, payload] of payloads.slice(0, 20).entries()) {
    const text = `Report ${i}: ministers met in Geneva for talks on trade and security.`;
    await store.addDocument({
      raw: Buffer.from(text),
      contentType: 'text/plain',
      origin: `hostile-title-${i}`,
      reading: readText({ text, title: payload.slice(0, 900), published: '2030-01-01' }),
    });
  }
  pages.push('');
  // Comments: every payload as name and body, approved so they are shown.
  for (const payload of payloads) {
    await store.addComment({
      documentId: article.id,
      parentId: null,
      name: payload.slice(0, 100),
      email: 'x@example.org',
      body: payload,
      status: 'approved',
    });
  }
  pages.push(`doc/${article.id}`, `api/documents/${article.id}/comments`);
  // Feed fields: title and failure message.
  for (const [i, payload] of payloads.slice(0, 30).entries()) {
    const { feed } = await feeds.add(`https://feeds${i}.example/rss`, payload.slice(0, 500));
    await feeds.recordFailure(feed.id, {
      category: 'parse_error',
      message: payload.slice(0, 500),
      nextPollAt: Date.now() + 3_600_000,
    });
  }
  pages.push('feeds');
}

before(async () => {
  if (skip) return;
  store = await openStore({ kind: 'sqlite', path: join(dir.path, 'xss.db') });
  feeds = store.feeds;
  await storeHostileData();
  server = await startServer({ store, feeds }, 0);
  browser = await launchBrowser();
  page = await browser.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { __ran: string[] };
    w.__ran = [];
    for (const name of ['alert', 'confirm', 'prompt', 'print'] as const) {
      (window as unknown as Record<string, unknown>)[name] = (...args: unknown[]) =>
        void w.__ran.push(`${name}(${args.join(',')})`);
    }
    document.addEventListener('securitypolicyviolation', (e) =>
      w.__ran.push(`CSP blocked ${e.violatedDirective}: ${e.blockedURI}`),
    );
  });
});

after(async () => {
  if (skip) return;
  await browser.close();
  await server.close();
  await store.close();
  dir.remove();
});

test(
  `${payloads.length} hostile sanitiser cases as article, title, comment and feed fields run no script`,
  { skip },
  async () => {
    assert.ok(payloads.length >= 30, `found ${payloads.length} hostile cases`);
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    for (const path of pages) {
      await page.goto(`${server.url}${path}`);
      await page.waitForLoadState('networkidle');
      // The hostile data is on the page (as text), so the checks below are not vacuous.
      if (path.startsWith('doc/')) {
        await page.locator('section.comments li.comment').first().waitFor({ timeout: 10_000 });
        assert.equal(await page.locator('section.comments li.comment').count(), payloads.length, path);
      }
      if (path === 'feeds') {
        await page.locator('table tbody tr').first().waitFor();
        assert.equal(await page.locator('table tbody tr').count(), Math.min(30, payloads.length), path);
      }
      if (path === '') await page.locator('ul.docs li', { hasText: 'Report 0' }).first().waitFor();
      // Give timers, image errors and animations a moment to fire.
      await page.waitForTimeout(300);
      const ran = await page.evaluate(() => (window as unknown as { __ran: string[] }).__ran);
      assert.deepEqual(ran, [], `script ran or was blocked on ${path}`);
      const scriptLinks = await page.evaluate(() =>
        Array.from(document.querySelectorAll('a[href], area[href], [src], form[action]'))
          .map((el) => el.getAttribute('href') ?? el.getAttribute('src') ?? el.getAttribute('action') ?? '')
          // Resolved as the browser would (it strips control characters and white space first).
          .filter((url) => {
            try {
              return ['javascript:', 'vbscript:', 'data:'].includes(new URL(url, location.href).protocol);
            } catch {
              return false;
            }
          }),
      );
      assert.deepEqual(scriptLinks, [], `script URLs became links on ${path}`);
    }
    assert.deepEqual(dialogs, []);
  },
);
