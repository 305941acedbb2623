// The size limit applies to every input kind on the command line, is named when it refuses, and
// --max-size moves it either way; one refused line does not stop a JSON-lines batch.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jsonLines, runCli, tempDir } from '../helpers/cli.ts';
import { NEWS_PAGE } from '../helpers/pages.ts';

const dir = tempDir();
after(() => dir.remove());

const textLine = (id: number) =>
  JSON.stringify({
    id,
    text: 'Officials in Ankara said the grain corridor would stay open for another 120 days.',
  });

test('analyze --jsonl -: an over-limit line is refused by number, the lines around it are read', async () => {
  const huge = JSON.stringify({ id: 2, text: 'word '.repeat(300_000) });
  const run = await runCli(['extract', '--jsonl', '--max-size', '1MB', '-'], {
    stdin: [textLine(1), huge, textLine(3)].join('\n') + '\n',
  });
  assert.equal(run.code, 1);
  const lines = jsonLines(run.stdout);
  assert.equal(lines.length, 3);
  assert.equal(lines[0]?.id, 1);
  assert.deepEqual(lines[1]?.line, 2);
  assert.equal((lines[1]?.error as { code: string }).code, 'too_large');
  assert.match(
    (lines[1]?.error as { message: string }).message,
    /^stdin line 2: 1\.4 MB is over the 1\.0 MB limit/,
  );
  assert.equal(lines[2]?.id, 3);
  assert.match(run.stderr, /stdin line 2: .*\[too_large\]/);
});

test('--max-size above 20 MB admits a larger page; the default still refuses it', async () => {
  const path = join(dir.path, 'big.html');
  writeFileSync(path, NEWS_PAGE.replace('</body>', `<!-- ${'x'.repeat(21 * 1024 * 1024)} --></body>`));
  const refused = await runCli(['extract', path]);
  assert.equal(refused.code, 1);
  assert.match(refused.stderr, /limit of 20\.0 MB|20\.0 MB limit/);
  const admitted = await runCli(['extract', '--json', '--max-size', '30MB', path]);
  assert.equal(admitted.code, 0, admitted.stderr);
  assert.equal(
    (JSON.parse(admitted.stdout) as { article: { title: string } }).article.title,
    'Ministers agree on grain corridor extension',
  );
});

test('feeds parse is capped and names the limit', async () => {
  const path = join(dir.path, 'big.xml');
  const item = '<item><title>Grain corridor extended</title><link>https://h.example/a</link></item>';
  writeFileSync(path, `<rss><channel><title>H</title>${item.repeat(30_000)}</channel></rss>`);
  const run = await runCli(['feeds', 'parse', '--jsonl', '--max-size', '1MB', path]);
  assert.equal(run.code, 1);
  assert.match(run.stderr, /big\.xml: .*limit of 1\.0 MB \[too_large\]/);
  const ok = await runCli(['feeds', 'parse', '--jsonl', path]);
  assert.equal(ok.code, 0, ok.stderr);
});
