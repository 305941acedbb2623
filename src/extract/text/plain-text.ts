// Plain-text pages (like feed-aggregator dumps): first line is the title, then paragraphs split
// on blank lines. Byline/date lines, the "via" line and comment-form text are dropped (and
// kept as metadata); captions with a photo credit are set apart.
import type { Via } from '../../model/index.ts';
import { cleanParagraphs } from './clean-paragraphs.ts';
import { isCaptionLike } from './paragraph-rules.ts';

export interface TextArticleParts {
  title: string | null;
  paragraphs: string[];
  captions: string[];
  byline: string | null;
  published: string | null;
  via: Via | null;
}

const MAX_TITLE_CHARS = 250;

export function extractFromPlainText(text: string): TextArticleParts {
  const blocks = splitParagraphs(text);
  const title = titleOf(blocks);
  const rest = title ? blocks.slice(1) : blocks;
  const cleaned = cleanParagraphs(rest, title);
  const captions: string[] = [];
  const paragraphs: string[] = [];
  for (const p of cleaned.paragraphs) (isCaptionLike(p) ? captions : paragraphs).push(p);
  return {
    title,
    paragraphs,
    captions,
    byline: cleaned.byline,
    published: cleaned.published,
    via: cleaned.via,
  };
}

export function splitParagraphs(text: string): string[] {
  const normalised = text.replace(/\r\n?/g, '\n');
  const blocks = normalised
    .split(/\n[ \t\u00a0]*\n/)
    .map(tidyBlock)
    .filter(Boolean);
  // A file with no blank lines at all writes one paragraph per line.
  if (blocks.length <= 2 && blocks.some((b) => b.split('\n').length >= 4)) {
    return normalised.split('\n').map(tidyBlock).filter(Boolean);
  }
  return blocks;
}

function tidyBlock(block: string): string {
  return block
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

/** A first block of one short line without final full stop reads as a title. */
function titleOf(blocks: string[]): string | null {
  const first = blocks[0];
  if (!first || first.includes('\n') || first.length > MAX_TITLE_CHARS) return null;
  if (/[.;,]$/.test(first) && first.split(' ').length > 12) return null;
  return first;
}
