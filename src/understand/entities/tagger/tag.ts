// Tags tokens with the shipped averaged-perceptron model (data/ner/model.json.gz, made by
// scripts/train-ner.ts from CoNLL-2003 train): greedy left to right, never I-X after anything but X.
import type { KnowledgeBase } from '../../actors/kb/knowledge-base.ts';
import type { Token } from '../../text/index.ts';
import { gazetteerTags } from './gazetteer.ts';
import { allowed, FeatureRow, tokenFeatures, viewTokens } from './features.ts';
import type { CompactModel } from './perceptron.ts';
import { CachedScorer } from './cached-scorer.ts';
import { loadCommonWords, loadShippedModel, loadShippedScorer } from './model-file.ts';

export { MODEL_PATH } from './model-file.ts';
export { allowed } from './features.ts';

export type NerType = 'PER' | 'ORG' | 'LOC' | 'MISC';
export interface TaggedSpan {
  from: number;
  to: number;
  type: NerType;
}

interface Scorer {
  classes: string[];
  scores(row: FeatureRow, out: Float64Array): Float64Array;
}

let shipped: CompactModel | null = null;
export function shippedModel(): CompactModel {
  return (shipped ??= loadShippedModel());
}

let shippedScorer: CachedScorer | null = null;
function cachedScorer(): CachedScorer {
  return (shippedScorer ??= loadShippedScorer());
}

/** IOB tags for one sentence's tokens. */
export function predictTags(
  model: Scorer | CachedScorer,
  texts: readonly string[],
  gazetteer: readonly string[],
): string[] {
  const allCaps = isAllCaps(texts);
  if (model instanceof CachedScorer) return model.tag(texts, gazetteer, allCaps);
  const views = viewTokens(texts, gazetteer);
  const tags: string[] = [];
  const scores = new Float64Array(model.classes.length);
  const row = new FeatureRow();
  for (let i = 0; i < views.length; i++) {
    const prev = tags[i - 1] ?? '<s>';
    const prev2 = tags[i - 2] ?? '<s>';
    model.scores(tokenFeatures(views, i, prev, prev2, allCaps, row), scores);
    let best = -1;
    for (let c = 0; c < scores.length; c++) {
      if (!allowed(model.classes[c]!, prev)) continue;
      if (best < 0 || scores[c]! > scores[best]!) best = c;
    }
    tags.push(model.classes[best]!);
  }
  return tags;
}

/** Headlines in capitals need their own weights: "CRICKET - LEICESTERSHIRE TAKE OVER". */
export function isAllCaps(texts: readonly string[]): boolean {
  // Asked of every sentence: the first word in lower case answers, no copy of the others is made.
  let words = 0;
  for (const t of texts) {
    if (!TWO_LETTERS.test(t)) continue;
    if (t !== t.toUpperCase()) return false;
    words++;
  }
  return words >= 2;
}

const TWO_LETTERS = /\p{L}{2,}/u;

export function tagsToSpans(tags: readonly string[]): TaggedSpan[] {
  const spans: TaggedSpan[] = [];
  for (let i = 0; i < tags.length; i++) {
    if (!tags[i]!.startsWith('B-')) continue;
    const type = tags[i]!.slice(2) as NerType;
    let j = i + 1;
    while (j < tags.length && tags[j] === 'I-' + type) j++;
    spans.push({ from: i, to: j, type });
  }
  return spans;
}

/** Sentence by sentence (the model was trained on sentences), spans over the whole token list. */
export function tagTokens(
  kb: KnowledgeBase,
  tokens: readonly Token[],
  ranges: readonly [number, number][],
  names?: Parameters<typeof gazetteerTags>[2],
): TaggedSpan[] {
  const model = cachedScorer();
  const gaz = gazetteerTags(kb, tokens, names);
  const spans: TaggedSpan[] = [];
  for (const [from, to] of ranges) {
    const texts = tokens.slice(from, to).map((t) => t.text);
    const tags = predictTags(model, texts, gaz.slice(from, to));
    for (const s of tagsToSpans(tags)) spans.push({ from: s.from + from, to: s.to + from, type: s.type });
  }
  return spans;
}

/** Lower-case words the tagger's training text used often: a capitalised one at a sentence start is no name. */
let commonWords: Set<string> | null = null;
export function isCommonWord(word: string): boolean {
  return (commonWords ??= loadCommonWords()).has(word);
}
