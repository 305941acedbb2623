// Knowledge-base entries that match only evaluation gold and nothing in unlabelled text: a sign that
// they were added for a test case rather than for the news. Gold: every text of the labelled sets in
// ../shared/data (actors, events, quotes, CoNLL dev). Evidence outside the gold: unlabelled text (the
// CoNLL-2003 training texts, the extraction pages, the real feeds, the provenance-trace stream less its
// copies of gold passages) and the public Phoenix dictionaries
// the knowledge base imports (an entry they hold was not made up for a test case). An entry is one
// person or organisation (any of its names) or one hand-written country alias; the lexicon of common
// nouns (sectors, titles) is no list of entries and is left out. `npm run bench -- quality` prints the count (it must be 0);
// `node --import tsx bench/gold-only-kb.ts` lists the entries.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PhraseIndex, phraseKey } from '../src/understand/actors/phrase-index.ts';
import { tokenize, withPlurals, type Token } from '../src/understand/text/index.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DATA = resolve(ROOT, '..', 'shared', 'data');
const KB = join(ROOT, 'data', 'kb');

const GOLD_SETS = [
  'actors/ngec-actor-dev.jsonl',
  'events/cameo-codebook-examples.jsonl',
  'events/conflibert-dev.jsonl',
  'events/news-dev.jsonl',
  'events/plover-gsr-dev.jsonl',
  'quotes/ggt-dev.jsonl',
  'quotes/polnear-dev.jsonl',
  'ner/conll2003-dev.jsonl',
];

export interface GoldOnlyReport {
  entries: number;
  goldOnly: string[];
}

/** Every entry's id ("person:…", "alias:IRN:the Islamic Republic") and names. */
function kbEntries(): Map<string, string[]> {
  const read = (name: string) => JSON.parse(readFileSync(join(KB, name), 'utf8')) as Record<string, unknown>;
  const entries = new Map<string, string[]>();
  for (const file of ['people.json', 'orgs.json']) {
    const data = read(file) as {
      people?: { id: string; name: string; aliases?: string[] }[];
      orgs?: typeof data.people;
    };
    for (const e of [...(data.people ?? []), ...(data.orgs ?? [])])
      entries.set(e.id, [e.name, ...(e.aliases ?? [])]);
  }
  const aliases = read('country-aliases.json').countries as Record<string, Record<string, string[]>>;
  for (const [iso3, forms] of Object.entries(aliases))
    for (const list of Object.values(forms)) for (const a of list) entries.set(`alias:${iso3}:${a}`, [a]);
  return entries;
}

