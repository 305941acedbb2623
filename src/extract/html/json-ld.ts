// Reads schema.org JSON-LD blocks and picks the object that describes the article.
import type { Document } from 'domhandler';
import { descendants, textOf } from './dom.ts';
import { jsonDepthExceeds } from '../limits.ts';

export type JsonObject = Record<string, unknown>;

const ARTICLE_TYPES =
  /Article|BlogPosting|NewsArticle|Report|LiveBlogPosting|OpinionNewsArticle|AnalysisNewsArticle|Posting/;
const SCRIPT = new Set(['script']);

export function jsonLdObjects(doc: Document): JsonObject[] {
  const out: JsonObject[] = [];
  for (const script of descendants(doc, SCRIPT)) {
    if (!/ld\+json/i.test(script.attribs.type ?? '')) continue;
    const parsed = safeParse(textOf(script));
    if (parsed !== undefined) flatten(parsed, out);
  }
  return out;
}

/** The first Article-like object; falls back to a WebPage with a headline. */
export function articleObject(objects: JsonObject[]): JsonObject | null {
  return (
    objects.find((o) => typesOf(o).some((t) => ARTICLE_TYPES.test(t))) ??
    objects.find((o) => typeof o.headline === 'string') ??
    null
  );
}

export function typesOf(o: JsonObject): string[] {
  const t = o['@type'];
  return Array.isArray(t) ? t.map(String) : t ? [String(t)] : [];
}

/** A string value, or the `name` of an object value, or the names of an array of them. */
export function nameOf(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (Array.isArray(value)) {
    const names = value.map(nameOf).filter((n): n is string => Boolean(n));
    return names.length ? [...new Set(names)].join(', ') : null;
  }
  if (value && typeof value === 'object') return nameOf((value as JsonObject).name);
  return null;
}

function flatten(value: unknown, out: JsonObject[]): void {
  if (Array.isArray(value)) for (const v of value) flatten(v, out);
  else if (value && typeof value === 'object') {
    const o = value as JsonObject;
    out.push(o);
    if (o['@graph']) flatten(o['@graph'], out);
    if (o.mainEntity && typeof o.mainEntity === 'object') flatten(o.mainEntity, out);
  }
}

function safeParse(text: string): unknown {
  const body = text.trim().replace(/^<!\[CDATA\[|\]\]>$/g, '');
  // The walks over parsed blocks recurse; a block nested deeper than any real one is skipped.
  if (jsonDepthExceeds(body)) return undefined;
  try {
    return JSON.parse(body);
  } catch {
    // Pages often leave raw line breaks or tabs inside strings.
    try {
      return JSON.parse(body.replace(/[\n\r\t]+/g, ' '));
    } catch {
      return undefined;
    }
  }
}
