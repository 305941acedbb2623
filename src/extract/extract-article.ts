// The extraction stage: checks the input, decodes it, and builds an Article from an HTML or a
// plain-text page. Metadata found in the page beats metadata guessed from the text.
import type { Article } from '../model/index.ts';
import { SitrepError } from '../model/errors.ts';
import { decodeBytes } from './decode.ts';
import { extractFromHtml } from './html/extract-html.ts';
import type { RawInput } from './index.ts';
import { DEFAULT_MAX_BYTES, checkInput } from './input-checks.ts';
import { findCitedSources, withoutOwnSite } from './meta/cited-sources.ts';
import { guessLanguage } from './meta/language.ts';
import { extractFromPlainText } from './text/plain-text.ts';

export interface ExtractOptions {
  /** Largest accepted input in bytes (default 20 MB). */
  maxBytes?: number;
}

// C0 controls other than tab, line feed, form feed and carriage return, and DEL.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g;

export function extractArticle(input: RawInput, options: ExtractOptions = {}): Article {
  const kind = checkInput(input, options.maxBytes ?? DEFAULT_MAX_BYTES);
  // Stray control characters are dropped, as browsers do; a page that is mostly control bytes
  // was refused as binary above.
  const text = decodeBytes(input).text.replace(CONTROL_CHARS, '');
  return kind === 'html' ? articleFromHtml(text, input) : articleFromPlainText(text, input);
}

function articleFromHtml(html: string, input: RawInput): Article {
  const parts = extractFromHtml(html, input.url, input.name);
  const text = parts.paragraphs.join('\n\n');
  const site = parts.meta.site ?? parts.via?.name ?? null;
  return {
    url: parts.meta.url,
    title: parts.meta.title,
    byline: parts.meta.byline ?? parts.byline,
    published: parts.meta.published ?? parts.published,
    site,
    language: parts.meta.language ?? guessLanguage(text),
    text,
    captions: parts.captions,
    via: parts.via,
    citedSources: withoutOwnSite(findCitedSources(text), site, parts.meta.url),
  };
}

function articleFromPlainText(raw: string, input: RawInput): Article {
  const parts = extractFromPlainText(raw);
  const text = parts.paragraphs.join('\n\n');
  if (!text.trim()) {
    throw new SitrepError(
      'no_article',
      `${input.name}: no article text found (only a title or page furniture)`,
      { input: input.name },
    );
  }
  return {
    url: input.url,
    title: parts.title,
    byline: parts.byline,
    published: parts.published,
    site: parts.via?.name ?? null,
    language: guessLanguage(text),
    text,
    captions: parts.captions,
    via: parts.via,
    citedSources: findCitedSources(text),
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
