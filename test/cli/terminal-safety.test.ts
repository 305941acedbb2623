// Escape sequences stored in a page's title or text, or in a feed's title, never reach the
// terminal through human-readable output (window title, screen clearing, OSC 52 clipboard writes).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempDir } from '../helpers/cli.ts';
import { NEWS_PAGE } from '../helpers/pages.ts';
import { terminalSafe } from '../../src/cli/terminal-safe.ts';
import { openStore } from '../../src/store/index.ts';

const dir = tempDir();
after(() => dir.remove());

const OSC_TITLE = '\u001b]0;owned\u0007';
const CLEAR = '\u001b[2J\u001b[H';
const CLIPBOARD = '\u001b]52;c;ZWNobyBwd25lZA==\u001b\\';
const C1_CSI = '\u009b31m';
const HOSTILE = `${OSC_TITLE}Grain${CLEAR} deal${CLIPBOARD} agreed${C1_CSI}\r`;
// Anything a terminal acts on: ESC, C1 controls, BEL, carriage return.
// eslint-disable-next-line no-control-regex -- the test looks for control characters
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

test('terminalSafe drops whole escape sequences and control characters, keeping newlines and tabs', () => {
  assert.equal(terminalSafe(HOSTILE), 'Grain deal agreed31m');
  assert.equal(terminalSafe('a\tb\nc'), 'a\tb\nc');
  assert.equal(terminalSafe('Zürich \u202eevil'), 'Zürich evil');
});

test('extract, add, list, show, search and feeds list print no escape sequence from a page or feed', async () => {
  const page = join(dir.path, 'hostile.html');
  writeFileSync(
    page,
    NEWS_PAGE.replace(
      '<title>Ministers agree on grain corridor extension | Harbour Times</title>',
      `<title>${HOSTILE}</title>`,
    )
      .replace(
        '<meta property="og:title" content="Ministers agree on grain corridor extension">',
        `<meta property="og:title" content="${HOSTILE}">`,
      )
      .replace('Grain prices fell', `${CLEAR}Grain prices fell${OSC_TITLE}`),
  );
  const data = join(dir.path, 'data');
  const outputs: Record<string, string> = {};
  const extracted = await runCli(['extract', page]);
  assert.equal(extracted.code, 0, extracted.stderr);
  outputs.extract = extracted.stdout;
  const added = await runCli(['--data-dir', data, 'add', page]);
  assert.equal(added.code, 0, added.stderr);
  const id = /added\s+([0-9a-f]{16})/.exec(added.stdout)?.[1];
  assert.ok(id, added.stdout);
  const local = await openStore({ kind: 'sqlite', path: join(data, 'sitrep.db') });
  await local.feeds.add('https://harbour.example/feed.xml', HOSTILE);
  await local.close();
  for (const [name, args] of [
    ['list', ['list']],
    ['show', ['show', id]],
    ['search', ['search', 'grain']],
    ['feeds list', ['feeds', 'list']],
  ] as const) {
    const run = await runCli(['--data-dir', data, ...args]);
    assert.equal(run.code, 0, `${name}: ${run.stderr}`);
    outputs[name] = run.stdout;
  }
  for (const [name, output] of Object.entries(outputs)) {
    assert.doesNotMatch(output, CONTROL, `${name} printed a control character`);
    assert.match(output, /Grain/, `${name} still shows the text`);
  }
  // The JSON form prints what is stored, unfiltered (escaped by JSON), for programs.
  const json = await runCli(['--data-dir', data, 'show', '--json', id]);
  const printed = (JSON.parse(json.stdout) as { reading: { article: { title: string } } }).reading.article
    .title;
  const store = await openStore({ kind: 'sqlite', path: join(data, 'sitrep.db') });
  try {
    assert.equal(printed, (await store.getDocument(id))?.reading.article.title);
  } finally {
    await store.close();
  }
  // Feed fields are stored as sent; the JSON form keeps them exactly (escaped by JSON), for programs.
  const feedsJson = await runCli(['--data-dir', data, 'feeds', 'list', '--json']);
  assert.ok(feedsJson.stdout.includes('\\u001b'), feedsJson.stdout);
});
