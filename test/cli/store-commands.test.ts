import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempDir } from '../helpers/cli.ts';
import { NEWS_PAGE } from '../helpers/pages.ts';

const SAMPLE = new URL('../../sample-data/zerohedge-iran-china-2022-04-27.txt', import.meta.url).pathname;

test('add, list, show and search work together on a data folder given by SITREP_DATA_DIR', async () => {
  const dir = tempDir();
  try {
    const env = { SITREP_DATA_DIR: join(dir.path, 'data') };
    const page = join(dir.path, 'grain.html');
    writeFileSync(page, NEWS_PAGE);
    const added = await runCli(['add', page, SAMPLE, '--json'], { env });
    assert.equal(added.code, 0, added.stderr);
    const summary = JSON.parse(added.stdout) as { added: { id: string; input: string }[] };
    assert.equal(summary.added.length, 2);

    const list = await runCli(['list'], { env });
    assert.equal(list.code, 0);
    const lines = list.stdout.split('\n');
    // newest first: the grain story (2023) before the seed (2022)
    assert.ok(
      lines.findIndex((l) => l.includes('grain corridor')) <
        lines.findIndex((l) => l.includes('Iran & China')),
    );

    const seedId = summary.added.find((a) => a.input === SAMPLE)?.id ?? '';
    const show = await runCli(['show', seedId], { env });
    assert.equal(show.code, 0);
    assert.match(show.stdout, /via ZeroHedge News https:\/\/ift\.tt\/QmDrY7Z/);
    assert.doesNotMatch(show.stdout, /Leave a Reply/);

    const search = await runCli(['search', 'grain', 'corridor', '--json'], { env });
    const hits = JSON.parse(search.stdout) as { total: number; items: { title: string }[] };
    assert.equal(hits.items[0]?.title, 'Ministers agree on grain corridor extension');

    const none = await runCli(['search', '"unbalanced'], { env });
    assert.equal(none.code, 0);

    const missing = await runCli(['show', 'nope'], { env });
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /no stored article with id nope \[not_found\]/);
  } finally {
    dir.remove();
  }
});

test('--data-dir wins over SITREP_DATA_DIR', async () => {
  const dir = tempDir();
  try {
    const env = { SITREP_DATA_DIR: join(dir.path, 'env') };
    await runCli(['--data-dir', join(dir.path, 'flag'), 'add', SAMPLE], { env });
    const fromEnv = await runCli(['list', '--json'], { env });
    const fromFlag = await runCli(['--data-dir', join(dir.path, 'flag'), 'list', '--json'], { env });
    assert.equal((JSON.parse(fromEnv.stdout) as { total: number }).total, 0);
    assert.equal((JSON.parse(fromFlag.stdout) as { total: number }).total, 1);
  } finally {
    dir.remove();
  }
});
