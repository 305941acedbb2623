// The installed `sitrep` runs the compiled JavaScript in dist/; these tests run that binary, and check
// that the command table used for the lazy `--help` listing matches what each command registers.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Command, Help } from 'commander';
import { commands } from '../../src/cli/commands/index.ts';
import { createContext } from '../../src/cli/create-context.ts';
import { processIO } from '../../src/cli/context.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = fileURLToPath(new URL('../../bin/sitrep.js', import.meta.url));
const SAMPLE = fileURLToPath(
  new URL('../../sample-data/zerohedge-iran-china-2022-04-27.txt', import.meta.url),
);

before(() => {
  // `npm test` builds first; this keeps a lone run of this file honest when src/ changed since.
  execFileSync(process.execPath, ['scripts/build.mjs', '--if-stale'], { cwd: ROOT, stdio: 'inherit' });
});

function sitrep(args: string[]) {
  return spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env } });
}

test('the command table matches the name, usage and description each command module registers', async () => {
  const help = new Help();
  for (const entry of commands) {
    const program = new Command('sitrep');
    (await entry.load()).register(
      program,
      createContext(processIO(), () => ({})),
    );
    const command = program.commands.find((c) => c.name() === entry.name);
    assert.ok(command, `${entry.name}: its module does not register it`);
    assert.equal(help.subcommandTerm(command), `${entry.name} ${entry.usage}`.trim(), entry.name);
    assert.equal(command.description(), entry.description, entry.name);
  }
});

test('compiled sitrep --help lists every command with its usage', () => {
  const run = sitrep(['--help']);
  assert.equal(run.status, 0, run.stderr);
  for (const entry of commands) {
    const line = run.stdout.split('\n').find((l) => l.startsWith(`  ${entry.name} `));
    assert.ok(line, `--help does not list ${entry.name}`);
    assert.ok(line.includes(`${entry.name} ${entry.usage}`.trim()), line);
  }
});

test('compiled sitrep loads the command it runs: extract --help shows its options, extract reads a page', () => {
  const help = sitrep(['--data-dir', '/nonexistent', 'help', 'extract']);
  assert.equal(help.status, 0, help.stderr);
  assert.match(help.stdout, /Usage: sitrep extract \[options\] <inputs\.\.\.>/);
  assert.match(help.stdout, /--max-size <bytes>/);

  const run = sitrep(['extract', SAMPLE, '--json']);
  assert.equal(run.status, 0, run.stderr);
  const reading = JSON.parse(run.stdout) as { article: { title: string } };
  assert.match(reading.article.title, /Iran & China/);
});

test('compiled sitrep: an unknown command is a usage error naming the closest command', () => {
  const run = sitrep(['extrct', SAMPLE]);
  assert.equal(run.status, 2);
  assert.match(run.stderr, /unknown command 'extrct'/);
  assert.match(run.stderr, /extract/);
});

test('a reader that closes the output early ends the command quietly (`sitrep … | head`)', async () => {
  const { spawn } = await import('node:child_process');
  const child = spawn(process.execPath, [BIN, 'actors', 'resolve', '--jsonl', '-'], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  child.stdin.on('error', () => {}); // the child may be gone before all input is written
  for (let i = 0; i < 20_000; i++) child.stdin.write(`{"id":"a${i}","text":"Iranian police"}\n`);
  child.stdin.end();
  await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
  child.stdout.destroy();
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  assert.doesNotMatch(stderr, /EPIPE|Unhandled/, stderr);
  assert.equal(code, 0);
});
