// The commands that read what sitrep understood across stored articles: quotes, events, actors.
import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { runCli, tempDir } from '../helpers/cli.ts';

const SAMPLE = new URL('../../sample-data/zerohedge-iran-china-2022-04-27.txt', import.meta.url).pathname;
const dir = tempDir();
const data = () => ['--data-dir', join(dir.path, 'data')];

before(async () => {
  const added = await runCli([...data(), 'add', SAMPLE]);
  assert.equal(added.code, 0, added.stderr);
});
after(() => dir.remove());

test('quotes --speaker lists what one speaker said', async () => {
  const run = await runCli([...data(), 'quotes', '--speaker', 'Wei Fenghe', '--json']);
  assert.equal(run.code, 0, run.stderr);
  const page = JSON.parse(run.stdout) as { items: { speaker: { name: string }; text: string }[] };
  assert.ok(page.items.length >= 2);
  assert.ok(page.items.every((q) => q.speaker.name === 'Wei Fenghe'));
  assert.ok(page.items.some((q) => /improving the strategic defense cooperation/.test(q.text)));
});

test('events --dyad and --since filter stored events; a malformed dyad is a usage error', async () => {
  const run = await runCli([...data(), 'events', '--dyad', 'IRN,CHN', '--json']);
  const page = JSON.parse(run.stdout) as { items: { date: string; source: { country: string } }[] };
  assert.ok(page.items.length > 0);
  assert.ok(page.items.every((e) => ['IRN', 'CHN'].includes(e.source.country)));
  const since = JSON.parse(
    (await runCli([...data(), 'events', '--dyad', 'IRN,CHN', '--since', '2022-01-01', '--json'])).stdout,
  ) as {
    items: { date: string }[];
  };
  assert.ok(since.items.length < page.items.length, 'the 2021 agreement is left out');
  assert.ok(since.items.every((e) => e.date >= '2022-01-01'));
  const bad = await runCli([...data(), 'events', '--dyad', 'IRN']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /not a dyad/);
});

test('events shows events above the confidence threshold; --all shows every stored one', async () => {
  type Page = { total: number; items: { confidence: number }[] };
  const shown = JSON.parse((await runCli([...data(), 'events', '--json', '--limit', '500'])).stdout) as Page;
  const all = JSON.parse(
    (await runCli([...data(), 'events', '--all', '--json', '--limit', '500'])).stdout,
  ) as Page;
  assert.ok(shown.total > 0 && all.total > shown.total, `${all.total} stored, ${shown.total} shown`);
  const strict = JSON.parse(
    (await runCli([...data(), 'events', '--min-confidence', '0.9', '--json'])).stdout,
  ) as Page;
  assert.ok(strict.items.every((e) => e.confidence >= 0.9));
  const bad = await runCli([...data(), 'events', '--min-confidence', 'high']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /not a confidence/);
});

test('actors show prints roles over time; an unknown name is a clear error', async () => {
  const run = await runCli(['actors', 'show', 'Raisi']);
  assert.equal(run.code, 0);
  assert.match(run.stdout, /^Ebrahim Raisi {2}\(PERSON, IRN/);
  assert.match(run.stdout, /2021-08-03 – 2024-05-19 {2}President \(IRN\)/);
  const unknown = await runCli(['actors', 'show', 'Quentin Zzyzx']);
  assert.equal(unknown.code, 1);
  assert.match(unknown.stderr, /knows no actor "Quentin Zzyzx" \[not_found\]/);
});

test('actors show takes a country code as well as a name', async () => {
  for (const key of ['IRN', 'Iran', 'Islamic Republic']) {
    const run = await runCli(['actors', 'show', key]);
    assert.equal(run.code, 0, key);
    assert.match(run.stdout, /^Iran {2}\(GPE, IRN/, key);
  }
});

test('actors resolve --jsonl resolves roles on the given date', async () => {
  const stdin = [
    { id: 1, text: 'the Iranian president', date: '2022-04-27' },
    { id: 2, text: 'the Iranian president', date: '2025-01-01' },
    { id: 3, text: 'Leave a Reply' },
  ]
    .map((l) => JSON.stringify(l))
    .join('\n');
  const run = await runCli(['actors', 'resolve', '--jsonl', '-'], { stdin });
  const lines = run.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { id: number; actor: { name: string } | null });
  assert.equal(lines[0]?.actor?.name, 'Ebrahim Raisi');
  assert.equal(lines[1]?.actor?.name, 'Masoud Pezeshkian');
  assert.equal(lines[2]?.actor, null);
});
