// JSON-LD articleBody as a fallback body: used when it is long, agrees with what the DOM
// extraction found, and the DOM extraction missed much of it (paywalled or script-rendered pages).
import { decodeHTML } from 'entities';

const MIN_LD_CHARS = 500;

export function preferJsonLdBody(paragraphs: string[], ldBody: string | null): string[] {
  if (!ldBody) return paragraphs;
  const ld = decodeHTML(ldBody.replace(/<[^>]+>/g, ' '));
  if (ld.length < MIN_LD_CHARS) return paragraphs;
  const domText = paragraphs.join(' ');
  if (domText.length >= ld.length * 0.6) return paragraphs;
  // Consistent: most of what the DOM pass found also appears in the JSON-LD body.
  const ldWords = new Set(words(ld));
  const domWords = words(domText);
  const shared = domWords.filter((w) => ldWords.has(w)).length;
  if (domWords.length >= 20 && shared < domWords.length * 0.5) return paragraphs;
  return ld
    .split(/\n\s*\n|\r?\n|(?<=[.!?”"])\s{2,}/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}