function goldTexts(): string[] {
  const out: string[] = [];
  for (const set of GOLD_SETS) {
    const path = join(DATA, set);
    if (!existsSync(path)) continue;
    for (const line of readFileSync(path, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const row = JSON.parse(line) as { text?: string; context?: string | null };
      out.push([row.text, row.context].filter(Boolean).join('\n'));
    }
  }
  return out;
}

function unlabelledTexts(): string[] {
  const out: string[] = [];
  const conll = join(DATA, 'ner', 'conll2003-train.jsonl');
  if (existsSync(conll))
    for (const line of readFileSync(conll, 'utf8').split('\n'))
      if (line.trim()) out.push((JSON.parse(line) as { text: string }).text);
  const pages = join(DATA, 'extraction', 'html');
  if (existsSync(pages))
    for (const name of readdirSync(pages).filter((n) => n.endsWith('.html')))
      out.push(readFileSync(join(pages, name), 'utf8').replace(/<[^>]*>/g, ' '));
  const feeds = join(DATA, 'feeds', 'real');
  if (existsSync(feeds))
    for (const dir of readdirSync(feeds))
      if (existsSync(join(feeds, dir, 'feed.xml')))
        out.push(readFileSync(join(feeds, dir, 'feed.xml'), 'utf8').replace(/<[^>]*>/g, ' '));
  return out;
}

/**
 * The provenance-trace stream: news documents with their reposts and rewrites (read here, never
 * copied). It is made from the CoNLL training texts and extraction pages but also from the articles
 * of two gold sets (GGT and PolNeAR dev), so its passages copied from a gold text are left out.
 */
function traceTexts(): string[] {
  const out: string[] = [];
  const trace = join(DATA, 'trace', 'dev', 'docs.jsonl');
  if (existsSync(trace))
    for (const line of readFileSync(trace, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const doc = JSON.parse(line) as { title?: string; text?: string };
      out.push([doc.title, doc.text].filter(Boolean).join('\n'));
    }
  return out;
}

/** Words in a row that a passage must share with a gold text to count as copied from it. */
const SHARED_RUN = 8;

function runKey(tokens: readonly Token[], from: number): string {
  return tokens
    .slice(from, from + SHARED_RUN)
    .map((t) => t.key)
    .join(' ');
}

/** The word-only tokens of a text (punctuation and mark-up left out) for finding copied runs. */
function wordsOf(text: string): Token[] {
  return tokenize(text).filter((t) => t.word && t.key);
}

/** Every run of SHARED_RUN words in the gold texts. */
function goldRuns(gold: readonly string[]): Set<string> {
  const runs = new Set<string>();
  for (const text of gold) {
    const words = wordsOf(text);
    for (let i = 0; i + SHARED_RUN <= words.length; i++) runs.add(runKey(words, i));
  }
  return runs;
}

/**
 * Texts without their passages copied from a gold text: a name seen only in a copy of a gold
 * sentence is no evidence from outside the gold. A passage is a line or a sentence; it is dropped
 * when it shares a run of SHARED_RUN words with any gold text.
 */
function withoutGoldPassages(texts: readonly string[], runs: Set<string>): string[] {
  const kept: string[] = [];
  for (const text of texts)
    for (const passage of text.split(/\n+|(?<=[.!?]["'”’]?)\s+(?=[A-Z"“‘'])/)) {
      const words = wordsOf(passage);
      let copied = false;
      for (let i = 0; i + SHARED_RUN <= words.length && !copied; i++) copied = runs.has(runKey(words, i));
      if (!copied) kept.push(passage);
    }
  return kept;
}

/**
 * The names and nouns of the public Phoenix dictionaries (data/kb/phoenix/): an entry they also hold
 * is attested outside the gold sets. "|" keeps one name from running into the next.
 */
function dictionaryTexts(): string[] {
  const dir = join(KB, 'phoenix');
  if (!existsSync(dir)) return [];
  const read = <T>(name: string) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as T;
  const names: string[] = [];
  for (const [name, aliases] of read<{ people: [string, string[]][] }>('people.json').people)
    names.push(name, ...aliases);
  for (const [name, aliases] of read<{ orgs: [string, string[]][] }>('orgs.json').orgs)
    names.push(name, ...aliases);
  for (const list of Object.values(read<{ places: Record<string, string[]> }>('places.json').places))
    names.push(...list);
  for (const list of Object.values(read<{ sectors: Record<string, string[]> }>('agents.json').sectors))
    names.push(...list.flatMap((p) => withPlurals(p)));
  return [names.join(' | ')];
}

/** Ids of the entries any of whose names occur in the texts. */
function matched(index: PhraseIndex<string[]>, texts: string[]): Set<string> {
  const seen = new Set<string>();
  for (const text of texts) {
    const tokens = tokenize(text);
    for (let i = 0; i < tokens.length; i++) {
      const hit = index.matchAt(tokens, i);
      if (hit) for (const id of hit.value) seen.add(id);
    }
  }
  return seen;
}

export function goldOnlyEntries(): GoldOnlyReport | null {
  if (!existsSync(DATA)) return null;
  const entries = kbEntries();
  // One phrase may name several entries; every entry of a phrase counts as matched with it.
  const byKey = new Map<string, string[]>();
  const index = new PhraseIndex<string[]>();
  for (const [id, names] of entries) {
    for (const name of names) {
      const key = phraseKey(name);
      if (!key) continue;
      const list = byKey.get(key) ?? [];
      if (!byKey.has(key)) {
        byKey.set(key, list);
        index.addKey(key, list);
      }
      if (!list.includes(id)) list.push(id);
    }
  }
  const gold = goldTexts();
  const inGold = matched(index, gold);
  const unlabelled = [...unlabelledTexts(), ...withoutGoldPassages(traceTexts(), goldRuns(gold))];
  const inUnlabelled = matched(index, [...unlabelled, ...dictionaryTexts()]);
  const goldOnly = [...inGold].filter((id) => !inUnlabelled.has(id)).sort();
  return { entries: entries.size, goldOnly };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const report = goldOnlyEntries();
  if (!report) console.log(`skipped: ${DATA} is missing`);
  else {
    for (const id of report.goldOnly) console.log(id);
    console.log(
      `${report.goldOnly.length} of ${report.entries} knowledge-base entries match only gold texts`,
    );
  }
}
