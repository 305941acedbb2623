// Extraction speed and quality: sitrep's extractArticle beside @mozilla/readability on linkedom,
// over the pages of ../shared/data/extraction. Each extractor runs in its own child process
// (this file, started with --extract-worker) so that peak RSS is its own; quality is the F1 of
// ../shared/eval/score-extraction.mjs on the JSONL each worker writes.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchResult } from './run.ts';

// ../shared beside the repository (or beside the folder of worktrees); SITREP_SHARED_DIR overrides.
const SHARED =
  [process.env.SITREP_SHARED_DIR, '../../shared/', '../../../shared/']
    .filter((p): p is string => Boolean(p))
    .map((p) => (p.startsWith('.') ? fileURLToPath(new URL(p, import.meta.url)) : p))
    .find((p) => existsSync(join(p, 'data/extraction'))) ??
  fileURLToPath(new URL('../../shared/', import.meta.url));
const DATA_DIR = join(SHARED, 'data/extraction');
const SCORER = join(SHARED, 'eval/score-extraction.mjs');
const PASSES = 3;
type Extractor = 'sitrep' | 'readability+linkedom';

interface WorkerReport {
  pages: number;
  bytes: number;
  seconds: number;
  /** User + system CPU time of the fastest pass. */
  cpuSeconds: number;
  maxRssMb: number;
}

export default async function bench(): Promise<BenchResult> {
  const name = 'extract: extractArticle vs @mozilla/readability on linkedom';
  if (!existsSync(join(DATA_DIR, 'html')) || !existsSync(SCORER)) {
    return {
      name,
      rows: [],
      notes: [`shared data folder missing (${DATA_DIR} or ${SCORER}): table skipped`],
    };
  }
  const tmp = mkdtempSync(join(tmpdir(), 'sitrep-bench-extract-'));
  try {
    const rows = (['sitrep', 'readability+linkedom'] as Extractor[]).map((extractor) => {
      const jsonl = join(tmp, `${extractor.replace(/\W/g, '-')}.jsonl`);
      const report = runWorker(extractor, jsonl);
      const quality = score(jsonl);
      return {
        extractor,
        pages: report.pages,
        'pages/s': round(report.pages / report.seconds, 1),
        'pages/CPU-s': round(report.pages / report.cpuSeconds, 1),
        'MB/s': round(report.bytes / 1024 / 1024 / report.seconds, 2),
        'peak RSS MB': round(report.maxRssMb, 0),
        F1: quality.f1,
        precision: quality.precision,
        recall: quality.recall,
      };
    });
    const [ours, theirs] = rows;
    const ratio = ours && theirs ? ours['pages/CPU-s'] / theirs['pages/CPU-s'] : NaN;
    return {
      name,
      rows,
      notes: [
        `sitrep / Readability pages per CPU-second: ${round(ratio, 2)}x`,
        `${DATA_DIR}: pages/s, pages per CPU-second (user + system) and MB/s over the best of ${PASSES} passes after warm-up; peak RSS of each worker process (Node + tsx included).`,
        `quality: node ${SCORER} <jsonl> ${DATA_DIR}`,
      ],
    };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

function runWorker(extractor: Extractor, jsonl: string): WorkerReport {
  const self = fileURLToPath(import.meta.url);
  const child = spawnSync(process.execPath, ['--import', 'tsx', self, '--extract-worker', extractor, jsonl], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  if (child.status !== 0) throw new Error(`bench worker ${extractor} failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').pop()!) as WorkerReport;
}

function score(jsonl: string): { f1: number | null; precision: number | null; recall: number | null } {
  const out = spawnSync(process.execPath, [SCORER, jsonl, DATA_DIR], { encoding: 'utf8' }).stdout;
  const m = /F1 ([\d.]+) precision ([\d.]+) recall ([\d.]+)/.exec(out);
  return m
    ? { f1: Number(m[1]), precision: Number(m[2]), recall: Number(m[3]) }
    : { f1: null, precision: null, recall: null };
}

function round(n: number, digits: number): number {
  return Number(n.toFixed(digits));
}

// ---- worker side

async function loadExtractor(extractor: Extractor): Promise<(bytes: Buffer, name: string) => string> {
  if (extractor === 'sitrep') {
    const { extractArticle } = await import('../src/extract/index.ts');
    return (bytes, name) => extractArticle({ bytes, contentType: 'text/html', url: null, name }).text;
  }
  const { parseHTML } = await import('linkedom');
  const { Readability } = await import('@mozilla/readability');
  return (bytes) => {
    const { document } = parseHTML(bytes.toString('utf8'));
    return new Readability(document as unknown as Document).parse()?.textContent ?? '';
  };
}

async function worker(extractor: Extractor, jsonl: string): Promise<void> {
  const dir = join(DATA_DIR, 'html');
  const pages = readdirSync(dir)
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((f) => ({ path: join(dir, f), bytes: readFileSync(join(dir, f)) }));
  const extract = await loadExtractor(extractor);
  const run = (): { seconds: number; cpuSeconds: number; lines: string[] } => {
    const lines: string[] = [];
    const cpuStart = process.cpuUsage();
    const start = process.hrtime.bigint();
    for (const page of pages) {
      try {
        lines.push(JSON.stringify({ input: page.path, article: { text: extract(page.bytes, page.path) } }));
      } catch (error) {
        lines.push(JSON.stringify({ input: page.path, error: { message: String(error) } }));
      }
    }
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    const cpu = process.cpuUsage(cpuStart);
    return { seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, lines };
  };
  run(); // warm-up
  let best = Infinity;
  let bestCpu = Infinity;
  let lines: string[] = [];
  for (let i = 0; i < PASSES; i++) {
    const pass = run();
    best = Math.min(best, pass.seconds);
    bestCpu = Math.min(bestCpu, pass.cpuSeconds);
    lines = pass.lines;
  }
  writeFileSync(jsonl, `${lines.join('\n')}\n`);
  const bytes = pages.reduce((n, p) => n + p.bytes.length, 0);
  const report: WorkerReport = {
    pages: pages.length,
    bytes,
    seconds: best,
    cpuSeconds: bestCpu,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  };
  console.log(JSON.stringify(report));
}

const workerAt = process.argv.indexOf('--extract-worker');
if (workerAt >= 0) await worker(process.argv[workerAt + 1] as Extractor, process.argv[workerAt + 2]!);
