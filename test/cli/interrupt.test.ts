// Interrupted batches lose nothing and store nothing twice: `poll --once` and `add` are killed
// (SIGKILL, SIGINT) while pages are in flight, run again to the end, and every item must then be
// stored exactly once with its whole reading, on SQLite and on PostgreSQL.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import Database from 'better-sqlite3';
import { openStore, type StoreConfig } from '../../src/store/index.ts';
import { runCli, tempDir } from '../helpers/cli.ts';
import { TEST_PG_URL, dropSchema, postgresTarget, uniqueSchema } from '../store/targets.ts';

const ITEMS = 6;
const BIN = join(import.meta.dirname, '../../bin/sitrep.js');
let server: Server;
let base = '';
/** Called with the number of page requests so far, on each one. */
let onPageRequest: (count: number) => void = () => {};
let pageRequests = 0;

const page = (n: number): string =>
  `<!doctype html><html><head><title>Harbour report ${n}</title></head><body><article><h1>Harbour report ${n}</h1>` +
  `<p>${`The port authority in Rotterdam said on Tuesday that berth ${n} would reopen after dredging, and shipping firms welcomed the news. `.repeat(4)}</p>` +
  `</article></body></html>`;

before(async () => {
  server = createServer((req, res) => {
    const match = /^\/news\/(\d+)\.html$/.exec(req.url ?? '');
    if (req.url === '/feed.xml') {
      const items = Array.from(
        { length: ITEMS },
        (_, i) =>
          `<item><guid>report-${i + 1}</guid><title>Harbour report ${i + 1}</title><link>${base}/news/${i + 1}.html</link></item>`,
      ).join('');
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
      res.end(
        `<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour</title>${items}</channel></rss>`,
      );
    } else if (match) {
      onPageRequest(++pageRequests);
      // Slow enough that a signal lands while the batch is under way.
      setTimeout(() => {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(page(Number(match[1])));
      }, 150);
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(() => server.close());

interface Target {
  name: string;
  skip: string | false;
  setup(dataDir: string): Promise<{ env: NodeJS.ProcessEnv; config: StoreConfig; cleanup(): Promise<void> }>;
}

const sqlite: Target = {
  name: 'SQLite',
  skip: false,
  setup(dataDir) {
    return Promise.resolve({
      env: {},
      config: { kind: 'sqlite', path: join(dataDir, 'sitrep.db') },
      cleanup: () => Promise.resolve(),
    });
  },
};

const pgTarget = await postgresTarget();
const postgres: Target = {
  name: 'PostgreSQL',
  skip: pgTarget.skip,
  setup() {
    const schema = uniqueSchema();
    return Promise.resolve({
      env: { SITREP_DATABASE_URL: TEST_PG_URL, SITREP_DATABASE_SCHEMA: schema },
      config: { kind: 'postgres', url: TEST_PG_URL, schema },
      cleanup: () => dropSchema(schema),
    });
  },
};

function childEnv(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env = { ...process.env, ...extra };
  if (!extra.SITREP_DATABASE_URL) delete env.SITREP_DATABASE_URL;
  return env;
}

/** Runs the CLI and sends `signal` when the `at`-th page is requested; resolves with how it ended. */
async function interrupt(args: string[], env: NodeJS.ProcessEnv, signal: NodeJS.Signals, at: number) {
  pageRequests = 0;
  const child = spawn(process.execPath, [BIN, ...args], { env: childEnv(env), stdio: 'ignore' });
  onPageRequest = (count) => {
    if (count === at) child.kill(signal);
  };
  const ended = await new Promise<{ code: number | null; signal: string | null }>((resolve) =>
    child.on('exit', (code, sig) => resolve({ code, signal: sig })),
  );
  onPageRequest = () => {};
  return ended;
}

/** Runs the CLI to the end, in this process (a second spawn would only add start-up time). */
async function runToEnd(args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  const run = await runCli(args, { env: childEnv(env) });
  assert.equal(run.code, 0, `${args.join(' ')}: ${run.stderr}${run.stdout}`);
}

async function assertStoredOnce(config: StoreConfig): Promise<void> {
  const store = await openStore(config);
  try {
    const listed = await store.listDocuments({ limit: 100 });
    const titles = listed.items.map((d) => d.title).sort();
    const expected = Array.from({ length: ITEMS }, (_, i) => `Harbour report ${i + 1}`).sort();
    assert.deepEqual(titles, expected, 'every item stored, none twice');
    for (const summary of listed.items) {
      const doc = await store.getDocument(summary.id);
      assert.ok(doc, summary.id);
      assert.match(doc.reading.article.text, /^The port authority in Rotterdam said on Tuesday/);
      assert.ok(
        doc.reading.entities.some((e) => e.name === 'Rotterdam'),
        'the reading is whole',
      );
    }
  } finally {
    await store.close();
  }
  if (config.kind === 'sqlite') {
    const db = new Database(config.path, { readonly: true });
    try {
      assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
    } finally {
      db.close();
    }
  }
}

// Each command meets each signal and each database once (a spawned CLI takes seconds to start).
const cases: { command: 'poll' | 'add'; signal: NodeJS.Signals; target: Target }[] = [
  { command: 'poll', signal: 'SIGKILL', target: sqlite },
  { command: 'poll', signal: 'SIGINT', target: postgres },
  { command: 'add', signal: 'SIGKILL', target: postgres },
  { command: 'add', signal: 'SIGINT', target: sqlite },
];

for (const { command, signal, target } of cases) {
  test(
    `${command} interrupted by ${signal} on ${target.name}: each item stored exactly once`,
    {
      skip: target.skip,
    },
    async () => {
      const dir = tempDir();
      const db = await target.setup(dir.path);
      try {
        const urls = Array.from({ length: ITEMS }, (_, i) => `${base}/news/${i + 1}.html`);
        let args: string[];
        if (command === 'poll') {
          // The data folder's own SQLite registry: with PostgreSQL, poll takes it over on first use.
          const local = await openStore({ kind: 'sqlite', path: join(dir.path, 'sitrep.db') });
          await local.feeds.add(`${base}/feed.xml`, 'Harbour');
          await local.close();
          args = [
            '--data-dir',
            dir.path,
            'poll',
            '--once',
            '--allow-private',
            '--delay',
            '0',
            '--concurrency',
            '1',
          ];
        } else {
          args = ['--data-dir', dir.path, 'add', '--allow-private', ...urls];
        }
        const ended = await interrupt(args, db.env, signal, 3);
        assert.ok(ended.signal === signal || ended.code !== 0, `the ${signal} stopped the run`);
        await runToEnd(command === 'poll' ? [...args, '--all'] : args, db.env);
        await assertStoredOnce(db.config);
      } finally {
        await db.cleanup();
        dir.remove();
      }
    },
  );
}
