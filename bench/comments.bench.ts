// The discussion under one article with 1,000 published comments (a third of them replies, up to
// five levels deep, some with links), opened in headless Chromium: time from navigation to the
// whole thread in the page, and from the comments answer to the thread drawn. p50 of several runs.
// Run: npm run bench -- comments   (SITREP_BENCH_COMMENTS=n, SITREP_BENCH_RUNS=n to change)
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../src/server/index.ts';
import { openStore } from '../src/store/index.ts';
import { addPage } from '../src/pipeline/index.ts';
import { loadInput } from '../src/ingest/index.ts';
import { browserSkipReason, launchBrowser } from '../test/helpers/browser.ts';
import type { BenchResult } from './run.ts';

const COMMENTS = Number(process.env.SITREP_BENCH_COMMENTS || 1000);
const RUNS = Number(process.env.SITREP_BENCH_RUNS || 7);
const SAMPLE = new URL('../sample-data/zerohedge-iran-china-2022-04-27.txt', import.meta.url).pathname;
const SENTENCES = [
  'The joint exercises were announced without a date.',
  'Tehran and Beijing have signed similar statements before.',
  'The figures in the third paragraph come from the ministry report at https://ministry.example/report.pdf.',
  'Which navy units take part is not said.',
  'Analysts in Dubai read it as a message to Washington.',
];

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

export default async function run(): Promise<BenchResult> {
  const name = `comments (${COMMENTS.toLocaleString('en')} on one article, Chromium, ${RUNS} runs)`;
  const skip = browserSkipReason();
  if (skip) return { name, rows: [], notes: [`skipped: ${skip}`] };
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-bench-comments-'));
  const store = await openStore({ kind: 'sqlite', path: join(dir, 'sitrep.db') });
  const server = await (async () => {
    const id = (await addPage(store, await loadInput(SAMPLE))).id;
    const ids: string[] = [];
    const depth = new Map<string, number>();
    for (let i = 0; i < COMMENTS; i++) {
      // Every third comment answers an earlier one, never deeper than five levels.
      const candidate = i % 3 === 2 ? ids[(i * 7919) % ids.length] : undefined;
      const parentId = candidate && (depth.get(candidate) ?? 0) < 4 ? candidate : null;
      const comment = await store.addComment({
        documentId: id,
        parentId,
        name: `Reader ${i}`,
        email: `reader${i}@example.org`,
        body: `${SENTENCES[i % SENTENCES.length]} (${i})`,
        status: 'approved',
      });
      ids.push(comment.id);
      depth.set(comment.id, parentId ? (depth.get(parentId) ?? 0) + 1 : 0);
    }
    return { running: await startServer({ store }, 0), id };
  })();
  const browser = await launchBrowser();
  const total: number[] = [];
  const drawing: number[] = [];
  const answer: number[] = [];
  const busy: number[] = [];
  const api: number[] = [];
  try {
    for (let run = 0; run <= RUNS; run++) {
      const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
      // The renderer's main-thread busy time (scripts, style, layout): less sensitive than the wall
      // clock to other processes on a shared machine.
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Performance.enable');
      await page.goto(`${server.running.url}doc/${server.id}`, { waitUntil: 'commit' });
      // performance.now() counts from the navigation's start.
      const shown = await page.waitForFunction(
        (n) => document.querySelectorAll('section.comments li.comment').length >= n && performance.now(),
        COMMENTS,
        { polling: 'raf', timeout: 120_000 },
      );
      const renderedAt = (await shown.jsonValue()) as number;
      const answeredAt = await page.evaluate(
        () =>
          performance
            .getEntriesByType('resource')
            .find((e) => e.name.endsWith('/comments'))
            ?.toJSON().responseEnd as number,
      );
      const { metrics } = await cdp.send('Performance.getMetrics');
      const taskSeconds = metrics.find((m) => m.name === 'TaskDuration')?.value ?? NaN;
      await page.close();
      const started = performance.now();
      await (await fetch(`${server.running.url}api/documents/${server.id}/comments`)).arrayBuffer();
      const apiMs = performance.now() - started;
      if (run === 0) continue; // the first run warms the server's and browser's caches
      total.push(renderedAt);
      answer.push(answeredAt);
      drawing.push(renderedAt - answeredAt);
      busy.push(taskSeconds * 1000);
      api.push(apiMs);
    }
  } finally {
    await browser.close();
    await server.running.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const row = (what: string, values: number[]) => ({
    measure: what,
    'p50 ms': Math.round(percentile(values, 50)),
    'min ms': Math.round(Math.min(...values)),
    'max ms': Math.round(Math.max(...values)),
  });
  return {
    name,
    rows: [
      row('navigation → whole thread in the page', total),
      row('navigation → comments answer received', answer),
      row('comments answer → thread drawn', drawing),
      row('renderer main thread busy, whole page load', busy),
      row(`GET …/comments answer alone (${COMMENTS} comments)`, api),
    ],
    notes: [
      'goal (issue 13): 1,000 comments render in under a second',
      `load average while running: ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')} on ${availableParallelism()} cores`,
    ],
  };
}
