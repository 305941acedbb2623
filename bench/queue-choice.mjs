// Chooses the job queue for `sitrep worker` by measurement: pg-boss against graphile-worker on this
// machine's PostgreSQL, each in its own throw-away schema. Both packages are installed in a scratch
// folder given as the first argument (they are not sitrep's dependencies, except the one chosen):
//   mkdir /tmp/q && cd /tmp/q && npm init -y && npm i pg-boss@10 graphile-worker@0.17 pg
//   node bench/queue-choice.mjs /tmp/q [postgres://postgres@127.0.0.1:5432/test]
// Prints, per queue: enqueue rate (one job per call), drain rate of N queued no-op jobs with 8 jobs
// at once in one process, and latency from enqueue to handler start for jobs sent one by one.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const folder = process.argv[2] ?? '/tmp/q';
const url = process.argv[3] ?? process.env.SITREP_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
const require = createRequire(join(folder, 'package.json'));
const pg = require('pg');
const N = 2000;
const LATENCY_JOBS = 60;
const CONCURRENCY = 8;

const pct = (xs, p) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const round = (x) => Math.round(x * 10) / 10;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function dropSchema(schema) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await client.end();
}

async function measure(name, queue) {
  // Enqueue rate, then drain.
  let t = performance.now();
  for (let i = 0; i < N; i++) await queue.send({ i, at: Date.now() }, `k${i}`);
  const enqueuePerS = N / ((performance.now() - t) / 1000);
  let done = 0;
  let finish;
  const drained = new Promise((r) => (finish = r));
  const latencies = [];
  let phase = 'drain';
  t = performance.now();
  await queue.work(async (data) => {
    if (phase === 'latency') latencies.push(Date.now() - data.at);
    if (++done === N && phase === 'drain') finish();
  });
  await drained;
  const drainPerS = N / ((performance.now() - t) / 1000);
  phase = 'latency';
  for (let i = 0; i < LATENCY_JOBS; i++) {
    await queue.send({ i, at: Date.now() }, `l${i}`);
    await sleep(25);
  }
  while (latencies.length < LATENCY_JOBS) await sleep(50);
  await queue.stop();
  return {
    queue: name,
    'enqueue jobs/s': round(enqueuePerS),
    'drain jobs/s': round(drainPerS),
    'latency p50 ms': pct(latencies, 50),
    'latency p95 ms': pct(latencies, 95),
  };
}

async function pgBoss() {
  const PgBoss = require('pg-boss');
  await dropSchema('qchoice_boss');
  const boss = new PgBoss({ connectionString: url, schema: 'qchoice_boss', max: 10 });
  boss.on('error', (e) => console.error(e));
  await boss.start();
  await boss.createQueue('jobs');
  const result = await measure('pg-boss 10', {
    send: (data, key) => boss.send('jobs', data, { singletonKey: key }),
    // pg-boss polls (at least every 0.5 s); a batch per fetch, CONCURRENCY workers.
    work: async (handler) => {
      // Its fastest form here: batches of jobs per fetch, handled at once.
      await boss.work('jobs', { pollingIntervalSeconds: 0.5, batchSize: 4 * CONCURRENCY }, (jobs) =>
        Promise.all(jobs.map((job) => handler(job.data))),
      );
    },
    stop: () => boss.stop({ graceful: false, wait: true }),
  });
  await dropSchema('qchoice_boss');
  return result;
}

async function graphile() {
  const { run, makeWorkerUtils } = require('graphile-worker');
  await dropSchema('qchoice_gw');
  const utils = await makeWorkerUtils({ connectionString: url, schema: 'qchoice_gw' });
  await utils.migrate();
  let runner;
  const result = await measure('graphile-worker 0.17', {
    send: (data, key) => utils.addJob('job', data, { jobKey: key }),
    work: async (handler) => {
      runner = await run({
        connectionString: url,
        schema: 'qchoice_gw',
        concurrency: CONCURRENCY,
        noHandleSignals: true,
        pollInterval: 2000,
        logger: new (require('graphile-worker').Logger)(() => () => {}),
        taskList: { job: async (payload) => handler(payload) },
      });
    },
    stop: async () => {
      await runner.stop();
      await utils.release();
    },
  });
  await dropSchema('qchoice_gw');
  return result;
}

const rows = [await pgBoss(), await graphile()];
console.table(rows);
