// Quality on the public evaluation sets in ../shared/data, measured exactly as the issues' acceptance
// commands do: the `sitrep` CLI's output scored by ../shared/eval. Skipped when the sets are absent.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { goldOnlyEventPatterns } from './gold-only.ts';
import type { BenchResult } from './run.ts';
import { goldOnlyEntries } from './gold-only-kb.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SHARED = resolve(ROOT, '..', 'shared');
const DATA = join(SHARED, 'data');
const EVAL = join(SHARED, 'eval');
const CLI = join(ROOT, 'bin', 'sitrep.js');

interface Case {
  set: string;
  /** sitrep arguments; with `stdin`, the file fed to it. */
  args: string[];
  stdin?: string;
  scorer: string;
  scorerArgs: string[];
  /** What to read from the scorer's output, with the acceptance target. */
  metrics: { name: string; pattern: RegExp; target: string }[];
  /** Also score two halves of the gold set split by a fixed hash of the item id (a check against fitting one half). */
  halves?: boolean;
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

function cases(): Case[] {
  const seed = join(SHARED, 'seed', '000_fb6337500274c811');
  return [
    {
      set: 'seed page',
      args: ['analyze', `${seed}.txt`, '--json'],
      scorer: 'score-seed.mjs',
      scorerArgs: [`${seed}.gold.json`],
      metrics: [
        { name: 'misses', pattern: /misses (\d+)/, target: '0' },
        { name: 'body F1', pattern: /body F1 ([\d.]+)/, target: '≥ 0.95' },
      ],
    },
    {
      set: 'extraction',
      args: [
        'extract',
        '--jsonl',
        ...files(join(DATA, 'extraction', 'html')).filter((f) => f.endsWith('.html')),
      ],
      scorer: 'score-extraction.mjs',
      scorerArgs: [join(DATA, 'extraction')],
      metrics: [{ name: 'F1', pattern: /F1 ([\d.]+)/, target: '≥ 0.960' }],
    },
    {
      set: 'CoNLL-2003 dev (NER)',
      args: ['analyze', '--jsonl', '-'],
      stdin: join(DATA, 'ner', 'conll2003-dev.jsonl'),
      scorer: 'score-ner.mjs',
      scorerArgs: [join(DATA, 'ner', 'conll2003-dev.jsonl')],
      metrics: [{ name: 'strict F1', pattern: /overall F1 ([\d.]+)/, target: '≥ 80.0' }],
    },
    {
      set: 'NGEC actors',
      args: ['actors', 'resolve', '--jsonl', '-'],
      stdin: join(DATA, 'actors', 'ngec-actor-dev.jsonl'),
      scorer: 'score-actors.mjs',
      scorerArgs: [join(DATA, 'actors', 'ngec-actor-dev.jsonl')],
      halves: true,
      metrics: [
        { name: 'country %', pattern: /country ([\d.]+)%/, target: '≥ 90' },
        { name: 'sector %', pattern: /sector ([\d.]+)%/, target: '≥ 80' },
      ],
    },
    ...(['ggt-dev', 'polnear-dev'] as const).map((name) => ({
      set: `quotes ${name}`,
      args: ['analyze', '--jsonl', '-'],
      stdin: join(DATA, 'quotes', `${name}.jsonl`),
      scorer: 'score-quotes.mjs',
      scorerArgs: [join(DATA, 'quotes', `${name}.jsonl`)],
      metrics: [
        { name: 'F1', pattern: /F1 ([\d.]+)/, target: name === 'ggt-dev' ? '≥ 85.0' : '≥ 55.0' },
        ...(name === 'ggt-dev'
          ? [
              { name: 'speaker span %', pattern: /speaker span ([\d.]+)%/, target: '≥ 88' },
              { name: 'speaker person %', pattern: /speaker person ([\d.]+)%/, target: '≥ 75' },
            ]
          : []),
      ],
    })),
    {
      set: 'PLOVER GSR dev (events)',
      args: ['analyze', '--jsonl', '-'],
      stdin: join(DATA, 'events', 'plover-gsr-dev.jsonl'),
      scorer: 'score-events.mjs',
      scorerArgs: [join(DATA, 'events', 'plover-gsr-dev.jsonl')],
      metrics: [
        { name: 'type recall %', pattern: /type recall ([\d.]+)%/, target: '≥ 75' },
        { name: 'type precision %', pattern: /precision ([\d.]+)%/, target: '≥ 70' },
        { name: 'triple %', pattern: /triple ([\d.]+)%/, target: '≥ 55' },
      ],
    },
    ...(['news-dev', 'conflibert-dev'] as const).map((name) => ({
      set: `events ${name}`,
      args: ['analyze', '--jsonl', '-'],
      stdin: join(DATA, 'events', `${name}.jsonl`),
      scorer: 'score-events-news.mjs',
      scorerArgs: [join(DATA, 'events', `${name}.jsonl`)],
      metrics:
        name === 'news-dev'
          ? [
              { name: 'precision %', pattern: /precision ([\d.]+)/, target: '≥ 70' },
              { name: 'false per 100 quiet', pattern: /false-per-100 ([\d.]+)/, target: '≤ 6' },
              { name: 'recall %', pattern: / recall ([\d.]+)/, target: '≥ 50' },
            ]
          : [
              { name: 'sentence precision %', pattern: /sentence P ([\d.]+)/, target: '≥ 80' },
              { name: 'sentence recall %', pattern: /sentence R ([\d.]+)/, target: '≥ 65' },
              { name: 'false per 100 quiet', pattern: /false-per-100 ([\d.]+)/, target: '≤ 10' },
            ],
    })),
    {
      set: 'CAMEO codebook examples',
      args: ['analyze', '--jsonl', '-'],
      stdin: join(DATA, 'events', 'cameo-codebook-examples.jsonl'),
      scorer: 'score-events.mjs',
      scorerArgs: [join(DATA, 'events', 'cameo-codebook-examples.jsonl')],
      metrics: [{ name: 'CAMEO root %', pattern: /cameo root ([\d.]+)%/, target: '≥ 70' }],
    },
    ...(['feedparser', 'real'] as const).map((corpus) => ({
      set: `feeds ${corpus}`,
      args: ['feeds', 'parse', '--jsonl', ...files(join(DATA, 'feeds', corpus))],
      scorer: 'score-feeds.mjs',
      scorerArgs: [join(DATA, 'feeds', `reference-${corpus}.jsonl`), join(DATA, 'feeds', corpus)],
      metrics: [
        { name: 'parsed %', pattern: /parsed ([\d.]+)%/, target: corpus === 'real' ? '100' : '≥ 99' },
        { name: 'item count %', pattern: /item count ([\d.]+)%/, target: corpus === 'real' ? '100' : '≥ 98' },
        { name: 'titles %', pattern: /item titles ([\d.]+)%/, target: '≥ 95' },
        { name: 'links %', pattern: /links ([\d.]+)%/, target: '≥ 95' },
        { name: 'dates %', pattern: /dates ([\d.]+)%/, target: '≥ 95' },
      ],
    })),
  ];
}

/** Entries that match gold sentences only (see bench/gold-only.ts): each should be zero. */
function goldOnlyRows(): BenchResult['rows'] {
  const started = performance.now();
  const patterns = goldOnlyEventPatterns(DATA);
  const seconds = Number(((performance.now() - started) / 1000).toFixed(1));
  const imported = goldOnlyEventPatterns(DATA, 'cameo-verbs');
  return [
    {
      set: 'gold-only entries',
      metric: 'event patterns',
      value: String(patterns.length),
      target: '0',
      'sitrep s': seconds,
    },
    {
      // Imported whole from CAMEO.2.0.txt, not written for a case: rare phrases, shown for reading.
      set: 'gold-only entries',
      metric: 'imported CAMEO patterns (information)',
      value: String(imported.length),
      target: '-',
      'sitrep s': Number(((performance.now() - started) / 1000 - seconds).toFixed(1)),
    },
  ];
}

/** The gold lines in two files, A and B, by the first byte of the SHA-1 of each item's id (even: A). */
export function splitInHalves(goldPath: string, dir: string): [string, string][] {
  const halves: Record<'A' | 'B', string[]> = { A: [], B: [] };
  for (const line of readFileSync(goldPath, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const id = String((JSON.parse(line) as { id: unknown }).id);
    halves[createHash('sha1').update(id).digest()[0]! % 2 === 0 ? 'A' : 'B'].push(line);
  }
  return (['A', 'B'] as const).map((half) => {
    const path = join(dir, `gold-${half}.jsonl`);
    writeFileSync(path, halves[half].join('\n') + '\n');
    return [half, path];
  });
}

function run(command: string, args: string[], input?: Buffer | string): string {
  const result = spawnSync(command, args, { input, maxBuffer: 1 << 30, encoding: 'utf8' });
  return `${result.stdout ?? ''}\n${result.stderr ?? ''}`;
}

export default function quality(): Promise<BenchResult> {
  if (!existsSync(DATA) || !existsSync(EVAL)) {
    return Promise.resolve({ name: 'quality', rows: [], notes: [`skipped: ${DATA} or ${EVAL} is missing`] });
  }
  const work = mkdtempSync(join(tmpdir(), 'sitrep-quality-'));
  const rows: BenchResult['rows'] = [];
  try {
    for (const c of cases()) {
      const out = join(work, 'out.jsonl');
      const started = performance.now();
      const input = c.stdin ? readFileSync(c.stdin) : undefined;
      const result = spawnSync(process.execPath, [CLI, ...c.args], {
        input,
        maxBuffer: 1 << 30,
        encoding: 'utf8',
      });
      writeFileSync(out, result.stdout ?? '');
      const seconds = (performance.now() - started) / 1000;
      const report = run(process.execPath, [join(EVAL, c.scorer), out, ...c.scorerArgs]);
      for (const m of c.metrics) {
        rows.push({
          set: c.set,
          metric: m.name,
          value: m.pattern.exec(report)?.[1] ?? 'n/a',
          target: m.target,
          'sitrep s': Number(seconds.toFixed(1)),
        });
      }
      if (c.halves && c.scorerArgs[0]) {
        for (const [half, gold] of splitInHalves(c.scorerArgs[0], work)) {
          const part = run(process.execPath, [join(EVAL, c.scorer), out, gold]);
          for (const m of c.metrics)
            rows.push({
              set: `${c.set} (half ${half})`,
              metric: m.name,
              value: m.pattern.exec(part)?.[1] ?? 'n/a',
              target: m.target,
              'sitrep s': 0,
            });
        }
      }
    }
    rows.push(...goldOnlyRows());
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const kb = goldOnlyEntries();
  if (kb)
    rows.push({
      set: 'knowledge base (bench/gold-only-kb.ts)',
      metric: 'entries matching only gold',
      value: kb.goldOnly.length,
      target: '0',
      'sitrep s': 0,
    });
  return Promise.resolve({
    name: 'quality: the acceptance figures on ../shared/data (CLI output scored by ../shared/eval)',
    rows,
    notes: ['held-out halves of these sets judge the same figures; see the issues for each command'],
  });
}
