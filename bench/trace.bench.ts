// Tracing speed and memory on a generated stream (../shared/eval/make-trace-stream.mjs): documents
// per second for tracing alone (JSON parsing and generation not counted), per 100,000 documents so
// a cost growing with the index shows, and peak RSS. Then the stored path (`sitrep add`'s tracing:
// read the neighbourhood back from SQLite, trace, write) on a smaller stream.
// Run: npm run bench -- trace   (SITREP_BENCH_TRACE_DOCS, default 100000; SITREP_BENCH_TRACE_STORED,
// default 2000; skipped with a note when ../shared/eval is not there).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { articleFromText } from '../src/extract/index.ts';
import { traceStoredDocument } from '../src/pipeline/index.ts';
import { openStore } from '../src/store/index.ts';
import { Tracer, type TraceInput } from '../src/trace/index.ts';
import type { BenchResult } from './run.ts';

const GENERATOR = fileURLToPath(new URL('../../shared/eval/make-trace-stream.mjs', import.meta.url));
const DOCS = Number(process.env.SITREP_BENCH_TRACE_DOCS || 100_000);
const STORED_DOCS = Number(process.env.SITREP_BENCH_TRACE_STORED || 2000);
const SLICE = Math.min(100_000, DOCS);

async function* stream(n: number): AsyncGenerator<TraceInput> {
  const child = spawn(process.execPath, [GENERATOR, String(n)], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, TRACE_WORKERS: '1' },
  });
  for await (const line of createInterface({ input: child.stdout })) {
    if (line.trim()) yield JSON.parse(line) as TraceInput;
  }
}

async function inMemory(rows: BenchResult['rows']): Promise<void> {
  const tracer = new Tracer();
  let sliceMs = 0;
  let sliceStart = 0;
  let peak = 0;
  let derived = 0;
  for await (const input of stream(DOCS)) {
    const t0 = performance.now();
    tracer.add(input);
    sliceMs += performance.now() - t0;
    if (tracer.size % 1000 === 0) peak = Math.max(peak, process.memoryUsage().rss);
    if (tracer.size % SLICE === 0 || tracer.size === DOCS) {
      const n = tracer.size - sliceStart;
      rows.push({
        path: 'in memory',
        documents: `${sliceStart + 1}-${tracer.size}`,
        'docs/s': Math.round((n / sliceMs) * 1000),
        'ms per 100k': Math.round((sliceMs / n) * 100_000),
        'peak RSS MB': Math.round(peak / 2 ** 20),
      });
      sliceMs = 0;
      sliceStart = tracer.size;
    }
  }
  for (const doc of tracer.docs) if (doc.parent) derived++;
  rows.push({ path: 'in memory', documents: `derived ${derived} of ${tracer.size}`, 'docs/s': null });
}

async function stored(rows: BenchResult['rows']): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-trace-bench-'));
  const store = await openStore({ kind: 'sqlite', path: join(dir, 'sitrep.db') });
  try {
    let ms = 0;
    let n = 0;
    for await (const input of stream(STORED_DOCS)) {
      const reading = {
        article: { ...articleFromText(input.text, input), site: input.site ?? null },
        entities: [],
        quotes: [],
        events: [],
      };
      const { id } = await store.addDocument({
        raw: Buffer.from(JSON.stringify(input)),
        contentType: 'text/plain',
        origin: input.id,
        reading,
      });
      const t0 = performance.now();
      await traceStoredDocument(store, id, reading.article);
      ms += performance.now() - t0;
      n++;
    }
    rows.push({
      path: 'SQLite store',
      documents: `1-${n}`,
      'docs/s': Math.round((n / ms) * 1000),
      'ms per 100k': Math.round((ms / n) * 100_000),
      'peak RSS MB': Math.round(process.memoryUsage().rss / 2 ** 20),
    });
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export default async function bench(): Promise<BenchResult> {
  const rows: BenchResult['rows'] = [];
  if (!existsSync(GENERATOR)) {
    return { name: 'trace', rows, notes: [`skipped: ${GENERATOR} not found`] };
  }
  await inMemory(rows);
  if (STORED_DOCS > 0) await stored(rows);
  return {
    name: 'trace',
    rows,
    notes: [
      `tracing alone (generation and JSON parsing excluded); one thread; ${DOCS} generated documents in memory, ${STORED_DOCS} through the SQLite store`,
    ],
  };
}
