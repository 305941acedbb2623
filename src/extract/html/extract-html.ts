// HTML page → article parts: metadata first (from the whole page), then the body (chosen by the
// pass cascade in choose-body.ts), its paragraphs and captions.
import { SitrepError } from '../../model/errors.ts';
import { cleanParagraphs } from '../text/clean-paragraphs.ts';
import { isCaptionLike } from '../text/paragraph-rules.ts';
import { removeJunk } from './clean.ts';
import type { Document } from './dom.ts';
import { parsePage } from './page-shape.ts';
import { totalChars } from './body-quality.ts';
import { chooseBody, renderTrimmed } from './choose-body.ts';
import { type HtmlMetadata, readHtmlMetadata } from './metadata.ts';
import { TextStatsCache } from './text-stats.ts';
import { preferJsonLdBody } from './json-ld-body.ts';
import { applySiteRule } from './site-rules.ts';

export interface HtmlArticleParts {
  meta: HtmlMetadata;
  paragraphs: string[];
  captions: string[];
  byline: string | null;
  published: string | null;
  via: { name: string; url: string | null } | null;
}

export function extractFromHtml(html: string, url: string | null, name: string): HtmlArticleParts {
  const doc = parsePage(html, name);
  const meta = readHtmlMetadata(doc, url);
  removeJunk(doc);
  const siteRoots = applySiteRule(doc, meta.url ?? url);
  const body = siteRoots
    ? { ...renderTrimmed(siteRoots, new TextStatsCache()), source: 'site-rule' as const }
    : chooseBody(doc, () => cleanPage(html, name), meta);
  const cleaned = cleanParagraphs(body.paragraphs, meta.title);
  const captions = [...body.captions];
  // A short credit-bearing line without final punctuation is a caption that lost its markup.
  const kept = cleaned.paragraphs.filter((p) => !isCaptionLike(p) || (captions.push(p), false));
  const paragraphs = preferJsonLdBody(kept, meta.jsonLdBody);
  if (!isArticle(paragraphs, meta) || (body.listing && !meta.jsonLdBody)) {
    throw new SitrepError(
      'no_article',
      `${name}: no article text found on this page (it may be an index, a form or an error page)`,
      {
        input: name,
      },
    );
  }
  return {
    meta,
    paragraphs,
    captions,
    byline: cleaned.byline,
    published: cleaned.published,
    via: cleaned.via,
  };
}

function cleanPage(html: string, name: string): Document {
  const doc = parsePage(html, name);
  removeJunk(doc);
  return doc;
}

// Under this many characters a short text is an article only when it reads as one: a sentence
// of several words, on a page whose title does not announce an error.
const SHORT_ARTICLE_CHARS = 80;
const ERROR_TITLE = /\b(?:404|403|410|500|not found|page not found|error|forbidden|access denied)\b/i;

function isArticle(paragraphs: string[], meta: HtmlMetadata): boolean {
  const chars = totalChars(paragraphs);
  if (chars >= SHORT_ARTICLE_CHARS) return true;
  if (!chars || (meta.title && ERROR_TITLE.test(meta.title))) return false;
  return paragraphs.some((p) => p.split(/\s+/).length >= 5 && /[.!?]["”’»)]?$/.test(p));
}
