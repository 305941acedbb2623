import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join as joinPath } from 'node:path';
import { writeFileSync } from 'node:fs';
import { runCli, jsonLines, tempDir } from '../helpers/cli.ts';
import { ORIGIN_PARAGRAPHS, OTHER_PARAGRAPHS, TITLE, join } from '../trace/news.ts';

const SEED = readFileSync(
  new URL('../../sample-data/zerohedge-iran-china-2022-04-27.txt', import.meta.url),
  'utf8',
);

/** The seed as another aggregator would repost it: no "via" line, no comment form. */
function strippedCopy(text: string): string {
  return text
    .split('\n')
    .filter((line) => !/^via\s/i.test(line.trim()))
    .filter((line) => !/^(Leave a Reply|Your email address will not be published)/.test(line.trim()))
    .join('\n');
}

test('trace --jsonl - prints one decision line per document and an error line for a bad one', async () => {
  const lines = [
    {
      id: 'a',
      title: TITLE,
      text: join(ORIGIN_PARAGRAPHS),
      site: 'Nordic Wire',
      published: '2024-03-05T09:00:00Z',
    },
    { id: 'b', text: join(OTHER_PARAGRAPHS), site: 'Nordic Wire' },
    { id: 'c' },
    {
      id: 'd',
      title: TITLE,
      text: `${join(ORIGIN_PARAGRAPHS.slice(0, 3))}\n\nRead more at Nordic Wire`,
      site: 'Briefs',
      published: '2024-03-05T11:00:00Z',
    },
  ];
  const run = await runCli(['trace', '--jsonl', '-'], {
    stdin: lines.map((l) => JSON.stringify(l)).join('\n') + '\nnot json\n',
  });
  assert.equal(run.code, 1);
  const out = jsonLines(run.stdout);
  assert.equal(out.length, 5);
  assert.deepEqual(out[0], { id: 'a', parent: null, origin: 'a', relation: null, story: 'a', shared: 0 });
  assert.equal(out[1]!.parent, null);
  assert.match(JSON.stringify(out[2]), /"code":"invalid_input".*needs \\"text\\" or \\"html\\"/);
  assert.equal(out[3]!.parent, 'a');
  assert.equal(out[3]!.relation, 'excerpt');
  assert.ok(Number(out[3]!.shared) > 0.8);
  assert.match(JSON.stringify(out[4]), /line 5: not valid JSON/);
  assert.match(run.stderr, /line 5: not valid JSON \[invalid_input\]/);
});

test('seed: the seed and a copy without its via line and comment form are one family, the seed its origin', async () => {
  const copy = strippedCopy(SEED);
  assert.notEqual(copy, SEED);
  for (const order of [
    ['seed', 'copy'],
    ['copy', 'seed'],
  ]) {
    const docs = { seed: { id: 'seed', text: SEED }, copy: { id: 'copy', text: copy } };
    const stdin = order.map((id) => JSON.stringify(docs[id as 'seed' | 'copy'])).join('\n');
    const run = await runCli(['trace', '--jsonl', '-'], { stdin });
    assert.equal(run.code, 0, run.stderr);
    const byId = new Map(jsonLines(run.stdout).map((l) => [l.id, l]));
    assert.equal(byId.get('copy')!.parent, 'seed', `order ${order.join(',')}`);
    assert.equal(byId.get('copy')!.origin, 'seed');
    assert.equal(byId.get('seed')!.parent, null);
  }
});

test('trace reads HTML lines through extract', async () => {
  const html = (body: string) =>
    `<html><head><title>${TITLE}</title></head><body><article>${body}</article></body></html>`;
  const paragraphs = ORIGIN_PARAGRAPHS.map((p) => `<p>${p}</p>`).join('');
  const stdin = [
    JSON.stringify({ id: 1, html: html(paragraphs), url: 'https://nordicwire.example/a' }),
    JSON.stringify({ id: 2, html: html(`${paragraphs}<p>via Nordic Wire https://nordicwire.example/a</p>`) }),
  ].join('\n');
  const run = await runCli(['trace', '--jsonl', '-'], { stdin });
  assert.equal(run.code, 0, run.stderr);
  const out = jsonLines(run.stdout);
  assert.equal(out[1]!.parent, '1');
  assert.equal(out[1]!.relation, 'identical');
});

