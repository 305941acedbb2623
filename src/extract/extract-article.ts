// Placeholder until the extraction stage lands: decodes UTF-8 and keeps the text whole.
import type { Article } from '../model/index.ts';
import type { RawInput } from './index.ts';

export function extractArticle(input: RawInput): Article {
  const text = input.bytes.toString('utf8').trim();
  return {
    url: input.url,
    title: null,
    byline: null,
    published: null,
    site: null,
    language: null,
    text,
    captions: [],
    via: null,
    citedSources: [],
  };
}

export function articleFromText(
  text: string,
  meta: { url?: string | null; title?: string | null; published?: string | null } = {},
): Article {
  return {
    url: meta.url ?? null,
    title: meta.title ?? null,
    byline: null,
    published: meta.published ?? null,
    site: null,
    language: null,
    text,
    captions: [],
    via: null,
    citedSources: [],
  };
}
