// HTML page → article parts: metadata first (from the whole page), then the body subtree, its
// paragraphs and captions. Retries without the "unlikely candidate" pruning when the first pass
// found too little, as Readability does.
import { SitrepError } from '../../model/errors.ts';
import { cleanParagraphs } from '../text/clean-paragraphs.ts';
import { isCaptionLike } from '../text/paragraph-rules.ts';
import { removeJunk, removeUnlikelyCandidates } from './clean.ts';
import { type Document, type Element, parseHtml } from './dom.ts';
import { type HtmlMetadata, readHtmlMetadata } from './metadata.ts';
import { captionsAround, renderBlocks } from './render.ts';
import { isListing, selectBody, trimBody } from './select-body.ts';
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

const MIN_ARTICLE_CHARS = 250;

export function extractFromHtml(html: string, url: string | null, name: string): HtmlArticleParts {
  const doc = parseHtml(html, name);
  const meta = readHtmlMetadata(doc, url);
  removeJunk(doc);
  const siteRoots = applySiteRule(doc, meta.url ?? url);
  let body: BodyText = siteRoots ? renderTrimmed(siteRoots, new TextStatsCache()) : attempt(doc, true);
  if (chars(body.paragraphs) < MIN_ARTICLE_CHARS) {
    const retryDoc = parseHtml(html, name);
    removeJunk(retryDoc);
    const retry = attempt(retryDoc, false);
    if (chars(retry.paragraphs) > chars(body.paragraphs)) body = retry;
  }
  const cleaned = cleanParagraphs(body.paragraphs, meta.title);
  const captions = [...body.captions];
  // A short credit-bearing line without final punctuation is a caption that lost its markup.
  const kept = cleaned.paragraphs.filter((p) => !isCaptionLike(p) || (captions.push(p), false));
  const paragraphs = preferJsonLdBody(kept, meta.jsonLdBody);
  if (chars(paragraphs) < 80 || (body.listing && !meta.jsonLdBody)) {
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

interface BodyText {
  paragraphs: string[];
  captions: string[];
  listing?: boolean;
}

function attempt(doc: Document, strict: boolean): BodyText {
  if (strict) removeUnlikelyCandidates(doc);
  const stats = new TextStatsCache();
  const selection = selectBody(doc, stats);
  if (!selection) return { paragraphs: [], captions: [] };
  const listing = isListing(doc, selection.roots, stats);
  return { ...renderTrimmed(selection.roots, stats), listing };
}

function renderTrimmed(
  roots: Element[],
  stats: TextStatsCache,
): { paragraphs: string[]; captions: string[] } {
  const nearby = captionsAround(roots);
  trimBody(roots, stats);
  const rendered = renderBlocks(roots);
  return { paragraphs: rendered.paragraphs, captions: [...new Set([...nearby, ...rendered.captions])] };
}

function chars(paragraphs: string[]): number {
  let n = 0;
  for (const p of paragraphs) n += p.length;
  return n;
}
