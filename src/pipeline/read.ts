// Reading one document in the calling thread: extract, then understand.
import {
  extractArticle,
  articleFromText,
  checkSize,
  DEFAULT_MAX_BYTES,
  type RawInput,
} from '../extract/index.ts';
import { confidentEvents, understand } from '../understand/index.ts';
import type { Article, Reading } from '../model/index.ts';

export interface ReadOptions {
  /** Skip entities, quotes and events (for `sitrep extract`). */
  articleOnly?: boolean;
  /** Largest page or text accepted, in bytes (default 20 MB). */
  maxBytes?: number;
  /** Leave out events below this confidence; the default threshold when not given, 0 keeps all. */
  minEventConfidence?: number;
}

export function readArticle(article: Article, options: ReadOptions = {}): Reading {
  if (options.articleOnly) return { article, entities: [], quotes: [], events: [] };
  const reading = understand(article);
  return { article, ...reading, events: confidentEvents(reading.events, options.minEventConfidence) };
}

/** Reads a page (HTML or plain text bytes). Throws SitrepError for input that holds no article. */
export function readPage(input: RawInput, options: ReadOptions = {}): Reading {
  return readArticle(extractArticle(input, { maxBytes: options.maxBytes }), options);
}

export interface TextInput {
  text: string;
  url?: string | null;
  title?: string | null;
  published?: string | null;
}

/** Reads text given by a caller; article.text is that text unchanged so offsets line up with theirs. */
export function readText(input: TextInput, options: ReadOptions = {}, name = 'text'): Reading {
  checkSize(Buffer.byteLength(input.text), options.maxBytes ?? DEFAULT_MAX_BYTES, name, 'one text');
  return readArticle(articleFromText(input.text, input), options);
}
