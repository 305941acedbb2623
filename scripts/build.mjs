#!/usr/bin/env node
// Compiles src/ to dist/ (what bin/sitrep.js runs) and copies the non-TypeScript files that modules
// read beside themselves (SQL migrations). dist/ mirrors src/ one level below the package root, so
// paths such as new URL('../../data/…', import.meta.url) resolve the same from both.
// `--if-stale` builds only when a file under src/ or data/ (or the build config) is newer than the last
// build. It also compiles data the modules would otherwise parse and index at start-up (dist/data/).
import { cpSync, existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src');
const dist = join(root, 'dist');
const stamp = join(dist, '.built');

function files(dir, out = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files(path, out);
    else out.push(path);
  }
  return out;
}

function isStale() {
  if (!existsSync(stamp)) return true;
  const built = statSync(stamp).mtimeMs;
  const inputs = [
    ...files(src),
    ...files(join(root, 'data')),
    join(root, 'tsconfig.json'),
    join(root, 'tsconfig.build.json'),
  ];
  return inputs.some((path) => statSync(path).mtimeMs > built);
}

if (process.argv.includes('--if-stale') && !isStale()) process.exit(0);

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const result = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], {
  stdio: 'inherit',
});
if (result.status !== 0) {
  console.error('build: tsc failed; dist/ was not updated');
  process.exit(result.status ?? 1);
}
for (const path of files(src)) {
  if (/\.(ts|md)$/.test(path)) continue;
  cpSync(path, join(dist, relative(src, path)));
}
// Data compiled ahead of time (dist/data/): the NER model, the dictionary name layer.
const { writeCompiledData } = await import(pathToFileURL(join(dist, 'understand/compiled-data.js')).href);
writeCompiledData();
writeFileSync(stamp, new Date().toISOString() + '\n');
