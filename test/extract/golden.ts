// Golden pages for the extractor (after Readability's test-pages): each folder under
// test/fixtures/extract/ holds source.html or source.txt and expected.json. Comparison
// normalises whitespace and reports where the output differs, field by field and paragraph by
// paragraph, rather than a bare "not equal".
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Article } from '../../src/model/index.ts';
import { SitrepError } from '../../src/model/errors.ts';
import { extractArticle } from '../../src/extract/index.ts';

export const FIXTURES = new URL('../fixtures/extract/', import.meta.url).pathname;

export interface GoldenExpectation {
  input: { url: string | null; contentType: string | null };
  article?: Article;
  error?: { code: string };
}

export interface GoldenCase {
  slug: string;
  sourcePath: string;
  expected: GoldenExpectation;
}

export function goldenCases(): GoldenCase[] {
  return readdirSync(FIXTURES, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => {
      const dir = join(FIXTURES, d.name);
      const source = ['source.html', 'source.txt'].map((f) => join(dir, f)).find((f) => existsSync(f));
      if (!source) throw new Error(`${dir}: no source.html or source.txt`);
      const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as GoldenExpectation;
      return { slug: d.name, sourcePath: source, expected };
    });
}

export type Outcome = { article: Article } | { error: { code: string; message: string } };

export function runExtraction(sourcePath: string, input: GoldenExpectation['input']): Outcome {
  try {
    const article = extractArticle({
      bytes: readFileSync(sourcePath),
      contentType: input.contentType,
      url: input.url,
      name: sourcePath,
    });
    return { article };
  } catch (error) {
    if (error instanceof SitrepError) return { error: { code: error.code, message: error.message } };
    throw error;
  }
}

const norm = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();

/** Human-readable differences between expected and actual; empty when they match. */
export function compareOutcome(expected: GoldenExpectation, actual: Outcome): string[] {
  if (expected.error) {
    if ('error' in actual && actual.error.code === expected.error.code) return [];
    return [
      `expected error ${expected.error.code}, got ${'error' in actual ? actual.error.code : 'an article'}`,
    ];
  }
  if ('error' in actual)
    return [`expected an article, got error ${actual.error.code}: ${actual.error.message}`];
  return compareArticles(expected.article!, actual.article);
}

export function compareArticles(expected: Article, actual: Article): string[] {
  const diffs: string[] = [];
  for (const key of ['url', 'title', 'byline', 'published', 'site', 'language'] as const) {
    if (norm(expected[key]) !== norm(actual[key]))
      diffs.push(
        `article.${key}: expected ${JSON.stringify(expected[key])}, got ${JSON.stringify(actual[key])}`,
      );
  }
  if (JSON.stringify(expected.via) !== JSON.stringify(actual.via)) {
    diffs.push(`article.via: expected ${JSON.stringify(expected.via)}, got ${JSON.stringify(actual.via)}`);
  }
  diffs.push(...compareLists('article.citedSources', expected.citedSources, actual.citedSources));
  diffs.push(...compareLists('article.captions', expected.captions, actual.captions));
  diffs.push(...compareLists('article.text ¶', expected.text.split(/\n\s*\n/), actual.text.split(/\n\s*\n/)));
  return diffs;
}

function compareLists(label: string, expected: string[], actual: string[]): string[] {
  const diffs: string[] = [];
  const n = Math.max(expected.length, actual.length);
  for (let i = 0; i < n; i++) {
    const e = expected[i];
    const a = actual[i];
    if (norm(e) === norm(a)) continue;
    if (e === undefined) diffs.push(`${label}[${i}]: unexpected ${JSON.stringify(a)}`);
    else if (a === undefined) diffs.push(`${label}[${i}]: missing ${JSON.stringify(e)}`);
    else diffs.push(`${label}[${i}]: expected ${JSON.stringify(e)}, got ${JSON.stringify(a)}`);
    if (diffs.length >= 5) break;
  }
  return diffs;
}
