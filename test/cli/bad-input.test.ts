// Acceptance: every kind of bad input gives a clear message naming the input, exit code 1, nothing
// stored, and the rest of the batch goes on.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { runCli, tempDir } from '../helpers/cli.ts';
import { NEWS_PAGE, NOT_AN_ARTICLE } from '../helpers/pages.ts';

const dir = tempDir();
let server: Server;
let base = '';

before(async () => {
  server = createServer((req, res) => {
    if (req.url === '/report.pdf') {
      res.writeHead(200, { 'content-type': 'application/pdf' });
      res.end(Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2000, 1)]));
    } else if (req.url === '/photo.jpg') {
      res.writeHead(200, { 'content-type': 'image/jpeg' });
      res.end(Buffer.from([0xff, 0xd8, 0xff, 0xe0, ...Buffer.alloc(2000, 7)]));
    } else {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(NEWS_PAGE);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(() => {
  server.close();
  dir.remove();
});

async function addOne(input: string, ...flags: string[]) {
  const data = join(dir.path, `data-${Math.random().toString(36).slice(2)}`);
  const run = await runCli(['--data-dir', data, 'add', input, ...flags]);
  const list = await runCli(['--data-dir', data, 'list', '--no-fold', '--json']);
  const stored = (JSON.parse(list.stdout) as { total: number }).total;
  return { run, stored };
}

function file(name: string, content: string | Buffer): string {
  const path = join(dir.path, name);
  writeFileSync(path, content);
  return path;
}

const cases: [string, () => string, string][] = [
  ['an empty file', () => file('empty.html', ''), 'empty_input'],
  [
    'a binary file',
    () => file('blob.html', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37) % 256))),
    'binary_input',
  ],
  [
    'a 50 MB HTML page',
    () => file('huge.html', '<html><body>' + '<p>word </p>'.repeat(5_000_000) + '</body></html>'),
    'too_large',
  ],
  ['a page with no article', () => file('login.html', NOT_AN_ARTICLE), 'no_article'],
  ['an unreachable URL', () => 'http://127.0.0.1:9/story.html', 'fetch_failed'],
  ['a URL to a PDF', () => `${base}/report.pdf`, 'unsupported_type'],
  ['a URL to an image', () => `${base}/photo.jpg`, 'unsupported_type'],
];

for (const [what, make, code] of cases) {
  test(`${what}: a clear message naming the input, exit code 1, nothing stored`, async () => {
    const input = make();
    const { run, stored } = await addOne(input, '--allow-private');
    assert.equal(run.code, 1, run.stdout);
    assert.match(
      run.stdout,
      new RegExp(`failed\\s+${input.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: .+\\[${code}\\]`),
    );
    assert.equal(stored, 0);
  });
}

test('a private address is refused without --allow-private', async () => {
  const { run, stored } = await addOne(`${base}/story.html`);
  assert.equal(run.code, 1);
  assert.match(run.stdout, /blocked_private_address/);
  assert.equal(stored, 0);
});

test('wrong or missing charset: a windows-1252 page declared as UTF-8 still reads with its curly quotes', async () => {
  const body = Buffer.concat([
    Buffer.from('<html><head><meta charset="utf-8"><title>Talks</title></head><body><article>'),
    Buffer.from(
      '<p>The minister said the talks were \x93constructive\x94 and that both sides \x91would meet again\x92 in June, after a long night of negotiations in the capital.</p>'.repeat(
        3,
      ),
      'latin1',
    ),
    Buffer.from('</article></body></html>'),
  ]);
  const run = await runCli(['extract', '--json', file('cp1252.html', body)]);
  assert.equal(run.code, 0, run.stderr);
  const text = (JSON.parse(run.stdout) as { article: { text: string } }).article.text;
  assert.match(text, /“constructive”/);
  assert.match(text, /‘would meet again’/);
});

test('a batch goes on after a bad input: one added, one failed, exit code 1', async () => {
  const folder = join(dir.path, 'batch');
  const data = join(dir.path, 'batch-data');
  const { mkdirSync } = await import('node:fs');
  mkdirSync(folder);
  writeFileSync(join(folder, 'a-empty.html'), '');
  writeFileSync(join(folder, 'b-news.html'), NEWS_PAGE);
  const run = await runCli(['--data-dir', data, 'add', folder]);
  assert.equal(run.code, 1);
  assert.match(run.stdout, /^added 1, unchanged 0, failed 1/);
  const again = await runCli(['--data-dir', data, 'add', join(folder, 'b-news.html')]);
  assert.equal(again.code, 0);
  assert.match(again.stdout, /^added 0, unchanged 1, failed 0/);
});
