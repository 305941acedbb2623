// Paragraph-level cleaning shared by HTML and plain-text pages: cut at the comment form or related
// box, drop the duplicated title, byline/date lines, the "via" line and furniture; keep what the
// dropped lines said (byline, date, via) as metadata.
import type { Via } from '../../model/index.ts';
import { splitByline } from '../meta/byline.ts';
import { parseViaLine } from '../meta/via.ts';
import {
  bylineFromLine,
  dateFromLine,
  isBoilerplate,
  isEndOfArticle,
  looksLikeName,
} from './paragraph-rules.ts';

export interface CleanedParagraphs {
  paragraphs: string[];
  byline: string | null;
  published: string | null;
  via: Via | null;
}

const norm = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[\W_]+/gu, ' ')
    .trim();

export function cleanParagraphs(input: string[], title: string | null): CleanedParagraphs {
  const out: CleanedParagraphs = { paragraphs: [], byline: null, published: null, via: null };
  const titleKey = title ? norm(title) : null;
  const paragraphs = cutAtEnd(input);
  paragraphs.forEach((paragraph, index) => {
    if (titleKey && index < 4 && norm(paragraph) === titleKey) return;
    const via = parseViaLine(paragraph);
    if (via) {
      out.via ??= via;
      return;
    }
    if (takeMetaLines(paragraph, out) || isBoilerplate(paragraph)) return;
    if (isNameBesideDate(paragraphs, index)) {
      out.byline ??= paragraph.trim();
      return;
    }
    out.paragraphs.push(paragraph);
  });
  return out;
}

/** Drops everything from a comment form or "Related" heading in the second half of the page. */
function cutAtEnd(paragraphs: string[]): string[] {
  const from = Math.max(1, Math.floor(paragraphs.length * 0.4));
  for (let i = from; i < paragraphs.length; i++) {
    if (isEndOfArticle(paragraphs[i]!)) return paragraphs.slice(0, i);
  }
  return paragraphs;
}

/**
 * True when the paragraph is only byline and date lines ("Tyler Durden\nWed, 04/27/2022 – 19:45",
 * "By Jane Doe", "Published: 3 May 2021"); records them in `out`.
 */
function takeMetaLines(paragraph: string, out: CleanedParagraphs): boolean {
  const lines = paragraph
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines.length > 4) return false;
  const dates = lines.map(dateFromLine);
  const bylines = lines.map(bylineFromLine);
  const hasDate = dates.some(Boolean);
  const names = lines.map(
    (line, i) => bylines[i] ?? (hasDate && !dates[i] && looksLikeName(line) ? line : null),
  );
  if (!lines.every((_, i) => dates[i] || names[i])) return false;
  // "By Jane Doe, 2 May 2024": the date printed beside the name is the date, not part of it.
  const byline = splitByline(names.find(Boolean) ?? null);
  out.byline ??= byline.name;
  out.published ??= dates.find(Boolean) ?? byline.date;
  return true;
}

/** A lone name line right before or after a date line is the byline ("Jane Doe" / "Mon, 08/14/2023"). */
function isNameBesideDate(paragraphs: string[], index: number): boolean {
  const paragraph = paragraphs[index]!;
  if (paragraph.includes('\n') || !looksLikeName(paragraph)) return false;
  return [paragraphs[index - 1], paragraphs[index + 1]].some(
    (p) => p !== undefined && dateFromLine(p) !== null,
  );
}
