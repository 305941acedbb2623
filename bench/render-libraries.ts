// Each drawing library the workspace uses against a well-kept alternative for the same job, drawn in
// headless Chromium from the same API answers: uPlot vs ECharts for the relations chart (IRN–CHN by
// week), sigma.js vs Cytoscape.js for the actor graph (2,000 actors with the strongest 20,000 links,
// and every link of the stored events). Times: first render (call to painted frame) and one
// time-slider step (the next 12-month window's answer drawn over the last), as wall time in the
// page and as the page's main-thread task time (CDP Performance.getMetrics TaskDuration; WebGL and
// canvas raster in Chromium's GPU process are in the wall time only). Sizes: the library's chunks
// as Vite builds them (web/bench-render, apart from the product's bundle), bytes and gzipped.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { build } from 'vite';
import type { createApp } from '../src/server/index.ts';
import type { BenchResult } from './run.ts';

const HARNESS = new URL('../web/bench-render/', import.meta.url).pathname;
const ROUNDS = 5;

interface ManifestChunk {
  file: string;
  imports?: string[];
  css?: string[];
}

/** Builds the harness; the bytes of each adapter's chunk and everything it imports statically. */
async function buildHarness(outDir: string): Promise<Map<string, { bytes: number; gzip: number }>> {
  await build({
    configFile: false,
    root: HARNESS,
    base: './',
    logLevel: 'warn',
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    build: { outDir, emptyOutDir: true, manifest: true, sourcemap: false, chunkSizeWarningLimit: 5000 },
  });
  const manifest = JSON.parse(readFileSync(join(outDir, '.vite/manifest.json'), 'utf8')) as Record<
    string,
    ManifestChunk
  >;
  const sizes = new Map<string, { bytes: number; gzip: number }>();
  for (const name of ['uplot', 'echarts', 'sigma', 'cytoscape']) {
    const files = new Set<string>();
    const visit = (key: string) => {
      const chunk = manifest[key]!;
      if (files.has(chunk.file)) return;
      files.add(chunk.file);
      for (const css of chunk.css ?? []) files.add(css);
      for (const imported of chunk.imports ?? []) visit(imported);
    };
    visit(`${name}.ts`);
    let bytes = 0;
    let gzip = 0;
    for (const file of files) {
      const body = readFileSync(join(outDir, file));
      bytes += statSync(join(outDir, file)).size;
      gzip += gzipSync(body).length;
    }
    sizes.set(name, { bytes, gzip });
  }
  return sizes;
}

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

function serve(dir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((request, response) => {
    const path = join(dir, new URL(request.url ?? '/', 'http://x').pathname.replace(/\/$/, '/index.html'));
    try {
      const body = readFileSync(path);
      response.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((ready) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      ready({
        url: `http://127.0.0.1:${port}/`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    }),
  );
}

/** The page's main-thread task time so far, in ms. */
async function taskMs(cdp: CDPSession): Promise<number> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as {
    metrics: { name: string; value: number }[];
  };
  return (metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000;
}

async function step(page: Page, cdp: CDPSession, call: string, arg: string) {
  const before = await taskMs(cdp);
  const wall = await page.evaluate(
    ([c, a]) =>
      (window as unknown as Record<string, Record<string, (x: string) => Promise<number>>>).bench![c]!(a),
    [call, arg] as const,
  );
  return { wall, task: (await taskMs(cdp)) - before };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p95 = (xs: number[]) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))]!;

/** One library on one data set: ROUNDS fresh pages, each a first render then every window in turn. */
async function measure(browser: Browser, url: string, library: string, first: unknown, windows: unknown[]) {
  const firsts: { wall: number; task: number }[] = [];
  const updates: { wall: number; task: number }[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(url);
    await page.waitForFunction(() => 'bench' in window);
    await page.evaluate(
      ([f, ws]) => {
        const b = (window as unknown as { bench: { put: (k: string, v: unknown) => void } }).bench;
        b.put('first', f);
        ws.forEach((w, i) => b.put(`w${i}`, w));
      },
      [first, windows] as const,
    );
    await step(page, cdp, 'load', library);
    firsts.push(await step(page, cdp, 'draw', 'first'));
    for (let i = 0; i < windows.length; i++) updates.push(await step(page, cdp, 'update', `w${i}`));
    await page.close();
  }
  return {
    'first ms': Math.round(median(firsts.map((f) => f.wall))),
    'first task ms': Math.round(median(firsts.map((f) => f.task))),
    'update ms p50': Math.round(median(updates.map((u) => u.wall))),
    'update ms p95': Math.round(p95(updates.map((u) => u.wall))),
    'update task ms p50': Math.round(median(updates.map((u) => u.task))),
  };
}

type App = ReturnType<typeof createApp>;

async function answer(app: App, path: string): Promise<unknown> {
  const response = await app.request(path);
  if (response.status !== 200) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

/** Twelve-month windows ending in successive months, as the graph page's slider steps. */
function slidingWindows(count: number): { since: string; until: string }[] {
  const month = (index: number) =>
    `${2023 + Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  return Array.from({ length: count }, (_, i) => ({ since: month(i + 1), until: month(i + 12) }));
}

export async function compareLibraries(browser: Browser, app: App, links: number): Promise<BenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-render-libraries-'));
  try {
    const sizes = await buildHarness(dir);
    const server = await serve(dir);
    const windows = slidingWindows(6);
    const series = {
      first: ((await answer(app, '/api/relations?a=IRN&b=CHN&by=week')) as { buckets: unknown }).buckets,
      windows: await Promise.all(
        windows.map(
          async (w) =>
            (
              (await answer(app, `/api/relations?a=IRN&b=CHN&by=week&since=${w.since}&until=${w.until}`)) as {
                buckets: unknown;
              }
            ).buckets,
        ),
      ),
    };
    const graph = async (maxEdges: number) => ({
      first: await answer(app, `/api/graph?maxEdges=${maxEdges}`),
      windows: await Promise.all(
        windows.map((w) => answer(app, `/api/graph?maxEdges=${maxEdges}&since=${w.since}&until=${w.until}`)),
      ),
    });
    const jobs = [
      { job: 'relations IRN–CHN by week', data: series, libraries: ['uplot', 'echarts'] },
      {
        job: '2,000 actors, strongest 20,000 links',
        data: await graph(20_000),
        libraries: ['sigma', 'cytoscape'],
      },
      {
        job: `2,000 actors, all ${links} links`,
        data: await graph(50_000),
        libraries: ['sigma', 'cytoscape'],
      },
    ];
    const rows: BenchResult['rows'] = [];
    for (const { job, data, libraries } of jobs)
      for (const library of libraries) {
        const size = sizes.get(library)!;
        rows.push({
          job,
          library,
          ...(await measure(browser, server.url, library, data.first, data.windows)),
          bytes: size.bytes,
          gzip: size.gzip,
        });
      }
    await server.close();
    return {
      name: `web-render libraries: each choice against an alternative on ${links + 2000} stored events (Chromium)`,
      rows,
      notes: [
        `${ROUNDS} fresh pages per library and job; first = draw call to painted frame; update = the next 12-month window drawn over the last (${windows.length} per page)`,
        'ms = wall time in the page; task ms = the page main thread (CDP TaskDuration), GPU-process raster excluded',
        'bytes/gzip = the library chunk and what it imports, built by Vite from web/bench-render',
      ],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
