// The dashboard as a person uses it, in headless Chromium against a server on 127.0.0.1: every
// page, its links, the relations chart and the actor graph. Screenshots of every page at 1366 px
// and 375 px go to test-results/screens (ignored by git).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startServer, type RunningServer } from '../../src/server/index.ts';
import { openStore, type Store, type FeedStore } from '../../src/store/index.ts';
import { addPage } from '../../src/pipeline/index.ts';
import { loadInput } from '../../src/ingest/index.ts';
import { tempDir } from '../helpers/cli.ts';
import { NEWS_PAGE } from '../helpers/pages.ts';
import { browserSkipReason, launchBrowser } from '../helpers/browser.ts';
import { createUser } from '../../src/accounts/index.ts';
import { TEST_PASSWORD } from '../helpers/auth.ts';
import { eventArticle, type PlannedEvent } from '../helpers/generated-events.ts';

const skip = browserSkipReason();
const SAMPLE = new URL('../../sample-data/zerohedge-iran-china-2022-04-27.txt', import.meta.url).pathname;
const SCREENS = new URL('../../test-results/screens/', import.meta.url).pathname;
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const dir = tempDir();
let store: Store;
let server: RunningServer;
let browser: Browser;
let page: Page;
let seedId = '';
let feeds: FeedStore;

// Iran-China events in June 2022 next to the seed's April 2022 ones.
const PLANNED: PlannedEvent[] = [
  { source: 'IRN', target: 'CHN', date: '2022-06-07', quadClass: 1, goldstein: 4 },
  { source: 'CHN', target: 'IRN', date: '2022-06-09', quadClass: 2, goldstein: 6 },
  { source: 'IRN', target: 'CHN', date: '2022-06-20', quadClass: 3, goldstein: -2 },
];

