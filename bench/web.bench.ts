// The workspace API and the front end: relations and graph answers (p50/p95) on 100k stored events
// between 60 countries over 24 months, and the size of the built bundle.
// Run: npm run bench -- web   (SITREP_BENCH_EVENTS=n to change the number of events)
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createApp } from '../src/server/index.ts';
import { openStore } from '../src/store/index.ts';
import { WEB_DIST } from '../src/server/web-files.ts';
import { eventArticle, seeded, type PlannedEvent } from '../test/helpers/generated-events.ts';
import type { BenchResult } from './run.ts';

const EVENTS = Number(process.env.SITREP_BENCH_EVENTS || 100_000);
const PER_ARTICLE = 100;
const COUNTRIES = [
  'IRN',
  'CHN',
  'USA',
  'RUS',
  'GBR',
  'FRA',
  'DEU',
  'IND',
  'PAK',
  'TUR',
  'SAU',
  'ISR',
  'EGY',
  'JPN',
  'KOR',
  'PRK',
  'BRA',
  'ZAF',
  'NGA',
  'KEN',
  'UKR',
  'POL',
  'ITA',
  'ESP',
  'CAN',
  'MEX',
  'ARG',
  'AUS',
  'IDN',
  'VNM',
  'THA',
  'PHL',
  'MYS',
  'SGP',
  'IRQ',
  'SYR',
  'LBN',
  'JOR',
  'ARE',
  'QAT',
  'AFG',
  'BGD',
  'LKA',
  'NPL',
  'ETH',
  'SDN',
  'DZA',
  'MAR',
  'TUN',
  'LBY',
  'VEN',
  'COL',
  'PER',
  'CHL',
  'CUB',
  'BLR',
  'KAZ',
  'UZB',
  'AZE',
  'ARM',
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function timeRoute(app: ReturnType<typeof createApp>, paths: string[], rounds: number) {
  const times: number[] = [];
  const cpu: number[] = [];
  // One request first, not counted: the first lookup loads the knowledge base (once per process).
  for (const path of paths) await (await app.request(path)).arrayBuffer();
  for (let r = 0; r < rounds; r++)
    for (const path of paths) {
      const start = performance.now();
      const used = process.cpuUsage();
      const response = await app.request(path);
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
      times.push(performance.now() - start);
      // SQLite answers in this process, so its CPU time is the request's cost whatever the machine's load.
      const spent = process.cpuUsage(used);
      cpu.push((spent.user + spent.system) / 1000);
    }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return {
    p50: percentile(times, 50).toFixed(1),
    p95: percentile(times, 95).toFixed(1),
    'cpu p50': percentile(cpu, 50).toFixed(1),
    'cpu p95': percentile(cpu, 95).toFixed(1),
    requests: times.length,
  };
}

function bundleSizes(): { file: string; bytes: number; gzip: number }[] {
  const assets = join(WEB_DIST, 'assets');
  return readdirSync(assets).map((file) => {
    const body = readFileSync(join(assets, file));
    return { file, bytes: statSync(join(assets, file)).size, gzip: gzipSync(body).length };
  });
}

export default async function bench(): Promise<BenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-web-bench-'));
  const store = await openStore({ kind: 'sqlite', path: join(dir, 'bench.db') });
  try {
    const random = seeded(7);
    const pick = () => COUNTRIES[Math.floor(random() * COUNTRIES.length)]!;
    const loadStart = performance.now();
    for (let i = 0; i < EVENTS / PER_ARTICLE; i++) {
      const planned: PlannedEvent[] = [];
      for (let j = 0; j < PER_ARTICLE; j++) {
        const source = random() < 0.2 ? 'IRN' : pick();
        let target = random() < 0.2 ? 'CHN' : pick();
        if (target === source) target = source === 'USA' ? 'CHN' : 'USA';
        const month = Math.floor(random() * 24);
        const date = `${2023 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
        const quadClass = (1 + Math.floor(random() * 4)) as 1 | 2 | 3 | 4;
        planned.push({ source, target, date, quadClass, goldstein: quadClass <= 2 ? 4 : -6 });
      }
      await store.addDocument(eventArticle(`bench${i}`, planned));
    }
    const loadSeconds = (performance.now() - loadStart) / 1000;
    const app = createApp({ store });
    const rows: BenchResult['rows'] = [
      {
        route: 'relations IRN-CHN by month',
        ...(await timeRoute(app, ['/api/relations?a=IRN&b=CHN&by=month'], 20)),
      },
      {
        route: 'relations IRN-CHN by week',
        ...(await timeRoute(app, ['/api/relations?a=Iran&b=China&by=week'], 20)),
      },
      {
        route: 'relations events, one month',
        ...(await timeRoute(
          app,
          ['/api/relations/events?a=IRN&b=CHN&since=2023-06-01&until=2023-06-30&limit=200'],
          20,
        )),
      },
      {
        route: 'actor events IRN, one month',
        ...(await timeRoute(app, ['/api/actors/IRN/events?since=2023-06-01&until=2023-06-30&limit=200'], 20)),
      },
      { route: 'actor partners IRN', ...(await timeRoute(app, ['/api/actors/IRN/partners'], 20)) },
      { route: 'graph, all events', ...(await timeRoute(app, ['/api/graph'], 10)) },
      {
        route: 'graph, 3-month window',
        ...(await timeRoute(app, ['/api/graph?since=2024-01&until=2024-03'], 10)),
      },
    ];
    const sizes = bundleSizes();
    const total = sizes.reduce((s, f) => s + f.bytes, 0);
    const gzip = sizes.reduce((s, f) => s + f.gzip, 0);
    for (const f of sizes)
      rows.push({
        route: `bundle ${f.file}`,
        p50: null,
        p95: null,
        'cpu p50': null,
        'cpu p95': null,
        requests: null,
        bytes: f.bytes,
        gzip: f.gzip,
      });
    return {
      name: `web: workspace API on ${EVENTS} stored events (SQLite), times in ms; bundle sizes in bytes`,
      rows,
      notes: [
        `stored ${EVENTS} events in ${EVENTS / PER_ARTICLE} articles in ${loadSeconds.toFixed(1)} s`,
        `bundle total ${total} bytes, ${gzip} gzipped (pages that draw load uPlot or sigma on demand)`,
        `load average during the run: ${loadavg()
          .map((n) => n.toFixed(1))
          .join(' ')} on ${availableParallelism()} cores (wall times grow with it)`,
      ],
    };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
