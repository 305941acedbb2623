// The CLI raises V8's interrupt budget before a command runs: this Node's V8 must accept the flag
// (an unknown flag prints an error on stderr), and a budget given on node's command line stands.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const MODULE = new URL('../../src/cli/optimisation.ts', import.meta.url).href;
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function tuneIn(nodeArgs: string[]): { stdout: string; stderr: string } {
  const script = `const { tuneOptimisation } = await import(${JSON.stringify(MODULE)});
const first = tuneOptimisation();
// A hot function runs under the new budget, and a second call changes nothing.
let n = 0; for (let i = 0; i < 2e6; i++) n += i % 7;
console.log(JSON.stringify([first, tuneOptimisation(), n > 0]));`;
  const run = spawnSync(
    process.execPath,
    [...nodeArgs, '--import', 'tsx', '--input-type=module', '-e', script],
    {
      cwd: ROOT,
      encoding: 'utf8',
    },
  );
  assert.equal(run.status, 0, run.stderr);
  return { stdout: run.stdout.trim(), stderr: run.stderr };
}

test('the interrupt budget is raised once, and V8 accepts the flag', () => {
  const { stdout, stderr } = tuneIn([]);
  const [first, second, ran] = JSON.parse(stdout) as boolean[];
  if (Number(process.versions.node.split('.')[0]) <= 24) {
    assert.equal(first, true);
    assert.equal(second, true);
  }
  assert.equal(ran, true);
  assert.doesNotMatch(stderr, /unrecognized flag/i);
});

test("a budget given on node's command line is left as given", () => {
  const { stdout, stderr } = tuneIn(['--interrupt-budget=100000']);
  assert.deepStrictEqual(JSON.parse(stdout), [false, false, true]);
  assert.equal(stderr, '');
});
