import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { readingJsonSchema } from '../../src/model/json-schema.ts';
import { runCli, tempDir, jsonLines } from '../helpers/cli.ts';
import { NEWS_PAGE } from '../helpers/pages.ts';

const SAMPLE = new URL('../../sample-data/zerohedge-iran-china-2022-04-27.txt', import.meta.url);
const validateReading = new Ajv2020({ strict: false }).compile(JSON.parse(readingJsonSchema()) as object);

test('extract prints the clean article as readable text with its title and without navigation', async () => {
  const dir = tempDir();
  try {
    const page = join(dir.path, 'grain.html');
    writeFileSync(page, NEWS_PAGE);
    const run = await runCli(['extract', page]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^Ministers agree on grain corridor extension\n/);
    assert.match(run.stdout, /extend the Black Sea grain corridor/);
    assert.doesNotMatch(run.stdout, /Share on Facebook|Sign up for our daily briefing|Wheat prices climb/);
  } finally {
    dir.remove();
  }
});

test('analyze --json prints a reading that validates against the published schema', async () => {
  const run = await runCli(['analyze', SAMPLE.pathname, '--json']);
  assert.equal(run.code, 0, run.stderr);
  const reading = JSON.parse(run.stdout) as { article: { title: string; via: { url: string } } };
  assert.equal(validateReading(reading), true, JSON.stringify(validateReading.errors));
  assert.equal(
    reading.article.title,
    'Iran & China Declare Deepened Military Cooperation To Confront ‘US Unilateralism’',
  );
  assert.equal(reading.article.via.url, 'https://ift.tt/QmDrY7Z');
});

test('--jsonl prints one line per input and an error line for a failing one, exit code 1', async () => {
  const dir = tempDir();
  try {
    const good = join(dir.path, 'good.html');
    const empty = join(dir.path, 'empty.html');
    writeFileSync(good, NEWS_PAGE);
    writeFileSync(empty, '');
    const run = await runCli(['extract', '--jsonl', good, empty, join(dir.path, 'missing.html')]);
    assert.equal(run.code, 1);
    const lines = jsonLines(run.stdout);
    assert.equal(lines.length, 3);
    assert.equal(lines[0]?.input, good);
    assert.ok((lines[0]?.article as { text: string }).text.includes('grain corridor'));
    assert.deepEqual(
      lines.slice(1).map((l) => (l.error as { code: string }).code),
      ['empty_input', 'not_found'],
    );
    assert.match(run.stderr, /empty\.html/);
  } finally {
    dir.remove();
  }
});

test('stdin JSON lines: text is kept unchanged so offsets line up; bad lines are reported and skipped', async () => {
  const text = 'Iran and China agreed on Wednesday to deepen military ties, officials said.';
  const stdin = [JSON.stringify({ id: 'a1', text }), '{not json', JSON.stringify({ id: 'a3' })].join('\n');
  const run = await runCli(['analyze', '--jsonl', '-'], { stdin });
  assert.equal(run.code, 1);
  const lines = jsonLines(run.stdout);
  assert.equal(lines.length, 3);
  assert.equal(lines[0]?.id, 'a1');
  assert.equal((lines[0]?.article as { text: string }).text, text);
  const { id: _id, ...reading } = lines[0] ?? {};
  assert.equal(validateReading(reading), true, JSON.stringify(validateReading.errors));
  assert.deepEqual(lines[1], {
    line: 2,
    error: { code: 'invalid_input', message: 'stdin line 2: not valid JSON' },
  });
  assert.equal((lines[2]?.error as { code: string }).code, 'invalid_input');
});

test('stdin JSON lines past the look-ahead that sizes the pool come out whole and in input order', async () => {
  const { SMALL_BATCH } = await import('../../src/pipeline/index.ts');
  const count = SMALL_BATCH.documents + 40;
  const bad = new Set([3, SMALL_BATCH.documents + 20]);
  const stdin = Array.from({ length: count }, (_, i) =>
    bad.has(i) ? '{"id": ' : JSON.stringify({ id: `d${i}`, text: `Officials in Ottawa met on day ${i}.` }),
  ).join('\n');
  const run = await runCli(['analyze', '--jsonl', '-'], { stdin });
  assert.equal(run.code, 1);
  const lines = jsonLines(run.stdout);
  assert.equal(lines.length, count);
  lines.forEach((line, i) => {
    if (bad.has(i))
      assert.deepEqual(line.error, { code: 'invalid_input', message: `stdin line ${i + 1}: not valid JSON` });
    else {
      assert.equal(line.id, `d${i}`);
      assert.match((line.article as { text: string }).text, new RegExp(`day ${i}\\.$`));
    }
  });
});

test('a slow stdin stream is not held back by the look-ahead: a line is answered before the next arrives', async () => {
  const { main } = await import('../../src/cli/main.ts');
  const { Readable } = await import('node:stream');
  const { setTimeout: sleep } = await import('node:timers/promises');
  const line = (id: string) => JSON.stringify({ id, text: 'Officials in Ottawa met on Monday.' }) + '\n';
  let secondSentAt = Infinity;
  let firstAnsweredAt = Infinity;
  let stdout = '';
  const stdin = Readable.from(
    (async function* () {
      yield line('first');
      await sleep(3000);
      secondSentAt = Date.now();
      yield line('second');
    })(),
  );
  const threads = process.env.SITREP_THREADS;
  process.env.SITREP_THREADS = '0'; // read in this thread, so the answer does not wait for threads to start
  try {
    const code = await main(['analyze', '--jsonl', '-'], {
      stdout: (t) => {
        if (!stdout) firstAnsweredAt = Date.now();
        stdout += t;
      },
      stderr: () => {},
      stdin,
      interactive: false,
      env: {},
    });
    assert.equal(code, 0);
  } finally {
    if (threads === undefined) delete process.env.SITREP_THREADS;
    else process.env.SITREP_THREADS = threads;
  }
  assert.deepEqual(
    jsonLines(stdout).map((l) => l.id),
    ['first', 'second'],
  );
  assert.ok(firstAnsweredAt < secondSentAt, 'the first line was answered while the stream waited');
});

test('usage errors exit with 2 and help exits with 0', async () => {
  assert.equal((await runCli(['extract'])).code, 2);
  assert.equal((await runCli(['no-such-command'])).code, 2);
  const help = await runCli(['extract', '--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /--jsonl/);
});

test('the sample shipped for npm start is the seed page', () => {
  const sample = readFileSync(SAMPLE, 'utf8');
  assert.match(sample, /^Iran & China Declare/);
});
