// `npm run bench -- server`: is `sitrep serve` responsive while heavy work runs? (1) p95 latency of
// GET /api/documents?limit=5 over 20 requests made while a 1 MB analysis is in flight; (2) 20
// heavy analyses at once: how many answered, how many were refused with Retry-After (429/503),
// how many were lost (connection errors or other statuses), and the server's peak memory.
// The server runs as a separate process on 127.0.0.1, as a user runs it.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import type { BenchResult } from './run.ts';

const root = new URL('..', import.meta.url).pathname;
const READS = 20;
const HEAVY = 20;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** Sample prose repeated to `bytes`: realistic sentences, not one endless word. */
function textOf(bytes: number): string {
  const sample = readFileSync(join(root, 'sample-data/zerohedge-iran-china-2022-04-27.txt'), 'utf8');
  let text = '';
  while (text.length < bytes) text += sample + '\n\n';
  return text.slice(0, bytes);
}

async function waitUntilUp(base: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('sitrep serve did not start within 2 minutes');
}

function peakRssMb(pid: number): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmHWM:\s+(\d+)/.exec(status)?.[1];
    return kb ? Math.round(Number(kb) / 1024) : null;
  } catch {
    return null;
  }
}

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
};

/** An analyst account and an API token for it, made the way a user makes them. */
function analystToken(dir: string, env: NodeJS.ProcessEnv): string {
  const cli = (...args: string[]) =>
    execFileSync(process.execPath, [join(root, 'bin/sitrep.js'), '--data-dir', dir, ...args], {
      env,
      encoding: 'utf8',
    });
  cli('user', 'add', 'bench', '--role', 'analyst');
  return cli('user', 'token', 'bench').trim();
}

let auth: Record<string, string> = {};

const analyze = (base: string, text: string) =>
  fetch(`${base}/api/analyze`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json' },
    body: JSON.stringify({ text }),
  });

export default async function serverBench(): Promise<BenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-bench-server-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env = { ...process.env };
  delete env.SITREP_DATABASE_URL;
  auth = { authorization: `Bearer ${analystToken(dir, env)}` };
  const server = spawn(
    process.execPath,
    [join(root, 'bin/sitrep.js'), '--data-dir', dir, 'serve', '--port', String(port)],
    {
      env,
      stdio: 'ignore',
    },
  );
  try {
    await waitUntilUp(base);
    // A few stored documents so the listing has something to return.
    await fetch(`${base}/api/documents`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ text: textOf(3000), title: 'Bench document' }),
    });

    // (1) Reads while a 1 MB analysis is in flight.
    const heavyStarted = performance.now();
    const heavy = analyze(base, textOf(1024 * 1024)).then(async (r) => ({
      status: r.status,
      body: await r.text(),
    }));
    await new Promise((r) => setTimeout(r, 200));
    const latencies: number[] = [];
    for (let i = 0; i < READS; i++) {
      const started = performance.now();
      const response = await fetch(`${base}/api/documents?limit=5`);
      await response.arrayBuffer();
      latencies.push(performance.now() - started);
    }
    const heavyResult = await heavy;
    const heavyMs = performance.now() - heavyStarted;

    // (2) Many heavy requests at once.
    const burstStarted = performance.now();
    const outcomes = await Promise.all(
      Array.from({ length: HEAVY }, () =>
        analyze(base, textOf(100 * 1024)).then(
          async (r) => ({
            status: r.status,
            retryAfter: r.headers.get('retry-after'),
            ok: (await r.text()).length > 0,
          }),
          (error: unknown) => ({ status: 0, retryAfter: null, ok: false, error }),
        ),
      ),
    );
    const burstMs = performance.now() - burstStarted;
    const answered = outcomes.filter((o) => o.status === 200).length;
    const refused = outcomes.filter((o) => (o.status === 429 || o.status === 503) && o.retryAfter).length;
    const lost = HEAVY - answered - refused;
    const rss = peakRssMb(server.pid!);

    return {
      name: 'server: responsiveness under heavy analysis',
      rows: [
        {
          measure: `GET /api/documents?limit=5 during a 1 MB analysis (${READS} requests)`,
          'p50 ms': Math.round(percentile(latencies, 50)),
          'p95 ms': Math.round(percentile(latencies, 95)),
          'max ms': Math.round(Math.max(...latencies)),
          detail: `the analysis answered ${heavyResult.status} after ${Math.round(heavyMs)} ms`,
        },
        {
          measure: `${HEAVY} concurrent 100 KB analyses`,
          'p50 ms': null,
          'p95 ms': null,
          'max ms': Math.round(burstMs),
          detail: `answered ${answered}, refused with Retry-After ${refused}, lost ${lost}; server peak RSS ${rss ?? '?'} MB`,
        },
      ],
      notes: [
        'acceptance: p95 under 1000 ms with the analysis in flight; none lost (excess refused with 429/503 + Retry-After)',
      ],
    };
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
  }
}
