// The pass cascade: a strict pass (chrome-named boxes pruned first, as Readability does); when its
// result is doubtful, a lenient pass without the pruning; when still short, a density pass and the
// JSON-LD articleBody. Each pass yields a candidate and the best by measured quality wins; an
// earlier, more precise pass keeps its place unless a later one is clearly better.
import type { Document, Element } from 'domhandler';
import { decodeHTML } from 'entities';
import { type BodyCandidate, quality, totalChars } from './body-quality.ts';
import { removeUnlikelyCandidates } from './clean.ts';
import { densityPass } from './density-pass.ts';
import type { HtmlMetadata } from './metadata.ts';
import { captionsAround, renderBlocks } from './render.ts';
import { isListing, selectBody, trimBody } from './select-body.ts';
import { TextStatsCache } from './text-stats.ts';

// Below this many characters a body may be a fragment of the article (or a sidebar).
const SHORT_BODY_CHARS = 250;
// Under this many characters the page has no usable body yet.
const LAST_RESORT_CHARS = 80;
// A body this link-heavy is more likely a list of links than the article.
const LINK_HEAVY = 0.4;
// A later pass must beat the earlier one by this factor (the earlier is more precise).
const MARGIN = 1.25;

export function chooseBody(doc: Document, freshPage: () => Document, meta: HtmlMetadata): BodyCandidate {
  const removed = removeUnlikelyCandidates(doc);
  const strict = attempt(doc, 'strict');
  const chars = totalChars(strict.paragraphs);
  const doubtful = chars < SHORT_BODY_CHARS || strict.linkDensity > LINK_HEAVY || removed > chars;
  if (!doubtful) return strict;
  let best = better(strict, attempt(freshPage(), 'lenient'));
  // The last resorts read the whole page, so they only stand in for a body that is all but empty.
  if (totalChars(best.paragraphs) < LAST_RESORT_CHARS && !best.listing) {
    best = better(best, densityPass(freshPage()));
    if (meta.jsonLdBody) best = better(best, jsonLdCandidate(meta.jsonLdBody));
  }
  return best;
}

function better(current: BodyCandidate, next: BodyCandidate): BodyCandidate {
  const margin = totalChars(current.paragraphs) < SHORT_BODY_CHARS ? 1 : MARGIN;
  return quality(next) > quality(current) * margin ? next : current;
}

function attempt(doc: Document, source: 'strict' | 'lenient'): BodyCandidate {
  const stats = new TextStatsCache();
  const selection = selectBody(doc, stats);
  if (!selection) return { paragraphs: [], captions: [], linkDensity: 0, source };
  const listing = isListing(doc, selection.roots, stats);
  return { ...renderTrimmed(selection.roots, stats), listing, source };
}

export function renderTrimmed(roots: Element[], stats: TextStatsCache): Omit<BodyCandidate, 'source'> {
  const nearby = captionsAround(roots);
  trimBody(roots, stats);
  const rendered = renderBlocks(roots);
  let chars = 0;
  let linkChars = 0;
  for (const root of roots) {
    chars += stats.of(root).chars;
    linkChars += stats.of(root).linkChars;
  }
  return {
    paragraphs: rendered.paragraphs,
    captions: [...new Set([...nearby, ...rendered.captions])],
    linkDensity: chars ? linkChars / chars : 0,
  };
}

function jsonLdCandidate(body: string): BodyCandidate {
  const paragraphs = decodeHTML(body.replace(/<[^>]+>/g, ' '))
    .split(/\n\s*\n|\r?\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  return { paragraphs, captions: [], linkDensity: 0, source: 'json-ld' };
}
