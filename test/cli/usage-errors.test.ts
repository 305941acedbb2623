// Usage errors (impossible dates, malformed numbers) exit 2 with a message naming the option.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { runCli, tempDir } from '../helpers/cli.ts';
import { parseCalendarDate } from '../../src/cli/options.ts';

const dir = tempDir();
after(() => dir.remove());

test('impossible dates are refused; real ones of every accepted shape pass', () => {
  for (const bad of ['2022-13-45', '2022-02-30', '2022-00', '2023-02-29', '22-01-01', 'yesterday'])
    assert.throws(() => parseCalendarDate(bad), /not a (calendar )?date/, bad);
  for (const good of ['2024-02-29', '2022-12', '2022']) assert.equal(parseCalendarDate(good), good);
  assert.throws(() => parseCalendarDate('2022-12', true), /use YYYY-MM-DD/);
});

test('bad option values exit 2 and name the option', async () => {
  const data = join(dir.path, 'data');
  for (const [args, option] of [
    [['actors', 'resolve', '--date', '2022-13-45', 'Iran'], '--date'],
    [['events', '--since', '2022-02-30'], '--since'],
    [['list', '--offset', 'abc'], '--offset'],
  ] as const) {
    const run = await runCli(['--data-dir', data, ...args]);
    assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`);
    assert.ok(run.stderr.includes(option), run.stderr);
  }
});

test('a bad date on a JSON line fails that line only; written dates and "today" are read', async () => {
  const run = await runCli(['actors', 'resolve', '--jsonl', '-'], {
    stdin: [
      '{"id":1,"text":"Iran","date":"2022-13-45"}',
      '{"id":2,"text":"Iran","date":"2022-03-01"}',
      '{"id":3,"text":"Iran","date":"Today"}',
      '{"id":4,"text":"Iran","date":"10 May 2015"}',
      '{"id":5,"text":"Iran","date":"no such day"}',
    ].join('\n'),
  });
  const lines = run.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { id?: number; error?: { code: string } });
  assert.equal(lines[0]?.error?.code, 'invalid_input');
  for (const read of lines.slice(1, 4)) assert.equal(read.error, undefined, JSON.stringify(read));
  assert.deepEqual(
    lines.slice(1, 4).map((l) => l.id),
    [2, 3, 4],
  );
  assert.equal(lines[4]?.error?.code, 'invalid_input');
});
