// Extract: from the bytes of a page (HTML or plain text) to a clean Article.
import type { Article } from '../model/index.ts';

export interface RawInput {
  bytes: Buffer;
  /** The Content-Type header or a type guessed from the file name; null when unknown. */
  contentType: string | null;
  /** The page's address when it came from the web (used to resolve links and as a fallback url). */
  url: string | null;
  /** How to name this input in messages: a path, a URL or a caller's id. */
  name: string;
}

export { extractArticle, type ExtractOptions } from './extract-article.ts';
export { articleFromText, type TextMeta } from './article-from-text.ts';
export { decodeBytes, type Decoded } from './decode.ts';
export { DEFAULT_MAX_BYTES, checkSize, formatSize } from './limits.ts';
export type { Article };
