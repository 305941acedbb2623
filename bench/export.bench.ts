// Export throughput and memory: 1M generated events (SQLITE, written straight into a fresh store's
// tables) exported as JSON lines, CSV and GDELT rows to a sink that drops the bytes. Reports rows/s
// and peak RSS above the level before the export; flat memory means the peak does not grow with
// the row count. Run: npm run bench -- export   (SITREP_BENCH_EVENTS=n to change the count).
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { exportLines, type ExportFormat } from '../src/export/index.ts';
import { openStore } from '../src/store/index.ts';
import type { BenchResult } from './run.ts';

const EVENTS = Number(process.env.SITREP_BENCH_EVENTS || 1_000_000);
const PER_DOCUMENT = 1000;
const COUNTRIES = ['KEN', 'BRA', 'JPN', 'UKR', 'IND', 'EGY', 'SWE', 'GHA', 'IRN', 'ITA'];
const CAMEO = [
  ['042', 'CONSULT', 1, 1.9],
  ['112', 'ACCUSE', 3, -2],
  ['057', 'AGREE', 1, 8],
  ['141', 'PROTEST', 3, -6.5],
  ['173', 'COERCE', 4, -7],
] as const;

/** Writes documents and events with plain SQL: generating through the pipeline would take hours. */
function generate(path: string): void {
  const db = new Database(path);
  const addDoc = db.prepare(
    `INSERT INTO documents (id, sha256, origin, content_type, raw, raw_encoding, raw_size, title, url, published,
       text, reading, sort_at, added_at) VALUES (?, ?, ?, 'text/plain', ?, 'identity', 4, ?, ?, ?, 'text', ?, ?, ?)`,
  );
  const addEvent = db.prepare(
    `INSERT INTO events (document_id, ordinal, plover, cameo, quad_class, goldstein, source_name, source_key,
       source_country, source_code, target_name, target_key, target_country, target_code, date, effective_date,
       modality, evidence_start, evidence_end, evidence_text, confidence, data)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'happened', 0, 40, ?, 0.8, ?)`,
  );
  const reading = JSON.stringify({
    article: { title: 'Generated', text: '' },
    entities: [],
    quotes: [],
    events: [],
  });
  const write = db.transaction((docIndex: number) => {
    const id = docIndex.toString(16).padStart(16, '0');
    const day = `2024-${String((docIndex % 12) + 1).padStart(2, '0')}-${String((docIndex % 28) + 1).padStart(2, '0')}`;
    addDoc.run(
      id,
      id.repeat(4),
      `bench-${docIndex}`,
      Buffer.from('text'),
      `Generated ${docIndex}`,
      `https://news.example/${docIndex}`,
      day,
      reading,
      day,
      new Date().toISOString(),
    );
    for (let ordinal = 0; ordinal < PER_DOCUMENT && docIndex * PER_DOCUMENT + ordinal < EVENTS; ordinal++) {
      const [cameo, plover, quad, goldstein] = CAMEO[ordinal % CAMEO.length]!;
      const a = COUNTRIES[ordinal % COUNTRIES.length]!;
      const b = COUNTRIES[(ordinal + docIndex + 1) % COUNTRIES.length]!;
      const evidence = `Officials of ${a} and ${b} met on ${day}, a spokesman said.`;
      const event = {
        plover,
        mode: null,
        cameo,
        quadClass: quad,
        goldstein,
        source: { name: `${a} government`, country: a, code: `${a}GOV`, sector: 'GOV', entityId: null },
        target: { name: `${b} government`, country: b, code: `${b}GOV`, sector: 'GOV', entityId: null },
        date: day,
        location: null,
        modality: 'happened',
        evidence: { start: 0, end: 40, text: evidence },
        confidence: 0.8,
      };
      addEvent.run(
        id,
        ordinal,
        plover,
        cameo,
        quad,
        goldstein,
        event.source.name,
        ` ${a.toLowerCase()} government `,
        a,
        `${a}GOV`,
        event.target.name,
        ` ${b.toLowerCase()} government `,
        b,
        `${b}GOV`,
        day,
        day,
        evidence,
        JSON.stringify(event),
      );
    }
  });
  for (let doc = 0; doc * PER_DOCUMENT < EVENTS; doc++) write(doc);
  db.close();
}

export default async function run(): Promise<BenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-bench-export-'));
  const path = join(dir, 'sitrep.db');
  try {
    await (await openStore({ kind: 'sqlite', path })).close(); // creates the schema
    const started = performance.now();
    generate(path);
    const generateSeconds = (performance.now() - started) / 1000;
    const store = await openStore({ kind: 'sqlite', path });
    const rows: BenchResult['rows'] = [];
    for (const format of ['jsonl', 'csv', 'gdelt'] as ExportFormat[]) {
      global.gc?.();
      const before = process.memoryUsage().rss;
      let peak = before;
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
      const start = performance.now();
      const cpuBefore = process.cpuUsage();
      let count = 0;
      let bytes = 0;
      for await (const line of exportLines(store, 'events', format, {})) {
        count++;
        bytes += line.length;
      }
      const seconds = (performance.now() - start) / 1000;
      const cpu = process.cpuUsage(cpuBefore);
      const cpuSeconds = (cpu.user + cpu.system) / 1e6;
      clearInterval(sampler);
      peak = Math.max(peak, process.memoryUsage().rss);
      rows.push({
        format,
        rows: count - (format === 'csv' ? 1 : 0),
        seconds: Number(seconds.toFixed(1)),
        'rows/s': Math.round(count / seconds),
        // CPU time of this process: steadier than the wall clock on a machine shared with others.
        'CPU s': Number(cpuSeconds.toFixed(1)),
        'rows/CPU s': Math.round(count / cpuSeconds),
        'MB written': Number((bytes / 1e6).toFixed(0)),
        'RSS before MB': Math.round(before / 1e6),
        'peak RSS MB': Math.round(peak / 1e6),
      });
    }
    await store.close();
    return {
      name: `export (${EVENTS.toLocaleString('en')} generated events, SQLite)`,
      rows,
      notes: [
        `generating the events took ${generateSeconds.toFixed(0)} s`,
        `load average at the end: ${loadavg()
          .map((l) => l.toFixed(1))
          .join(' ')} on ${availableParallelism()} cores`,
      ],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