test('sitrep add traces the seed and its stripped copy into one family; show prints the chain', async () => {
  const dir = tempDir();
  try {
    const seedPath = joinPath(dir.path, 'seed.txt');
    const copyPath = joinPath(dir.path, 'copy.txt');
    writeFileSync(seedPath, SEED);
    writeFileSync(copyPath, strippedCopy(SEED));
    const data = ['--data-dir', joinPath(dir.path, 'data')];
    const add = await runCli([...data, 'add', seedPath, copyPath]);
    assert.equal(add.code, 0, add.stderr);
    const [seedId, copyId] = [...add.stdout.matchAll(/added\s+([0-9a-f]{16})/g)].map((m) => m[1]!);
    const shown = await runCli([...data, 'show', copyId!]);
    assert.equal(shown.code, 0, shown.stderr);
    assert.match(shown.stdout, new RegExp(`trace: identical of ${seedId} .*origin ${seedId}.*family of 2`));
    const json = await runCli([...data, 'show', copyId!, '--json']);
    const trace = (JSON.parse(json.stdout) as { trace: { origin: string; chain: string[] } }).trace;
    assert.equal(trace.origin, seedId);
    assert.deepEqual(trace.chain, [copyId, seedId]);

    // list folds the copy under its origin; --no-fold lists both on their own lines
    const folded = await runCli([...data, 'list']);
    assert.equal(folded.code, 0, folded.stderr);
    const lines = folded.stdout.split('\n');
    const originLine = lines.findIndex((l) => l.startsWith(seedId!));
    assert.ok(originLine > 0, folded.stdout);
    assert.match(lines[originLine + 1]!, new RegExp(`^└ ${copyId} .*\\[identical \\d+%\\]`));
    assert.match(folded.stdout, /1 of 1 articles \(copies folded/);
    const flat = await runCli([...data, 'list', '--no-fold']);
    assert.match(flat.stdout, /2 of 2 documents/);
    assert.ok(flat.stdout.split('\n').some((l) => l.startsWith(copyId!)));
    const page = JSON.parse((await runCli([...data, 'list', '--json'])).stdout) as {
      total: number;
      items: { id: string; copyCount: number; copies: { id: string; parent: string }[] }[];
    };
    assert.equal(page.total, 1);
    assert.equal(page.items[0]!.copyCount, 1);
    assert.deepEqual(
      page.items[0]!.copies.map((c) => [c.id, c.parent]),
      [[copyId, seedId]],
    );
  } finally {
    dir.remove();
  }
});

test('seed and two copies: each event is listed once with three reports and one origin; --all-reports lists every report', async () => {
  const dir = tempDir();
  try {
    const paths = {
      seed: joinPath(dir.path, 'seed.txt'),
      stripped: joinPath(dir.path, 'stripped.txt'),
      shared: joinPath(dir.path, 'shared.txt'),
    };
    writeFileSync(paths.seed, SEED);
    writeFileSync(paths.stripped, strippedCopy(SEED));
    writeFileSync(paths.shared, `${SEED.trimEnd()}\n\nShare this:\n\nTwitter\n\nFacebook\n`);
    const data = ['--data-dir', joinPath(dir.path, 'data')];
    const add = await runCli([...data, 'add', paths.seed, paths.stripped, paths.shared]);
    assert.equal(add.code, 0, add.stderr);
    const ids = [...add.stdout.matchAll(/added\s+([0-9a-f]{16})/g)].map((m) => m[1]!);
    assert.equal(ids.length, 3);
    type Listed = {
      items: { documentId: string; reports: number; origins: number; plover: string }[];
      total: number;
    };
    const once = JSON.parse(
      (await runCli([...data, 'events', '--all', '--json', '--limit', '500'])).stdout,
    ) as Listed;
    const every = JSON.parse(
      (await runCli([...data, 'events', '--all', '--json', '--limit', '500', '--all-reports'])).stdout,
    ) as Listed;
    assert.ok(once.total > 0, 'the seed has events');
    assert.equal(every.total, 3 * once.total, 'each copy carries every event of the seed');
    for (const event of once.items) {
      assert.equal(event.reports, 3, `${event.plover} reported three times`);
      assert.equal(event.origins, 1, `${event.plover} from one origin`);
      assert.equal(event.documentId, ids[0], 'listed under the original');
    }
    for (const event of every.items) assert.equal(event.origins, 1);
    type Quotes = { items: { documentId: string; reports: number; origins: number }[]; total: number };
    const quotes = JSON.parse(
      (await runCli([...data, 'quotes', '--json', '--limit', '500'])).stdout,
    ) as Quotes;
    const everyQuote = JSON.parse(
      (await runCli([...data, 'quotes', '--json', '--limit', '500', '--all-reports'])).stdout,
    ) as Quotes;
    assert.ok(quotes.total > 0, 'the seed has quotes');
    assert.equal(everyQuote.total, 3 * quotes.total);
    for (const quote of quotes.items) assert.deepEqual([quote.reports, quote.origins], [3, 1]);
    const table = await runCli([...data, 'events', '--all']);
    assert.match(table.stdout, /events \(copies counted once/);
  } finally {
    dir.remove();
  }
});
