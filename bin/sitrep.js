#!/usr/bin/env node
// Runs the compiled CLI in dist/ (built by `npm install` through `prepare`, or `npm run build`).
import { existsSync } from 'node:fs';

const main = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(main)) {
  process.stderr.write(
    'sitrep: not built yet; run `npm run build` (or `npm install`) in the sitrep folder\n',
  );
  process.exit(1);
}
const cli = await import(main.href);
process.exitCode = await cli.main(process.argv.slice(2));
