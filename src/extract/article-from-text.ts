// For callers who already have the article text and need offsets into it to line up: the text
// is kept exactly as given; only metadata is derived.
import type { Article } from '../model/index.ts';
import { findCitedSources } from './meta/cited-sources.ts';
import { parseDate } from './meta/dates.ts';
import { guessLanguage } from './meta/language.ts';

export interface TextMeta {
  url?: string | null;
  title?: string | null;
  published?: string | null;
}

export function articleFromText(text: string, meta: TextMeta = {}): Article {
  return {
    url: meta.url ?? null,
    title: meta.title ?? null,
    byline: null,
    published: meta.published ? (parseDate(meta.published) ?? meta.published) : null,
    site: null,
    language: guessLanguage(text),
    text,
    captions: [],
    via: null,
    citedSources: findCitedSources(text),
  };
}
