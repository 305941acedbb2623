// Text helpers shared by the format adapters: HTML to plain text, and values that may be blank.
import { decodeHTML } from 'entities';

const TAG = /<\/?[a-zA-Z!?][^>]*>/g;
// Code and comments are not text: a title with a <script> reads as the words around it.
const NOT_TEXT = /<(script|style)\b[^>]*>[\s\S]*?(?:<\/\1\s*>|$)|<!--(?:[\s\S]*?-->|[^>]*(?:>|$))/gi;
const LOOKS_LIKE_HTML = /<\/?[a-zA-Z][^>]*>|&(?:#\d+|#x[\da-f]+|[a-z][a-z\d]+);/i;

export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Markup dropped, entities decoded, spaces collapsed. */
export function htmlToText(html: string): string {
  const stripped = html.includes('<') ? html.replace(NOT_TEXT, ' ').replace(TAG, ' ') : html;
  return collapse(stripped.includes('&') ? decodeHTML(stripped) : stripped);
}

export function looksLikeHtml(text: string): boolean {
  return LOOKS_LIKE_HTML.test(text);
}

/** A title or name: null when blank. */
export function nonBlank(text: string | null | undefined): string | null {
  if (text == null) return null;
  const trimmed = text.trim();
  return trimmed ? trimmed : null;
}
