// Trains the public-affairs relevance model (logistic regression over word stems) on CoNLL-2003
// train documents with weak labels from their headlines: sport sections ("SOCCER - …", "TENNIS - …"),
// market and company reports (headlines about prices, shares, results, rates) and results tables are
// "not public affairs"; the rest of the wire is. Writes only weights (no text) to
// data/events/relevance.json.gz. Holds back every fifth document and prints its accuracy.
// Usage: node --import tsx scripts/train-relevance.ts [conll2003-train.jsonl] [--epochs N]
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { relevanceFeatures, RELEVANCE_PATH } from '../src/understand/events/relevance.ts';
import { tokenize } from '../src/understand/text/index.ts';

const args = process.argv.slice(2);
const trainPath = args.find((a) => a.endsWith('.jsonl')) ?? '/work/shared/data/ner/conll2003-train.jsonl';
const epochs = Number(args[args.indexOf('--epochs') + 1] ?? 0) || 8;

/** Section headers of sport stories ("SOCCER - …"): any all-capital word(s) before " - " in a sport headline. */
const SPORT =
  /^(?:soccer|cricket|tennis|baseball|rugby(?: union| league)?|cycling|golf|athletics|rallying|motor racing|motorcycling|motocross|basketball|horse racing|badminton|squash|boxing|swimming|nfl|nhl|nba|american football|ice hockey|hockey|sailing|rowing|skiing|judo|snooker|darts|equestrianism|triathlon|gymnastics|volleyball|handball|alpine skiing|sport|sports|football|yachting|chess|olympics|wrestling|fencing|table tennis)$/i;
/** Headlines of market and company reports: prices, shares, results, rates, trade figures. */
const MARKET =
  /\b(?:pct|bln|mln|shares?|stocks?|bonds?|prices?|profits?|results?|forecasts?|earnings|dividend|index|indices|futures|yields?|tender|rates?|dollar|yen|mark|sterling|gold|crude|oil|copper|wheat|grain|rice|coffee|sugar|cocoa|trade surplus|trade deficit|inflation|gdp|q[1-4]|h[12]|bourse|nikkei|dow|ftse|dax|cac|brokers?|ipo|quote|quotes|rating|moody|s&p|fitch|cargo|tonnes|bid|merger|takeover|sales|revenue|output)\b/i;

interface Doc {
  label: 0 | 1;
  sentences: string[][];
}

function label(headline: string): 0 | 1 {
  const section = /^([A-Za-z][A-Za-z ]*?) - /.exec(headline)?.[1];
  if (section && SPORT.test(section)) return 0;
  if (MARKET.test(headline)) return 0;
  return 1;
}

function readDocs(path: string): Doc[] {
  const byDoc = new Map<string, string[]>();
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const row = JSON.parse(line) as { doc: string; text: string };
    byDoc.set(row.doc, [...(byDoc.get(row.doc) ?? []), row.text]);
  }
  return [...byDoc.values()].map(([headline = '', ...rest]) => ({
    label: label(headline),
    // Datelines ("LONDON 1996-08-22") and bylines say nothing of the topic.
    sentences: rest
      .filter((s) => !/\d{4}-\d{2}-\d{2}/.test(s) && s.split(' ').length > 3)
      .map((s) => relevanceFeatures(tokenize(s))),
  }));
}

function train(docs: Doc[]): { bias: number; weights: Map<string, number> } {
  const counts = new Map<string, number>();
  for (const d of docs)
    for (const s of d.sentences) for (const f of s) counts.set(f, (counts.get(f) ?? 0) + 1);
  const examples = docs.flatMap((d) =>
    d.sentences.map((s) => ({ y: d.label, x: s.filter((f) => (counts.get(f) ?? 0) >= 3) })),
  );
  const positives = examples.filter((e) => e.y === 1).length;
  // Classes are weighted to balance: the prior is set by the bias, not by how the wire is mixed.
  const classWeight = [
    examples.length / (2 * (examples.length - positives)),
    examples.length / (2 * positives),
  ];
  const w = new Map<string, number>();
  let bias = 0;
  const lambda = 1e-4;
  let seed = 11;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let epoch = 0; epoch < epochs; epoch++) {
    const rate = 0.2 / (1 + epoch);
    const order = examples.map((_, i) => i).sort(() => random() - 0.5);
    for (const i of order) {
      const e = examples[i]!;
      let z = bias;
      for (const f of e.x) z += w.get(f) ?? 0;
      const g = ((1 / (1 + Math.exp(-z)) - e.y) * classWeight[e.y]!) as number;
      bias -= rate * g;
      for (const f of e.x) {
        const v = w.get(f) ?? 0;
        w.set(f, v - rate * (g + lambda * v));
      }
    }
  }
  return { bias, weights: w };
}

function accuracy(model: { bias: number; weights: Map<string, number> }, docs: Doc[]): string {
  let right = 0;
  let total = 0;
  let docRight = 0;
  for (const d of docs) {
    const scores = d.sentences.map((s) => s.reduce((z, f) => z + (model.weights.get(f) ?? 0), model.bias));
    for (const z of scores) {
      total++;
      if (z > 0 === (d.label === 1)) right++;
    }
    const mean = scores.reduce((a, b) => a + b, 0) / Math.max(1, scores.length);
    if (mean > 0 === (d.label === 1)) docRight++;
  }
  return `sentences ${((100 * right) / total).toFixed(1)}%, documents ${((100 * docRight) / docs.length).toFixed(1)}%`;
}

const docs = readDocs(trainPath);
console.log(`${docs.length} documents, ${docs.filter((d) => d.label === 1).length} public affairs`);
const held = docs.filter((_, i) => i % 5 === 4);
const check = train(docs.filter((_, i) => i % 5 !== 4));
console.log(`held-back fifth: ${accuracy(check, held)}`);
const model = train(docs);
const weights: Record<string, number> = {};
for (const [f, v] of [...model.weights].sort(([a], [b]) => (a < b ? -1 : 1))) {
  if (Math.abs(v) >= 0.01) weights[f] = Math.round(v * 1000) / 1000;
}
const json = JSON.stringify({ bias: Math.round(model.bias * 1000) / 1000, weights });
writeFileSync(RELEVANCE_PATH, gzipSync(json));
console.log(`wrote ${Object.keys(weights).length} weights to ${RELEVANCE_PATH}`);
