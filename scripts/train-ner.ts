// Trains the named-entity tagger (averaged perceptron, greedy IOB decoding) on CoNLL-2003 train and
// writes the weights to data/ner/model.json.gz. The training text never enters the repository.
// Usage: node --import tsx scripts/train-ner.ts [TRAIN.jsonl] [--epochs N]
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { builtinKnowledgeBase } from '../src/understand/actors/kb/knowledge-base.ts';
import { wordToken, type Token } from '../src/understand/text/index.ts';
import { gazetteerTags } from '../src/understand/entities/tagger/gazetteer.ts';
import { featureKeys, tokenFeatures, viewTokens } from '../src/understand/entities/tagger/features.ts';
import { Perceptron } from '../src/understand/entities/tagger/perceptron.ts';
import { MODEL_PATH, allowed, isAllCaps } from '../src/understand/entities/tagger/tag.ts';

const args = process.argv.slice(2);
const trainPath = args.find((a) => a.endsWith('.jsonl')) ?? '/work/shared/data/ner/conll2003-train.jsonl';
const epochs = Number(args[args.indexOf('--epochs') + 1] ?? 0) || 15;
const CLASSES = ['O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC', 'B-MISC', 'I-MISC'];

interface Sentence {
  tokens: string[];
  tags: string[];
  gazetteer: string[];
}

const kb = builtinKnowledgeBase();
const asTokens = (words: string[]): Token[] => {
  let at = 0;
  return words.map((text) => {
    const t = wordToken(text, at);
    at += text.length + 1;
    return t;
  });
};
const sentences: Sentence[] = readFileSync(trainPath, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line) as { tokens: string[]; tags: string[] })
  .filter((s) => s.tokens.length && s.tokens[0] !== '-DOCSTART-')
  .map((s) => ({ tokens: s.tokens, tags: s.tags, gazetteer: gazetteerTags(kb, asTokens(s.tokens)) }));

const model = new Perceptron(CLASSES);
const scores = new Float64Array(CLASSES.length);
let seed = 7;
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const started = Date.now();
for (let epoch = 1; epoch <= epochs; epoch++) {
  let correct = 0;
  let total = 0;
  const order = sentences.map((_, i) => i).sort(() => random() - 0.5);
  for (const index of order) {
    const s = sentences[index]!;
    const views = viewTokens(s.tokens, s.gazetteer);
    const allCaps = isAllCaps(s.tokens);
    const guessed: string[] = [];
    for (let i = 0; i < views.length; i++) {
      const prev = guessed[i - 1] ?? '<s>';
      const features = featureKeys(tokenFeatures(views, i, prev, guessed[i - 2] ?? '<s>', allCaps));
      model.scores(features, scores);
      let best = -1;
      for (let c = 0; c < CLASSES.length; c++) {
        if (!allowed(CLASSES[c]!, prev)) continue;
        if (best < 0 || scores[c]! > scores[best]!) best = c;
      }
      const gold = CLASSES.indexOf(s.tags[i]!);
      model.update(features, gold, best);
      // Learn from our own previous guesses, as at tagging time.
      guessed.push(CLASSES[best]!);
      if (best === gold) correct++;
      total++;
    }
  }
  console.log(
    `epoch ${epoch}: token accuracy ${((100 * correct) / total).toFixed(2)}% (${((Date.now() - started) / 1000).toFixed(0)} s)`,
  );
}
model.average();
const json = JSON.stringify(model.toJSON(1000, commonWords(sentences)));
writeFileSync(MODEL_PATH, gzipSync(json, { level: 9 }));
console.log(`wrote ${MODEL_PATH} (${Object.keys(model.toJSON().features).length} features)`);

/** Words seen in lower case at least 3 times and never inside a name. */
function commonWords(data: Sentence[]): string[] {
  const lower = new Map<string, number>();
  const inNames = new Set<string>();
  for (const s of data) {
    s.tokens.forEach((w, i) => {
      if (s.tags[i] !== 'O') inNames.add(w.toLowerCase());
      else if (/^\p{Ll}+$/u.test(w)) lower.set(w, (lower.get(w) ?? 0) + 1);
    });
  }
  return [...lower]
    .filter(([w, n]) => n >= 3 && !inNames.has(w))
    .map(([w]) => w)
    .sort();
}
