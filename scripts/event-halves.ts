// Scores the event development sets by halves, to check that a change does not fit one half only:
// each set is split by a fixed hash of the sentence id (the same split as scripts/fit-event-confidence.ts:
// half 0 is for tuning, half 1 is held back), the CLI's `analyze --jsonl` output is scored by the
// ../shared/eval scorers on each half and on the whole set. Nothing of the sets is written to the repo.
// Usage: node --import tsx scripts/event-halves.ts [--dist] [--sets news-dev,conflibert-dev,…] [--list] [--all-events]
//   --dist runs the compiled CLI (bin/sitrep.js); by default src/ is run through tsx.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SHARED = resolve(ROOT, '..', 'shared');
const args = process.argv.slice(2);
const setsArg = args[args.indexOf('--sets') + 1];
const SETS = (
  args.includes('--sets') && setsArg
    ? setsArg
    : 'news-dev,conflibert-dev,plover-gsr-dev,cameo-codebook-examples'
).split(',');

export const half = (id: string): 0 | 1 => ((createHash('sha1').update(id).digest()[0] ?? 0) % 2) as 0 | 1;

const METRICS: Record<string, [string, RegExp][]> = {
  news: [
    ['P', /precision ([\d.]+)/],
    ['false/100', /false-per-100 ([\d.]+)/],
    ['R', / recall ([\d.]+)/],
    ['sentP', /sentence P ([\d.]+)/],
    ['sentR', /sentence R ([\d.]+)/],
  ],
  gold: [
    ['typeR', /type recall ([\d.]+)%/],
    ['typeP', /precision ([\d.]+)%/],
    ['triple', /triple ([\d.]+)%/],
    ['root', /cameo root ([\d.]+)%/],
  ],
};

const work = mkdtempSync(join(tmpdir(), 'sitrep-halves-'));
try {
  for (const set of SETS) {
    const goldPath = join(SHARED, 'data', 'events', `${set}.jsonl`);
    const gold = readFileSync(goldPath, 'utf8')
      .split('\n')
      .filter((l) => l.trim());
    // The acceptance figures are on the default listing (events at or above the threshold).
    const analyze = ['analyze', '--jsonl', '-', ...(args.includes('--all-events') ? ['--all-events'] : [])];
    const cli = args.includes('--dist')
      ? [join(ROOT, 'bin', 'sitrep.js'), ...analyze]
      : [
          '--import',
          'tsx',
          '-e',
          `import(${JSON.stringify(join(ROOT, 'src/cli/main.ts'))}).then(async (m) => { process.exitCode = await m.main(${JSON.stringify(analyze)}); })`,
        ];
    const run = spawnSync(process.execPath, cli, {
      input: gold.join('\n') + '\n',
      maxBuffer: 1 << 30,
      encoding: 'utf8',
      cwd: ROOT,
    });
    if (run.status !== 0) throw new Error(`analyze failed on ${set}: ${run.stderr.slice(0, 2000)}`);
    const out = run.stdout.split('\n').filter((l) => l.trim());
    const scorer = set.startsWith('news') || set.startsWith('conflibert') ? 'news' : 'gold';
    const script = join(SHARED, 'eval', scorer === 'news' ? 'score-events-news.mjs' : 'score-events.mjs');
    const idOf = (l: string) => String((JSON.parse(l) as { id: unknown }).id);
    const row: string[] = [];
    for (const part of ['tune', 'held', 'all'] as const) {
      const keep = (l: string) => part === 'all' || half(idOf(l)) === (part === 'tune' ? 0 : 1);
      const g = join(work, `${set}-${part}.gold.jsonl`);
      const o = join(work, `${set}-${part}.out.jsonl`);
      writeFileSync(g, gold.filter(keep).join('\n') + '\n');
      writeFileSync(o, out.filter(keep).join('\n') + '\n');
      const listing = args.includes('--list') && part === 'tune' ? ['--list'] : [];
      const report = spawnSync(process.execPath, [script, o, g, ...listing], { encoding: 'utf8' });
      const text = `${report.stdout}\n${report.stderr}`;
      if (listing.length)
        console.log(
          text
            .split('\n')
            .filter((l) => /^(?:FALSE|MISSED)/.test(l))
            .join('\n'),
        );
      const figures = (METRICS[scorer] ?? [])
        .map(([name, re]) => [name, re.exec(text)?.[1]] as const)
        .filter(([, v]) => v !== undefined)
        .map(([name, v]) => `${name} ${v}`);
      row.push(`${part} (${gold.filter(keep).length}): ${figures.join(', ')}`);
    }
    console.log(`${set}\n  ${row.join('\n  ')}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
