// Whether text is about public affairs at all: a logistic model over word stems, trained on weakly
// labelled news documents (sport, market and company reports against the rest; see
// scripts/train-relevance.ts), plus the Phoenix discard phrases (sport, entertainment, history).
// Sentence scores are log-odds; an article's score is the mean over its sentences.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SitrepError } from '../../model/errors.ts';
import { loadJson } from './data.ts';
import type { Token } from './text.ts';

export const RELEVANCE_PATH = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  '..',
  'data',
  'events',
  'relevance.json.gz',
);

export interface RelevanceModel {
  bias: number;
  weights: Record<string, number>;
}

/**
 * The features of a sentence: distinct stems of common words, numbers folded to one feature. Names
 * are left out: which country or person a story names says little about whether it is sport or
 * politics, and a model that learnt names would not carry over to other years.
 */
export function relevanceFeatures(tokens: Token[]): string[] {
  return [...featureSet(tokens)];
}

const NUMBER = /^\p{N}[\p{N},.]*$/u;
const LOWER_START = /^\p{Ll}/u;
const CAPITALISED_WORD = /^\p{Lu}\p{Ll}+$/u;

/** relevanceFeatures as a set, in the same order; most tokens are decided by their first character. */
function featureSet(tokens: Token[]): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const c = t.text.charCodeAt(0);
    if (c >= 97 && c <= 122) out.add(t.stem);
    else if (c >= 65 && c <= 90) {
      if (i === 0 && CAPITALISED_WORD.test(t.text)) out.add(t.stem);
    } else if (c >= 48 && c <= 57) {
      if (NUMBER.test(t.text)) out.add('<num>');
    } else if (c >= 128) {
      if (NUMBER.test(t.text)) out.add('<num>');
      else if (LOWER_START.test(t.text) || (i === 0 && CAPITALISED_WORD.test(t.text))) out.add(t.stem);
    }
  }
  return out;
}

let model: { bias: number; weights: Map<string, number> } | null = null;

function loadModel(): { bias: number; weights: Map<string, number> } {
  if (model) return model;
  try {
    const raw = JSON.parse(gunzipSync(readFileSync(RELEVANCE_PATH)).toString('utf8')) as RelevanceModel;
    model = { bias: raw.bias, weights: new Map(Object.entries(raw.weights)) };
  } catch (cause) {
    throw new SitrepError('parse_failed', `relevance model ${RELEVANCE_PATH} could not be read`, {
      input: RELEVANCE_PATH,
      cause,
    });
  }
  return model;
}

/** Log-odds that a sentence is about public affairs (positive: it is). */
export function sentenceRelevance(tokens: Token[]): number {
  const m = loadModel();
  let z = m.bias;
  for (const f of featureSet(tokens)) z += m.weights.get(f) ?? 0;
  return z;
}

type PhraseIndex = Map<string, string[][]>;
let discards: { sentence: PhraseIndex; story: PhraseIndex } | null = null;

function index(list: string[]): PhraseIndex {
  const out: PhraseIndex = new Map();
  for (const phrase of list) {
    const words = phrase.toLowerCase().split(' ');
    const first = words[0] ?? '';
    out.set(first, [...(out.get(first) ?? []), words]);
  }
  return out;
}

function discardPhrases(): { sentence: PhraseIndex; story: PhraseIndex } {
  discards ??= (() => {
    const raw = loadJson<{ sentence: string[]; story: string[] }>('events/discards.json');
    return { sentence: index(raw.sentence), story: index(raw.story) };
  })();
  return discards;
}

function contains(tokens: Token[], phrases: PhraseIndex): boolean {
  for (let i = 0; i < tokens.length; i++) {
    const starting = phrases.get(tokens[i]!.lower);
    if (!starting) continue;
    for (const phrase of starting) {
      let k = 0;
      while (k < phrase.length && tokens[i + k]?.lower === phrase[k]) k++;
      if (k === phrase.length) return true;
    }
  }
  return false;
}

/** Which Phoenix discard phrase the sentence holds: "sentence" or "story" level, or null. */
export function discardLevel(tokens: Token[]): 'sentence' | 'story' | null {
  const d = discardPhrases();
  if (contains(tokens, d.story)) return 'story';
  if (contains(tokens, d.sentence)) return 'sentence';
  return null;
}