before(async () => {
  if (skip) return;
  mkdirSync(SCREENS, { recursive: true });
  store = await openStore({ kind: 'sqlite', path: join(dir.path, 'web.db') });
  seedId = (await addPage(store, await loadInput(SAMPLE))).id;
  await store.addDocument(eventArticle('june', PLANNED));
  feeds = store.feeds;
  const failing = (await feeds.add('https://gone.example/feed.xml', 'Gone Gazette')).feed;
  await feeds.recordFailure(failing.id, {
    category: 'dns',
    message: 'cannot resolve gone.example',
    nextPollAt: Date.now() + 3_600_000,
  });
  await createUser(store, { name: 'ana', role: 'analyst', password: TEST_PASSWORD });
  server = await startServer({ store, feeds }, 0);
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

test('the article list shows the stored sample and opens its reader page', { skip }, async () => {
  await page.goto(server.url);
  const link = page.getByRole('link', { name: /Iran & China Declare Deepened Military Cooperation/ });
  await link.click();
  await page.waitForURL(new RegExp(`/doc/${seedId}$`));
  const text = await page.locator('.text').innerText();
  assert.match(text, /Iranian President Ebrahim Raisi hailed deepening strategic and military cooperation/);
  assert.doesNotMatch(text, /Leave a Reply/);
  assert.match(await page.locator('article.reader').innerText(), /via ZeroHedge News/);
});

test('the reader highlights quotes only until other kinds are switched on', { skip }, async () => {
  await page.goto(`${server.url}doc/${seedId}`);
  await page.locator('.text').waitFor();
  assert.equal(await page.locator('.text mark.entity').count(), 0);
  assert.equal(await page.locator('.text mark.event').count(), 0);
  const quotes = await page.locator('.text mark.quote').count();
  assert.ok(quotes > 0);
  await page.getByLabel('Names').check();
  assert.ok((await page.locator('.text mark.entity').count()) > 0);
  await page.getByLabel('Quotes').uncheck();
  assert.equal(await page.locator('.text mark.quote').count(), 0);
});

test('adding pasted HTML from the form opens the new article, and search finds it', { skip }, async () => {
  await page.goto(server.url);
  await logIn(page, 'ana');
  await page.locator('details.add summary').click();
  await page.getByLabel('pasted text').fill(NEWS_PAGE);
  await page.getByRole('button', { name: 'Add pasted text' }).click();
  await page
    .locator('article.reader h1', { hasText: 'Ministers agree on grain corridor extension' })
    .waitFor();
  await page.goto(`${server.url}?q=grain`);
  await page.locator('ul.docs li').first().waitFor();
  const items = await page.locator('ul.docs li .title').allInnerTexts();
  assert.deepEqual(items, ['Ministers agree on grain corridor extension']);
});

test('pasted seed text stores the same reading as the seed file', { skip }, async () => {
  const fresh = await openStore({ kind: 'sqlite', path: join(dir.path, 'paste.db') });
  const pasteServer = await startServer({ store: fresh }, 0);
  try {
    await page.goto(pasteServer.url);
    await createUser(fresh, { name: 'ana', role: 'analyst', password: TEST_PASSWORD });
    await logIn(page, 'ana');
    await page.locator('details.add summary').click();
    await page.getByLabel('pasted text').fill(readFileSync(SAMPLE, 'utf8'));
    await page.getByRole('button', { name: 'Add pasted text' }).click();
    await page.waitForURL(/\/doc\/\w+$/);
    const pastedId = page.url().split('/doc/')[1]!;
    const pasted = (await fresh.getDocument(pastedId))!;
    const file = (await store.getDocument(seedId))!;
    assert.deepEqual(pasted.reading, file.reading);
    assert.equal(await page.locator('article.reader h1').innerText(), file.title);
  } finally {
    await pasteServer.close();
    await fresh.close();
  }
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
  await page.goto(`${server.url}doc/${id}`);
  await page.locator('.text').waitFor();
  assert.match(await page.locator('.text').innerText(), /<img src=x onerror=alert\(1\)>/);
  assert.equal(dialogs, 0);
});

test(
  'a name in the reader links to its actor page with roles over time and what the actor said',
  { skip },
  async () => {
    await page.goto(`${server.url}doc/${seedId}`);
    await page.locator('aside a', { hasText: 'Ebrahim Raisi' }).first().click();
    await page.locator('#roles').waitFor();
    assert.match(await page.locator('main').innerText(), /President\s+IRN\s+2021-08-03\s+2024-05-19/);
    // The quotes section loads by a request of its own, after the roles.
    await page.locator('#said').waitFor();
    assert.match(await page.locator('main').innerText(), /Said \(\d+\)/);
  },
);

test('Iran, IRN and Islamic Republic reach the same actor page with the same counts', { skip }, async () => {
  const seen: { url: string; counts: string }[] = [];
  for (const name of ['Iran', 'IRN', 'Islamic%20Republic']) {
    await page.goto(`${server.url}actors/${name}`);
    await page.waitForURL(/\/actors\/IRN$/);
    const counts = page.getByTestId('actor-counts');
    await counts.waitFor();
    seen.push({ url: page.url(), counts: await counts.innerText() });
  }
  assert.equal(new Set(seen.map((s) => s.url)).size, 1);
  assert.equal(new Set(seen.map((s) => s.counts)).size, 1);
  assert.match(seen[0]!.counts, /^\d+ events with a partner/);
  // The index search leads to the same page.
  await page.goto(`${server.url}actors?q=islamic+republic`);
  await page
    .locator('table a', { hasText: /^Iran$/ })
    .first()
    .click();
  await page.waitForURL(/\/actors\/IRN$/);
  assert.equal(await page.getByTestId('actor-counts').innerText(), seen[0]!.counts);
});

test(
  'the relations chart for IRN and CHN counts per month and clicks through to the evidence',
  { skip },
  async () => {
    const api = (await (await fetch(`${server.url}api/relations?a=IRN&b=CHN`)).json()) as {
      buckets: { period: string; events: number }[];
    };
    const june = api.buckets.find((b) => b.period === '2022-06')!;
    assert.equal(june.events, 3);
    await page.goto(`${server.url}relations?a=IRN&b=CHN`);
    await page.locator('.chart canvas').waitFor();
    const rows = await page.locator('table tbody tr').allInnerTexts();
    const juneRow = rows.find((r) => r.startsWith('2022-06'))!;
    assert.match(juneRow, /^2022-06\s+3\s+1\s+1\s+1\s+0\s+2\.67\s+3\s+1$/);
    // A click on the chart at June's position picks that month.
    const over = await page.locator('.chart .u-over').boundingBox();
    const index = api.buckets.indexOf(june);
    const x = over!.x + (over!.width * (index + 0.5)) / api.buckets.length;
    await page.mouse.move(x, over!.y + over!.height / 2);
    await page.mouse.click(x, over!.y + over!.height / 2);
    await page.locator('#period-events', { hasText: 'Events of 2022-06' }).waitFor();
    const evidence = page.locator('.period-events a.evidence', { hasText: /accused CHN/ });
    await evidence.click();
    const focus = page.locator('#focus');
    await focus.waitFor();
    assert.match(await focus.innerText(), /^On 2022-06-20 IRN accused CHN/);
  },
);

test(
  'a pasted copy of the seed does not double the IRN–CHN counts on the relations and events pages',
  { skip },
  async () => {
    const periodRow = async (period: string) =>
      (await page.locator('table tbody tr').allInnerTexts())
        .find((r) => r.startsWith(period))!
        .split(/\s+/)
        .map(Number);
    const relations = async () => {
      await page.goto(`${server.url}relations?a=IRN&b=CHN&minConfidence=0`);
      await page.locator('.chart canvas').waitFor();
      return {
        total: await page.getByTestId('relations-total').innerText(),
        april: await periodRow('2022-04'),
      };
    };
    const before = await relations();
    // Period, events, four quad classes, mean Goldstein, reports, origins.
    const [, events, , , , , , reports, origins] = before.april;
    assert.ok(events! >= 2, `the seed has Iran–China events in April 2022 (${before.april.join(' ')})`);
    assert.deepEqual([reports, origins], [events, 1]);
    assert.match(before.total, /copies of one story counted once/);

    // A blog's copy of the seed (its "via" line and comment form dropped), pasted in the add form.
    await page.goto(server.url);
    await logIn(page, 'ana');
    await page.locator('details.add summary').click();
    const copy = readFileSync(SAMPLE, 'utf8')
      .split('\n')
      .filter((line) => !/^via ZeroHedge|^Leave a Reply|^Your email address/.test(line))
      .join('\n');
    await page.getByLabel('pasted text').fill(copy);
    await page.getByRole('button', { name: 'Add pasted text' }).click();
    await page.waitForURL(/\/doc\/\w+$/);

    const after = await relations();
    const leadingCount = (text: string) => Number(/^(\d+) events/.exec(text)![1]);
    assert.equal(leadingCount(after.total), leadingCount(before.total));
    assert.deepEqual(after.april.slice(1, 7), before.april.slice(1, 7), 'events and quad counts unchanged');
    assert.deepEqual(after.april.slice(7), [2 * events!, 1], 'twice the reports, still one origin');
    // Counting every report doubles them, as asked.
    await page.goto(`${server.url}relations?a=IRN&b=CHN&minConfidence=0&reports=all`);
    await page.locator('.chart canvas').waitFor();
    assert.equal((await periodRow('2022-04'))[1], 2 * events!);
    assert.match(await page.getByTestId('relations-total').innerText(), /every report counted as an event/);

    // The events page lists each seed event once, with its two reports from one origin.
    await page.goto(`${server.url}events?dyad=IRN,CHN&confidence=0`);
    await page.locator('table tbody tr').first().waitFor();
    const rows = await page.locator('table tbody tr', { hasText: 'signed a 25-year' }).allInnerTexts();
    // One sentence holds the agreement both ways round: two events, each listed once.
    assert.equal(rows.length, 2, rows.join(' / '));
    for (const row of rows) assert.match(row, /2 from 1 origin$/);
  },
);

test(
  'the events page filters by pair and each row opens the article at its evidence sentence',
  { skip },
  async () => {
    await page.goto(`${server.url}events?dyad=IRN,CHN`);
    await page.locator('table tbody tr').first().waitFor();
    const rows = await page.locator('table tbody tr').allInnerTexts();
    assert.ok(rows.length > 0);
    assert.ok(rows.every((r) => /China/.test(r)));
    // Every actor is named in words; a code only follows its name.
    const chips = await page.locator('table tbody a.chip').allInnerTexts();
    assert.deepEqual(
      chips.filter((c) => /^[A-Z]{3,}\b/.test(c)),
      [],
    );
    await page
      .locator('table tbody tr a.evidence', { hasText: /signed a 25-year strategic cooperation agreement/ })
      .first()
      .click();
    const focus = page.locator('#focus');
    await focus.waitFor();
    assert.match(await focus.innerText(), /Recently, in 2021/);
  },
);

test('the quotes page finds quotes by speaker and links the speaker', { skip }, async () => {
  await page.goto(`${server.url}quotes?speaker=Ashtiani`);
  const row = page.locator('table tbody tr').first();
  await row.waitFor();
  assert.match(await row.innerText(), /wherever the U\.S\. has had military presence/);
  assert.match((await row.locator('a.chip').getAttribute('href')) ?? '', /^\/actors\//);
});

test('the feeds page shows the health of each feed with its failure category', { skip }, async () => {
  await page.goto(`${server.url}feeds`);
  const row = page.locator('table tbody tr', { hasText: 'Gone Gazette' });
  await row.waitFor();
  assert.match(await row.innerText(), /failing, dns: cannot resolve gone\.example \(1×\)/);
});

const PAGES = [
  ['articles', ''],
  ['reader', 'doc/SEED'],
  ['events', 'events'],
  ['quotes', 'quotes'],
  ['actors', 'actors?q=iran'],
  ['actor', 'actors/IRN'],
  ['person', 'actors/person:ebrahim-raisi'],
  ['relations', 'relations?a=IRN&b=CHN'],
  ['graph', 'graph'],
  ['stories', 'stories'],
  ['feeds', 'feeds'],
  ['login', 'login'],
  ['not-found', 'no/such/page'],
] as const;

async function settle(p: Page): Promise<void> {
  await p.waitForLoadState('networkidle');
  await p.waitForFunction(() => !document.querySelector('main')?.textContent?.includes('Loading…'));
}

test('no page shows false, undefined or [object Object], and none overflows a phone', { skip }, async () => {
  for (const width of [1366, 375]) {
    const view = await browser.newPage({ viewport: { width, height: 900 } });
    try {
      for (const [name, path] of PAGES) {
        await view.goto(server.url + path.replace('SEED', seedId));
        await settle(view);
        const text = await view.locator('body').innerText();
        assert.doesNotMatch(
          text,
          /\bfalse\b|\bundefined\b|\[object Object\]|\bNaN\b/,
          `${name} at ${width}px`,
        );
        await view.screenshot({ path: join(SCREENS, `${name}-${width}.png`), fullPage: true });
        const overflow = await view.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 1, `${name} overflows by ${overflow}px at ${width}px`);
      }
    } finally {
      await view.close();
    }
  }
});

test('axe-core finds no serious or critical accessibility violation on any page', { skip }, async () => {
  const view = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  try {
    for (const [name, path] of PAGES) {
      await view.goto(server.url + path.replace('SEED', seedId));
      await settle(view);
      // Evaluated over the DevTools protocol, so the page's CSP (script-src 'self') does not apply.
      await view.evaluate(AXE);
      const violations = await view.evaluate(async () => {
        const axe = (
          window as unknown as {
            axe: {
              run: (
                o: object,
              ) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }>;
            };
          }
        ).axe;
        const result = await axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa'] } });
        return result.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map(
            (v) =>
              `${v.id}: ${v.nodes
                .map((n) => n.target.join(' '))
                .slice(0, 3)
                .join(', ')}`,
          );
      });
      assert.deepEqual(violations, [], name);
    }
  } finally {
    await view.close();
  }
});

/** Writing needs a session: logs in the way the dashboard's login form does (same-origin fetch). */
async function logIn(on: Page, name: string): Promise<void> {
  const status = await on.evaluate(
    ([user, password]) =>
      fetch('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: user, password }),
      }).then((r) => r.status),
    [name, TEST_PASSWORD] as const,
  );
  assert.equal(status, 200);
}
