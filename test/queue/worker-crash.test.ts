// Workers on PostgreSQL killed at random moments: 500 pages are queued, two `sitrep worker`
// processes run them while each is SIGKILLed again and again (50 kills in all, while starting,
// reading, tracing or committing), then one worker finishes the queue. Every page must be stored
// exactly once, whole, traced, and no job may be left or failed. An isolated schema (and its
// job-queue schema) is created in SITREP_TEST_PG and dropped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import pg from 'pg';
import { openStore } from '../../src/store/index.ts';
import { JobQueue, jobsSchema } from '../../src/queue/queue.ts';
import { tempDir } from '../helpers/cli.ts';
import { assertStoredOnceAndWhole, writeNewsItems } from '../helpers/ingest-check.ts';
import { TEST_PG_URL, dropSchema, postgresTarget, uniqueSchema } from '../store/targets.ts';

const BIN = join(import.meta.dirname, '../../bin/sitrep.js');
const ITEMS = 500;
const KILLS = 50;
const WORKERS = 2;
const target = await postgresTarget();

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test(
  'workers killed 50 times over a 500-page ingest store every page once and whole',
  // A worker that never gets ready fails the test instead of hanging the suite.
  { skip: target.skip, timeout: 600_000 },
  async () => {
    if (target.fail) assert.fail(target.fail);
    const schema = uniqueSchema();
    const dir = tempDir('sitrep-worker-crash-');
    const client = new pg.Client({ connectionString: TEST_PG_URL });
    await client.connect();
    const env = {
      ...process.env,
      SITREP_DATABASE_URL: TEST_PG_URL,
      SITREP_DATABASE_SCHEMA: schema,
      SITREP_DATA_DIR: join(dir.path, 'data'),
      SITREP_THREADS: '0',
    };
    try {
      const folder = join(dir.path, 'news');
      const origins = writeNewsItems(folder, ITEMS);
      const queued = spawnSync(process.execPath, [BIN, 'enqueue', folder], { env, encoding: 'utf8' });
      assert.equal(queued.status, 0, queued.stderr);
      // Queued twice: duplicates of waiting jobs collapse by key, and none is stored twice anyway.
      spawnSync(process.execPath, [BIN, 'enqueue', ...origins.slice(0, 50)], { env });
      const count = async () => {
        try {
          return Number((await client.query(`SELECT count(*) AS n FROM ${schema}.documents`)).rows[0].n);
        } catch {
          return 0; // no worker has created the store's tables yet
        }
      };

      let kills = 0;
      const killedAt: number[] = [];
      const loop = async () => {
        while (kills < KILLS) {
          const child = spawn(process.execPath, [BIN, 'worker', '--no-schedule', '--concurrency', '3'], {
            env,
            stdio: ['ignore', 'ignore', 'pipe'],
          });
          const exited = new Promise((resolve) => child.on('exit', resolve));
          const ready = new Promise<void>((resolve) => {
            child.stderr.on('data', (b: Buffer) => b.toString().includes('worker ready') && resolve());
            void exited.then(() => resolve());
          });
          // Random moments: one kill in five while starting, the others while reading and storing.
          if (Math.random() < 0.2) await sleep(Math.random() * 1000);
          else {
            await ready;
            await sleep(Math.random() * 2000);
          }
          child.kill('SIGKILL');
          await exited;
          kills++;
          killedAt.push(await count());
          if (process.env.SITREP_TEST_VERBOSE)
            process.stderr.write(`kill ${kills}: ${killedAt.at(-1)} stored\n`);
        }
      };
      await Promise.all(Array.from({ length: WORKERS }, loop));
      assert.ok(kills >= KILLS);
      const beforeLast = await count();
      assert.ok(beforeLast > 0, 'pages were stored between kills');
      const last = spawnSync(process.execPath, [BIN, 'worker', '--no-schedule', '--until-idle'], {
        env,
        encoding: 'utf8',
      });
      assert.equal(last.status, 0, last.stderr);

      const store = await openStore({ kind: 'postgres', url: TEST_PG_URL, schema });
      const queue = await JobQueue.open(TEST_PG_URL, schema);
      try {
        const stats = await queue.stats();
        assert.equal(stats.waiting + stats.running + stats.failed, 0, JSON.stringify(stats));
        await client.query(`SET search_path = ${schema}`);
        await assertStoredOnceAndWhole(store, async (sql) => (await client.query(sql)).rows, origins);
      } finally {
        await queue.close();
        await store.close();
      }
      // Jobs interrupted by a kill were taken up again (graphile-worker frees a dead worker's jobs).
      assert.ok(
        beforeLast < ITEMS || killedAt.some((n) => n < ITEMS),
        `stored after each kill: ${killedAt.join(', ')}`,
      );
    } finally {
      await client.end();
      await dropSchema(schema);
      await dropSchema(jobsSchema(schema));
      dir.remove();
    }
  },
);
