import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { createReadPool, inOrder, readPage, readText } from '../../src/pipeline/index.ts';
import { SitrepError } from '../../src/model/index.ts';
import { NEWS_PAGE } from '../helpers/pages.ts';

const SAMPLE = readFileSync(
  new URL('../../sample-data/zerohedge-iran-china-2022-04-27.txt', import.meta.url),
  'utf8',
);
const pool = createReadPool({ threads: 2 });
after(() => pool.close());

test('the pool reads pages and texts exactly as the calling thread does', async () => {
  const page = { bytes: Buffer.from(NEWS_PAGE), contentType: 'text/html', url: null, name: 'news.html' };
  assert.deepEqual(await pool.read({ kind: 'page', input: page }), readPage(page));
  const text = { text: SAMPLE, title: 'Sample' };
  assert.deepEqual(await pool.read({ kind: 'text', input: text }), readText(text));
  const articleOnly = await pool.read({ kind: 'page', input: page, options: { articleOnly: true } });
  assert.equal(articleOnly.entities.length, 0);
  assert.match(articleOnly.article.text, /grain corridor/);
});

test('a reading error in a thread arrives as the same SitrepError, naming the input', async () => {
  const empty = { bytes: Buffer.alloc(0), contentType: 'text/html', url: null, name: 'empty.html' };
  const inline = (() => {
    try {
      readPage(empty);
    } catch (error) {
      return error as SitrepError;
    }
  })();
  await assert.rejects(pool.read({ kind: 'page', input: empty }), (error: unknown) => {
    assert.ok(error instanceof SitrepError);
    assert.equal(error.code, inline?.code);
    assert.equal(error.message, inline?.message);
    return true;
  });
});

test('a job over its time limit is aborted with read_timeout and the pool goes on', async () => {
  const long = { text: SAMPLE.repeat(40) };
  await assert.rejects(pool.read({ kind: 'text', input: long }, { timeoutMs: 5 }), (error: unknown) => {
    assert.ok(error instanceof SitrepError);
    assert.equal(error.code, 'read_timeout');
    assert.match(error.message, /5 ms/);
    return true;
  });
  const reading = await pool.read({ kind: 'text', input: { text: SAMPLE } });
  assert.ok(reading.entities.length > 0);
});

test('inOrder hands results on in input order while running several at once', async () => {
  const delays = [40, 5, 25, 0, 10, 30];
  const seen: number[] = [];
  let running = 0;
  let most = 0;
  await inOrder(
    delays,
    3,
    async (delay, index) => {
      running++;
      most = Math.max(most, running);
      await sleep(delay);
      running--;
      if (index === 4) throw new Error('fourth fails');
      return index;
    },
    (result, _delay, index) => {
      seen.push(index);
      assert.equal(result.status, index === 4 ? 'rejected' : 'fulfilled');
    },
  );
  assert.deepEqual(seen, [0, 1, 2, 3, 4, 5]);
  assert.equal(most, 3);
});

test('a small complete batch is read in the calling thread, a large or open-ended one in the pool', async () => {
  const { readerForBatch, SMALL_BATCH, defaultThreads } = await import('../../src/pipeline/index.ts');
  const cases: [Parameters<typeof readerForBatch>[0], NodeJS.ProcessEnv, number][] = [
    [{ documents: 131, bytes: 700_000, complete: true }, {}, 0],
    [{ documents: 1, complete: true }, {}, 0],
    [{ documents: SMALL_BATCH.documents + 1, complete: false }, {}, defaultThreads({})],
    [{ documents: 40, bytes: SMALL_BATCH.bytes + 1, complete: false }, {}, defaultThreads({})],
    [{ documents: SMALL_BATCH.documents + 1, complete: true }, {}, defaultThreads({})],
    // SITREP_THREADS is obeyed whatever the batch.
    [{ documents: 3, complete: true }, { SITREP_THREADS: '1' }, 1],
    [{ documents: 5000, complete: false }, { SITREP_THREADS: '0' }, 0],
  ];
  for (const [batch, env, threads] of cases) {
    const reader = readerForBatch(batch, env);
    try {
      assert.equal(reader.threads, threads, JSON.stringify({ batch, env }));
    } finally {
      await reader.close();
    }
  }
});

test('a pool that replaces its threads after a few jobs answers every job, in parallel, as before', async () => {
  const recycled = createReadPool({ threads: 2, recycleAfter: 2 });
  try {
    const texts = Array.from({ length: 11 }, (_, i) => ({
      text: `${SAMPLE}\n\nUpdate ${i}.`,
      title: `Sample ${i}`,
    }));
    // More jobs at once than one generation of threads takes: later ones wait for fresh threads.
    const readings = await Promise.all(texts.map((text) => recycled.read({ kind: 'text', input: text })));
    readings.forEach((reading, i) => assert.deepEqual(reading, readText(texts[i]!)));
    assert.equal(recycled.pending, 0);
  } finally {
    await recycled.close();
  }
});
