// Feed items reach the document store: poll reads each new item and stores it once.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { runCli, tempDir } from '../helpers/cli.ts';
import { startFixtureServer, type FixtureServer } from '../ingest/fixture-server.ts';

let server: FixtureServer;
const dir = tempDir();

before(async () => {
  server = await startFixtureServer();
});
after(async () => {
  await server.close();
  dir.remove();
});

test('poll --once stores each new article once; a second poll adds nothing', async () => {
  const data = ['--data-dir', join(dir.path, 'data')];
  const added = await runCli([...data, 'feeds', 'add', '--allow-private', `${server.url}/feed.xml`]);
  assert.equal(added.code, 0, added.stderr);
  const poll = await runCli([...data, 'poll', '--once', '--allow-private', '--delay', '0']);
  assert.equal(poll.code, 0, poll.stderr + poll.stdout);
  const list = JSON.parse((await runCli([...data, 'list', '--no-fold', '--json'])).stdout) as {
    total: number;
    items: { title: string; origin: string }[];
  };
  assert.ok(list.total >= 2, `stored ${list.total}`);
  assert.ok(list.items.every((d) => /^Story \d+$/.test(d.title)));
  assert.ok(list.items.every((d) => d.origin.startsWith(`${server.url}/articles/`)));

  const again = await runCli([...data, 'poll', '--once', '--all', '--allow-private', '--delay', '0']);
  assert.equal(again.code, 0, again.stderr + again.stdout);
  const after = JSON.parse((await runCli([...data, 'list', '--no-fold', '--json'])).stdout) as {
    total: number;
  };
  assert.equal(after.total, list.total);
});
