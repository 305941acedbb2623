// `npm run bench -- fuzz`: 10,000 mutated pages and 10,000 mutated feeds (mutations of sitrep's own
// test fixtures and sample data), each case seeded so it can be rebuilt. Counts tried, refused
// (a SitrepError: the expected answer to bad input), crashed (any other error), hung (no answer in
// 10 s; the worker is restarted past it) and slow (> 1 s). SITREP_FUZZ_CASES changes the count.
import { readFileSync, readdirSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { NEWS_PAGE } from '../test/helpers/pages.ts';
import type { FuzzJob, FuzzReport } from './fuzz/worker.ts';
import type { BenchResult } from './run.ts';

const CASES = Number(process.env.SITREP_FUZZ_CASES ?? 10_000);
const HANG_MS = 10_000;
const SLOW_MS = 1_000;
const root = new URL('..', import.meta.url).pathname;
const fixtures = join(root, 'test/fixtures');

function basePages(): Uint8Array[] {
  const dir = join(fixtures, 'extract');
  const html = readdirSync(dir)
    .map((slug) => join(dir, slug, 'source.html'))
    .filter((p) => existsSync(p))
    .map((p) => readFileSync(p));
  const text = readFileSync(join(root, 'sample-data/zerohedge-iran-china-2022-04-27.txt'), 'utf8');
  const wrapped = `<!doctype html><html><head><meta charset="utf-8"><title>Sample</title></head><body><article>${text
    .split(/\n\s*\n/)
    .map((p) => `<p>${p.replace(/</g, '&lt;')}</p>`)
    .join('')}</article></body></html>`;
  return [Buffer.from(NEWS_PAGE), Buffer.from(wrapped), ...html];
}

function baseFeeds(): Uint8Array[] {
  const dir = join(fixtures, 'ingest');
  return readdirSync(dir)
    .filter((n) => /\.(xml|json)$/.test(n))
    .map((n) => readFileSync(join(dir, n)));
}

interface Tally {
  tried: number;
  refused: number;
  crashed: number;
  hung: number;
  slow: number;
  slowestMs: number;
  failures: { index: number; problem: string }[];
}

function runKind(kind: 'page' | 'feed', bases: Uint8Array[]): Promise<Tally> {
  const tally: Tally = { tried: 0, refused: 0, crashed: 0, hung: 0, slow: 0, slowestMs: 0, failures: [] };
  return new Promise((resolve) => {
    const startWorker = (from: number): void => {
      if (from >= CASES) return resolve(tally);
      const job: FuzzJob = { kind, bases, from, to: CASES };
      const worker = new Worker(new URL('./fuzz/worker-entry.mjs', import.meta.url), { workerData: job });
      let current = -1;
      let startedAt = 0;
      const watchdog = setInterval(() => {
        if (current >= 0 && performance.now() - startedAt > HANG_MS) {
          clearInterval(watchdog);
          tally.tried++;
          tally.hung++;
          tally.failures.push({ index: current, problem: `no answer in ${HANG_MS} ms` });
          const next = current + 1;
          current = -1;
          void worker.terminate().then(() => startWorker(next));
        }
      }, 250);
      worker.on('message', (report: FuzzReport) => {
        if (report.type === 'start') {
          current = report.index;
          startedAt = performance.now();
          return;
        }
        current = -1;
        tally.tried++;
        if (report.outcome === 'refused') tally.refused++;
        if (report.outcome === 'crashed') {
          tally.crashed++;
          tally.failures.push({ index: report.index, problem: report.error ?? 'crashed' });
        }
        if (report.ms > SLOW_MS) tally.slow++;
        tally.slowestMs = Math.max(tally.slowestMs, report.ms);
      });
      worker.on('error', (error) => {
        clearInterval(watchdog);
        if (current < 0)
          return resolve({ ...tally, failures: [...tally.failures, { index: -1, problem: error.message }] });
        tally.tried++;
        tally.crashed++;
        tally.failures.push({ index: current, problem: `worker died: ${error.message}` });
        startWorker(current + 1);
      });
      worker.on('exit', (code) => {
        clearInterval(watchdog);
        if (code === 0) resolve(tally);
      });
    };
    startWorker(0);
  });
}

export default async function fuzzBench(): Promise<BenchResult> {
  const rows: BenchResult['rows'] = [];
  const details: Record<string, Tally> = {};
  for (const [kind, bases] of [
    ['page', basePages()],
    ['feed', baseFeeds()],
  ] as const) {
    const started = performance.now();
    const tally = await runKind(kind, bases);
    details[kind] = tally;
    rows.push({
      input: `mutated ${kind}s`,
      tried: tally.tried,
      refused: tally.refused,
      crashed: tally.crashed,
      hung: tally.hung,
      [`slow (>${SLOW_MS / 1000} s)`]: tally.slow,
      'slowest ms': Math.round(tally.slowestMs),
      seconds: Math.round((performance.now() - started) / 1000),
    });
  }
  const out = join(root, 'bench/results');
  mkdirSync(out, { recursive: true });
  writeFileSync(
    join(out, 'fuzz.json'),
    JSON.stringify({ date: new Date().toISOString(), cases: CASES, details }, null, 2),
  );
  const failures = Object.entries(details).flatMap(([k, t]) =>
    t.failures.slice(0, 5).map((f) => `${k} seed ${f.index + 1}: ${f.problem}`),
  );
  return {
    name: `fuzz: ${CASES} mutated pages and ${CASES} mutated feeds`,
    rows,
    notes: [
      'refused = a SitrepError (bad input named and refused); crashed = any other error; hung = no answer in 10 s',
      'rebuild a case with mutate(base[index % bases], seededRandom(index + 1)) from test/helpers/mutate.ts; details in bench/results/fuzz.json',
      ...failures,
    ],
  };
}
