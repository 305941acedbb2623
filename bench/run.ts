// `npm run bench`: runs every bench/*.bench.ts (or those named on the command line), prints each
// one's table and writes all results to bench/results/latest.json.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface BenchResult {
  name: string;
  /** Rows printed as a table and kept in the JSON. */
  rows: Record<string, string | number | null>[];
  notes?: string[];
}

const here = dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => !wanted.length || wanted.some((w) => f.includes(w)))
  .sort();
const results: BenchResult[] = [];
for (const file of files) {
  const mod = (await import(pathToFileURL(join(here, file)).href)) as {
    default: () => Promise<BenchResult | BenchResult[]>;
  };
  // A bench may give several tables.
  for (const result of [await mod.default()].flat()) {
    console.log(`\n## ${result.name}`);
    console.table(result.rows);
    for (const note of result.notes ?? []) console.log(note);
    results.push(result);
  }
}
mkdirSync(join(here, 'results'), { recursive: true });
const out = join(here, 'results', 'latest.json');
writeFileSync(
  out,
  JSON.stringify({ date: new Date().toISOString(), node: process.version, results }, null, 2),
);
console.log(`\nwrote ${out}`);
