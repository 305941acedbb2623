// Fits the event confidence model (data/events/confidence.json): a logistic regression from the
// signals the coder records for each event (src/understand/events/confidence.ts) to whether the event
// is right (its sentence has a gold event of that PLOVER type or CAMEO root). Gold sets are the
// development sets in ../shared/data/events; nothing of them is written but the feature weights.
// Cross-validates first: each set is split in two halves by id; fits on one half, reports the other.
// The weights written are fitted on the tuning half only (half 0, as scripts/event-halves.ts), so that
// half 1 stays a check; --fit-all fits them on both halves.
// --only "f1,f2" fits only the named features (a feature just added), the others kept at their
// weights in data/events/confidence.json: the rest of the model, and what it was checked on, stays.
// Usage: node --import tsx scripts/fit-event-confidence.ts [--threshold 0.5] [--dry-run] [--fit-all]
//   [--only "feature,feature"]
import { readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { findEntities } from '../src/understand/entities/index.ts';
import { codeArticle } from '../src/understand/events/index.ts';
import { FEATURES, featureVector } from '../src/understand/events/confidence.ts';

const args = process.argv.slice(2);
const threshold = Number(args[args.indexOf('--threshold') + 1] ?? 0) || 0.5;
const only = args.includes('--only') ? (args[args.indexOf('--only') + 1] ?? '').split(',') : null;
for (const name of only ?? [])
  if (!(FEATURES as readonly string[]).includes(name))
    throw new Error(`--only: no feature "${name}"; the features are: ${FEATURES.join(', ')}`);
const MODEL_URL = new URL('../data/events/confidence.json', import.meta.url);
/** Where fitting starts: zeros, or with --only the current weights (kept but for the named features). */
const start = (): number[] => {
  if (!only) return FEATURES.map(() => 0);
  const current = (JSON.parse(readFileSync(MODEL_URL, 'utf8')) as { weights: Record<string, number> })
    .weights;
  return FEATURES.map((f) => current[f] ?? 0);
};
const trainable = FEATURES.map((f) => !only || only.includes(f));
const DATA = '/work/shared/data/events';
const SETS = ['news-dev', 'conflibert-dev', 'plover-gsr-dev'];

interface GoldEvent {
  plover?: string;
  cameo?: string;
}
interface Row {
  set: string;
  half: 0 | 1;
  gold: GoldEvent[];
  events: { x: number[]; y: 0 | 1; plover: string | null }[];
}

const half = (id: string): 0 | 1 => ((createHash('sha1').update(id).digest()[0] ?? 0) % 2) as 0 | 1;

function load(): Row[] {
  const rows: Row[] = [];
  // A sentence coded in several rounds (one text under several ids) counts once: its copies would
  // weigh it several times over and put it in both halves, so a fit on one half would have seen the other.
  const seen = new Set<string>();
  for (const set of SETS) {
    for (const line of readFileSync(`${DATA}/${set}.jsonl`, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const g = JSON.parse(line) as { id: string; text: string; published?: string; events?: GoldEvent[] };
      if (seen.has(g.text)) continue;
      seen.add(g.text);
      const gold = (g.events ?? []).filter((e) => e.plover ?? e.cameo);
      const entities = findEntities(g.text, { published: g.published ?? null });
      const events = codeArticle(g.text, entities, { published: g.published ?? null }).map((e) => ({
        x: featureVector(e.signals),
        plover: e.plover,
        y: (gold.some((ge) =>
          ge.plover ? ge.plover === e.plover : (e.cameo ?? '').slice(0, 2) === (ge.cameo ?? '').slice(0, 2),
        )
          ? 1
          : 0) as 0 | 1,
      }));
      rows.push({ set, half: half(g.id), gold, events });
    }
  }
  return rows;
}

function fit(rows: Row[]): number[] {
  const examples = rows.flatMap((r) => r.events);
  const w = start();
  const lambda = 0.01;
  for (let iteration = 0; iteration < 2000; iteration++) {
    const grad = w.map((v, i) => (i === 0 ? 0 : lambda * v * examples.length));
    for (const e of examples) {
      const p = 1 / (1 + Math.exp(-e.x.reduce((s, v, i) => s + v * (w[i] ?? 0), 0)));
      e.x.forEach((v, i) => (grad[i] = (grad[i] ?? 0) + (p - e.y) * v));
    }
    w.forEach((_, i) => {
      if (trainable[i]) w[i] = (w[i] ?? 0) - (0.5 * (grad[i] ?? 0)) / examples.length;
    });
  }
  return w;
}

function report(label: string, rows: Row[], w: number[]): void {
  for (const set of SETS) {
    const part = rows.filter((r) => r.set === set);
    let kept = 0;
    let right = 0;
    let quietFalse = 0;
    let gold = 0;
    let found = 0;
    const quiet = part.filter((r) => !r.gold.length).length;
    for (const r of part) {
      const shown = r.events.filter(
        (e) => 1 / (1 + Math.exp(-e.x.reduce((s, v, i) => s + v * (w[i] ?? 0), 0))) >= threshold,
      );
      kept += shown.length;
      right += shown.filter((e) => e.y).length;
      if (!r.gold.length) quietFalse += shown.length;
      const types = new Set(r.gold.map((g) => g.plover).filter(Boolean));
      gold += types.size;
      found += [...types].filter((t) => shown.some((e) => e.plover === t)).length;
    }
    const pct = (a: number, b: number) => (b ? ((100 * a) / b).toFixed(1) : 'n/a');
    console.log(
      `${label} ${set}: ${kept} events, precision ${pct(right, kept)}%, false per 100 quiet ${pct(quietFalse, quiet)}, type recall ${pct(found, gold)}%`,
    );
  }
}

const rows = load();
const all = FEATURES.map((_, i) => (i === 0 ? 10 : 0));
report('before (all events)', rows, all);
for (const h of [0, 1] as const) {
  const w = fit(rows.filter((r) => r.half === h));
  report(
    `fit on half ${h}, checked on half ${1 - h}`,
    rows.filter((r) => r.half !== h),
    w,
  );
}
const w = args.includes('--fit-all') ? fit(rows) : fit(rows.filter((r) => r.half === 0));
report(args.includes('--fit-all') ? 'fit on all (in-sample)' : 'written: fit on half 0, all rows', rows, w);
const weights = Object.fromEntries(FEATURES.map((f, i) => [f, Math.round((w[i] ?? 0) * 1000) / 1000]));
console.log(weights);
if (!args.includes('--dry-run')) {
  const out = { source: 'scripts/fit-event-confidence.ts', weights, threshold };
  writeFileSync(MODEL_URL, JSON.stringify(out, null, 2) + '\n');
}
