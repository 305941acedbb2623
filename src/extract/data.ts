// Loads the extraction tables in data/extract/ once (they are data, not code: see each file's "source").
import { readFileSync } from 'node:fs';

const dataDir = new URL('../../data/extract/', import.meta.url);
const cache = new Map<string, unknown>();

export function loadData<T>(file: string): T {
  let value = cache.get(file);
  if (value === undefined) {
    value = JSON.parse(readFileSync(new URL(file, dataDir), 'utf8')) as unknown;
    cache.set(file, value);
  }
  return value as T;
}

export interface HtmlRules {
  dropTags: string[];
  dropRoles: string[];
  unlikely: string;
  maybeCandidate: string;
  positive: string;
  negative: string;
  boilerplateInBody: string;
  contentSignals: string[];
  contentClass: string;
}

export interface CompiledHtmlRules {
  dropTags: ReadonlySet<string>;
  dropRoles: ReadonlySet<string>;
  unlikely: RegExp;
  maybeCandidate: RegExp;
  positive: RegExp;
  negative: RegExp;
  boilerplateInBody: RegExp;
  contentSignals: string[];
  contentClass: RegExp;
}

let compiled: CompiledHtmlRules | undefined;

export function htmlRules(): CompiledHtmlRules {
  if (compiled) return compiled;
  const raw = loadData<HtmlRules>('html-rules.json');
  compiled = {
    dropTags: new Set(raw.dropTags),
    dropRoles: new Set(raw.dropRoles),
    unlikely: new RegExp(raw.unlikely, 'i'),
    maybeCandidate: new RegExp(raw.maybeCandidate, 'i'),
    positive: new RegExp(raw.positive, 'i'),
    negative: new RegExp(raw.negative, 'i'),
    boilerplateInBody: new RegExp(raw.boilerplateInBody, 'i'),
    contentSignals: raw.contentSignals,
    contentClass: new RegExp(raw.contentClass, 'i'),
  };
  return compiled;
}
