// Reading text given by a caller, in the calling thread: no page extraction is loaded, so a thread
// that reads texts only (`analyze --jsonl`) never loads the HTML parser.
import { articleFromText } from '../extract/article-from-text.ts';
import { checkSize, DEFAULT_MAX_BYTES } from '../extract/limits.ts';
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
