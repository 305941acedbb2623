// The workspace drawn in headless Chromium: how long the relations chart (uPlot) and the actor
// graph (sigma.js) take from navigation to drawn, on 50k stored events (2,000 actors, 50,000 links,
// plus two years of Iran–China events by week), and how much of it is the API answer. Then each
// chosen library against a well-kept alternative for the same job on the same answers (uPlot vs
// ECharts for the chart, sigma.js vs Cytoscape.js for the graph): first render, a time-slider
// update, and the library's bundle (web/bench-render, built here apart from the product).
// Run: npm run bench -- web-render   (SITREP_BENCH_EVENTS=n for another number of links)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compareLibraries } from './render-libraries.ts';
import { createApp, startServer } from '../src/server/index.ts';
import { openStore } from '../src/store/index.ts';
import { browserSkipReason, launchBrowser } from '../test/helpers/browser.ts';
import { eventArticle, graphArticles, seeded, type PlannedEvent } from '../test/helpers/generated-events.ts';
import type { BenchResult } from './run.ts';

const LINKS = Number(process.env.SITREP_BENCH_EVENTS || 50_000);
const ROUNDS = 3;

function dyadArticles(): ReturnType<typeof eventArticle>[] {
  const random = seeded(11);
  const docs = [];
  for (let a = 0; a < 20; a++) {
    const planned: PlannedEvent[] = [];
    for (let i = 0; i < 100; i++) {
      const day = Math.floor(random() * 700);
      const date = new Date(Date.UTC(2023, 0, 1 + day)).toISOString().slice(0, 10);
      const quadClass = (1 + Math.floor(random() * 4)) as 1 | 2 | 3 | 4;
      const [source, target] = random() < 0.5 ? ['IRN', 'CHN'] : ['CHN', 'IRN'];
      planned.push({ source, target, date, quadClass, goldstein: quadClass <= 2 ? 3 : -5 });
    }
    docs.push(eventArticle(`dyad${a}`, planned));
  }
  return docs;
}

export default async function bench(): Promise<BenchResult | BenchResult[]> {
  const skip = browserSkipReason();
  if (skip) return { name: 'web-render: skipped', rows: [], notes: [skip] };
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-render-bench-'));
  const store = await openStore({ kind: 'sqlite', path: join(dir, 'bench.db') });
  const browser = await launchBrowser();
  try {
    for (const doc of graphArticles(2000, LINKS, 500)) await store.addDocument(doc);
    for (const doc of dyadArticles()) await store.addDocument(doc);
    const server = await startServer({ store }, 0);
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    const measure = async (path: string, drawn: () => Promise<unknown>, api: string) => {
      const total: number[] = [];
      const answer: number[] = [];
      for (let r = 0; r <= ROUNDS; r++) {
        await page.goto('about:blank');
        const start = Date.now();
        await page.goto(`${server.url}${path}`);
        await drawn();
        // One more frame, so the canvas has been painted.
        await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => done(null))));
        const ms = Date.now() - start;
        const fetched = await page.evaluate(
          (prefix) =>
            performance
              .getEntriesByType('resource')
              .filter((e) => e.name.includes(prefix))
              .reduce((sum, e) => sum + e.duration, 0),
          api,
        );
        if (r === 0) continue; // the first load fills caches
        total.push(ms);
        answer.push(fetched);
      }
      const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
      return { 'drawn ms (median)': median(total), 'API ms (median)': Math.round(median(answer)) };
    };
    const rows: BenchResult['rows'] = [
      {
        page: 'relations IRN–CHN by week (uPlot)',
        ...(await measure(
          'relations?a=IRN&b=CHN&by=week',
          () => page.locator('.uplot canvas').first().waitFor(),
          '/api/relations',
        )),
      },
      {
        page: `graph, everything: 2,000 actors, ${LINKS} links (sigma.js)`,
        ...(await measure(
          'graph?window=all',
          () =>
            page.waitForFunction(
              () =>
                /\d+ actors/.test(document.querySelector('[data-testid=graph-counts]')?.textContent ?? ''),
              undefined,
              { timeout: 120_000 },
            ),
          '/api/graph',
        )),
      },
    ];
    await server.close();
    await page.close();
    const libraries = await compareLibraries(browser, createApp({ store }), LINKS);
    return [
      {
        name: `web-render: pages drawn in headless Chromium on ${LINKS + 2000} stored events`,
        rows,
        notes: [`${ROUNDS} loads each after one warm-up; drawn = navigation to the canvas painted`],
      },
      libraries,
    ];
  } finally {
    await browser.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
