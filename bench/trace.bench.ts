// Tracing speed and memory on a generated stream (../shared/eval/make-trace-stream.mjs): documents
// per second for tracing alone (JSON parsing and generation not counted), per 100,000 documents so
// a cost growing with the index shows, CPU time of this process beside wall time (the machine may be
// shared), and peak RSS. Then the stored path (`sitrep add`'s tracing: read the neighbourhood's
// fingerprints back from the store, trace, write) on SQLite and, when SITREP_TEST_PG is set, on
// PostgreSQL, per slice of the stream so a cost growing with the store's size shows.
// Run: npm run bench -- trace   (SITREP_BENCH_TRACE_DOCS, default 100000, 1000000 for the full run;
// SITREP_BENCH_TRACE_STORED, default 20000, SITREP_BENCH_TRACE_STORES; skipped with a note when ../shared/eval is not there).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { articleFromText } from '../src/extract/index.ts';
import { traceStoredDocument } from '../src/pipeline/index.ts';
import { forgetWarmIndex } from '../src/pipeline/trace-stored.ts';
import pg from 'pg';
import { openStore, type Store, type StoreConfig } from '../src/store/index.ts';
import { Tracer, type TraceInput } from '../src/trace/index.ts';
import type { BenchResult } from './run.ts';

const GENERATOR = fileURLToPath(new URL('../../shared/eval/make-trace-stream.mjs', import.meta.url));
const DOCS = Number(process.env.SITREP_BENCH_TRACE_DOCS || 100_000);
const STORED_DOCS = Number(process.env.SITREP_BENCH_TRACE_STORED || 20_000);
/** Per 100k stored documents, as in memory; a fifth of a shorter run. */
const STORED_SLICE = STORED_DOCS >= 200_000 ? 100_000 : Math.max(1, Math.round(STORED_DOCS / 5));
const PG_URL = process.env.SITREP_TEST_PG;
/** Which stores the stored path runs on (SITREP_BENCH_TRACE_STORES=sqlite or postgres for one). */
const STORES = (process.env.SITREP_BENCH_TRACE_STORES || 'sqlite,postgres').split(',');
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

/** Documents parsed ahead and traced as one timed batch: a clock read per document would cost more than some documents. */
const BATCH = 1000;

async function inMemory(rows: BenchResult['rows']): Promise<void> {
  const tracer = new Tracer();
  let sliceMs = 0;
  let sliceCpu = 0;
  let sliceStart = 0;
  let peak = 0;
  let batch: TraceInput[] = [];
  const trace = (): void => {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    for (const input of batch) tracer.add(input);
    sliceMs += performance.now() - t0;
    const cpu = process.cpuUsage(c0);
    sliceCpu += (cpu.user + cpu.system) / 1000;
    batch = [];
    peak = Math.max(peak, process.memoryUsage().rss);
    if (tracer.size - sliceStart >= SLICE || tracer.size === DOCS) {
      rows.push(sliceRow('in memory', sliceStart, tracer.size, sliceMs, sliceCpu, peak));
      sliceMs = 0;
      sliceCpu = 0;
      sliceStart = tracer.size;
    }
  };
  for await (const input of stream(DOCS)) {
    batch.push(input);
    if (batch.length === Math.min(BATCH, SLICE - ((tracer.size - sliceStart) % SLICE))) trace();
  }
  if (batch.length) trace();
  let derived = 0;
  for (const result of tracer.results()) if (result.parent) derived++;
  rows.push({ path: 'in memory', documents: `derived ${derived} of ${tracer.size}`, 'docs/s': null });
}

async function stored(rows: BenchResult['rows'], kind: 'sqlite' | 'postgres'): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-trace-bench-'));
  const schema = `trace_bench_${process.pid}`;
  const config: StoreConfig =
    kind === 'sqlite' ? { kind, path: join(dir, 'sitrep.db') } : { kind, url: PG_URL!, schema };
  let store = await openStore(config);
  const label = kind === 'sqlite' ? 'SQLite store' : 'PostgreSQL store';
  try {
    let ms = 0;
    let cpuMs = 0;
    let n = 0;
    let derived = 0;
    let sliceStart = 0;
    let peak = 0;
    let last: TraceInput | null = null;
    // as `sitrep add` stores a batch: each document one unit (stored, then traced under the tracing
    // lock), units grouped into commits by the store; only the trace step is timed
    await store.batched(async () => {
      for await (const input of stream(STORED_DOCS)) {
        last = input;
        const reading = bareReading(input);
        await store.unit(async () => {
          const id = await addUnderTraceLock(store, input, reading);
          const c0 = process.cpuUsage();
          const t0 = performance.now();
          const record = await traceStoredDocument(store, id, reading.article);
          ms += performance.now() - t0;
          const cpu = process.cpuUsage(c0);
          cpuMs += (cpu.user + cpu.system) / 1000;
          if (record.parent) derived++;
        });
        n++;
        if (n % 1000 === 0) peak = Math.max(peak, process.memoryUsage().rss);
        if (n % STORED_SLICE === 0 || n === STORED_DOCS) {
          peak = Math.max(peak, process.memoryUsage().rss);
          rows.push(sliceRow(label, sliceStart, n, ms, cpuMs, peak));
          ms = 0;
          cpuMs = 0;
          sliceStart = n;
        }
      }
    });
    rows.push({ path: label, documents: `derived ${derived} of ${n}`, 'docs/s': null });
    if (last) await afterRestart(rows, label, (store = await reopen(store, config)), last);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
    if (kind === 'postgres') {
      const client = new pg.Client({ connectionString: PG_URL });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    }
  }
}

