// "No entry for one test case": which entries of a hand-written list (event patterns, knowledge-base
// names) match sentences of the gold sets in ../shared/data and nothing in unlabelled news text
// (CoNLL-2003 train, the extraction pages' article bodies). Such an entry exists for the test, not
// for the news; the quality bench prints how many there are, and that number should be zero.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Lexicon } from '../src/understand/events/lexicon.ts';
import { loadJson } from '../src/understand/events/data.ts';
import { readText, tokenize } from '../src/understand/text/index.ts';

/** Entries matched by some gold text and by no unlabelled text. */
export function goldOnly<T>(
  gold: string[],
  unlabelled: string[],
  matches: (text: string) => Iterable<T>,
): T[] {
  // Gold sentences were drawn from some of the same articles: those sentences are not unlabelled.
  const goldKeys = new Set(gold.map(key));
  const inGold = new Set<T>();
  for (const text of gold) for (const entry of matches(text)) inGold.add(entry);
  for (const text of unlabelled) {
    if (goldKeys.has(key(text))) continue;
    for (const entry of matches(text)) inGold.delete(entry);
  }
  return [...inGold];
}

const key = (text: string) => text.replace(/\W+/g, ' ').trim().toLowerCase();

function jsonLines(path: string): Record<string, unknown>[] {
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

/** Sentences of the event gold sets. */
export function goldEventTexts(data: string): string[] {
  const dir = join(data, 'events');
  return ['news-dev', 'conflibert-dev', 'plover-gsr-dev', 'cameo-codebook-examples'].flatMap((set) =>
    jsonLines(join(dir, `${set}.jsonl`)).map((r) => String(r.text ?? '')),
  );
}

const sentencesOf = (text: string) => readText(text).plainSentences.map((s) => text.slice(s.start, s.end));

/**
 * News without event labels, by sentence: CoNLL-2003 (train and dev), the extraction pages' article
 * bodies and the quote sets' articles.
 */
export function unlabelledTexts(data: string): string[] {
  const conll = ['conll2003-train', 'conll2003-dev'].flatMap((set) =>
    jsonLines(join(data, 'ner', `${set}.jsonl`)).map((r) => String(r.text ?? '')),
  );
  const quotes = ['ggt-dev', 'polnear-dev'].flatMap((set) =>
    jsonLines(join(data, 'quotes', `${set}.jsonl`)).flatMap((r) => sentencesOf(String(r.text ?? ''))),
  );
  const truthPath = join(data, 'extraction', 'ground-truth.json');
  const truth = existsSync(truthPath)
    ? (JSON.parse(readFileSync(truthPath, 'utf8')) as Record<string, { articleBody?: string }>)
    : {};
  const pages = Object.values(truth).flatMap(({ articleBody = '' }) => sentencesOf(articleBody));
  return [...conll, ...pages, ...quotes];
}

/**
 * Event patterns (CAMEO code and pattern text) that match only gold sentences: of the project's own
 * hand-written list (data/events/verbs.json) by default, or of another pattern file such as the
 * converted CAMEO dictionary ("cameo-verbs"), whose entries were imported whole, not written for a case.
 */
export function goldOnlyEventPatterns(data: string, list = 'verbs'): string[] {
  const lexicon = new Lexicon(loadJson<{ codes: Record<string, string[]> }>(`events/${list}.json`).codes);
  const patterns = (text: string) =>
    new Set(lexicon.matchAll(tokenize(text)).map((m) => `${m.pattern.code} ${m.pattern.source}`));
  return goldOnly(goldEventTexts(data), unlabelledTexts(data), patterns);
}