async function reopen(store: Store, config: StoreConfig): Promise<Store> {
  // as a new process: the closed store's warm index is not held beside the one loaded next
  forgetWarmIndex(store);
  await store.close();
  return openStore(config);
}

/** A generated document's reading as the trace step needs it: the article alone. */
function bareReading(input: TraceInput) {
  return {
    article: { ...articleFromText(input.text, input), site: input.site ?? null },
    entities: [],
    quotes: [],
    events: [],
  };
}

/** Stores a document as `sitrep add` does before tracing it: in the caller's unit, under the tracing lock. */
async function addUnderTraceLock(
  store: Store,
  input: TraceInput,
  reading: ReturnType<typeof bareReading>,
): Promise<string> {
  await store.lockTracing();
  const { id } = await store.addDocument({
    raw: Buffer.from(JSON.stringify(input)),
    contentType: 'text/plain',
    origin: input.id,
    reading,
  });
  return id;
}

/**
 * What a process starting on the filled store pays for its first trace: loading the warm index
 * (the newest window of stored fingerprints) and tracing one copy of the last document.
 */
async function afterRestart(
  rows: BenchResult['rows'],
  label: string,
  store: Store,
  input: TraceInput,
): Promise<void> {
  const copy = { ...input, id: `${input.id}-again`, text: `${input.text}\n\nvia the bench` };
  const reading = bareReading(copy);
  const rss0 = process.memoryUsage().rss;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const record = await store.unit(async () =>
    traceStoredDocument(store, await addUnderTraceLock(store, copy, reading), reading.article),
  );
  const cpu = process.cpuUsage(c0);
  rows.push({
    path: label,
    documents: `first trace after a restart (${record.parent ? 'copy found' : 'copy NOT found'})`,
    'docs/s': null,
    'ms per 100k': null,
    'wall ms': Math.round(performance.now() - t0),
    'CPU ms': Math.round((cpu.user + cpu.system) / 1000),
    'peak RSS MB': Math.round(Math.max(rss0, process.memoryUsage().rss) / 2 ** 20),
  });
}

function storesNote(): string {
  const names = [STORES.includes('sqlite') ? 'SQLite' : null];
  if (STORES.includes('postgres')) names.push(PG_URL ? 'PostgreSQL' : 'PostgreSQL: set SITREP_TEST_PG');
  return names.filter(Boolean).join(', ');
}

export default async function bench(): Promise<BenchResult> {
  const rows: BenchResult['rows'] = [];
  if (!existsSync(GENERATOR)) {
    return { name: 'trace', rows, notes: [`skipped: ${GENERATOR} not found`] };
  }
  if (DOCS > 0) await inMemory(rows);
  if (STORED_DOCS > 0 && STORES.includes('sqlite')) await stored(rows, 'sqlite');
  if (STORED_DOCS > 0 && PG_URL && STORES.includes('postgres')) await stored(rows, 'postgres');
  return {
    name: 'trace',
    rows,
    notes: [
      `tracing alone (generation and JSON parsing excluded); one thread; ${DOCS} generated documents in memory, ${STORED_DOCS} through the store (${storesNote()})`,
      "docs/s CPU: by this process's CPU time (GC threads included), for a machine shared with other work",
    ],
  };
}

/** One slice's row (documents after `from` up to `to`), printed as it is made so a long run shows progress. */
function sliceRow(path: string, from: number, to: number, ms: number, cpuMs: number, peakRss: number) {
  const n = to - from;
  const row = {
    path,
    documents: `${from + 1}-${to}`,
    'docs/s': Math.round((n / ms) * 1000),
    'docs/s CPU': Math.round((n / cpuMs) * 1000),
    'ms per 100k': Math.round((ms / n) * 100_000),
    'CPU ms per 100k': Math.round((cpuMs / n) * 100_000),
    'peak RSS MB': Math.round(peakRss / 2 ** 20),
  };
  console.log(`trace bench: ${JSON.stringify(row)}`);
  return row;
}
