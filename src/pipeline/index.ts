// The pipeline, end to end for one document: extract, then understand. Edges (CLI, HTTP) call this.
import { extractArticle, type RawInput } from '../extract/index.ts';
import { articleFromText } from '../extract/index.ts';
import { eventThreshold, understand } from '../understand/index.ts';
import type { Article, Reading } from '../model/index.ts';
import type { AddResult, Store } from '../store/index.ts';

export interface ReadOptions {
  /** Skip entities, quotes and events (for `sitrep extract`). */
  articleOnly?: boolean;
  /** Leave out events below this confidence; the default threshold when not given, 0 keeps all. */
  minEventConfidence?: number;
}

export function readArticle(article: Article, options: ReadOptions = {}): Reading {
  if (options.articleOnly) return { article, entities: [], quotes: [], events: [] };
  const reading = understand(article);
  const min = options.minEventConfidence ?? eventThreshold();
  return { article, ...reading, events: reading.events.filter((e) => e.confidence >= min) };
}

/** Reads a page (HTML or plain text bytes). Throws SitrepError for input that holds no article. */
export function readPage(input: RawInput, options: ReadOptions = {}): Reading {
  return readArticle(extractArticle(input), options);
}

export interface TextInput {
  text: string;
  url?: string | null;
  title?: string | null;
  published?: string | null;
}

/** Reads text given by a caller; article.text is that text unchanged so offsets line up with theirs. */
export function readText(input: TextInput, options: ReadOptions = {}): Reading {
  return readArticle(articleFromText(input.text, input), options);
}

/** Reads a page and stores it with its raw bytes; the same bytes twice are stored once. */
export async function addPage(
  store: Store,
  input: RawInput,
  origin = input.url ?? input.name,
): Promise<AddResult> {
  // Every event is stored with its confidence; listings leave out the unsure ones by default.
  const reading = readPage(input, { minEventConfidence: 0 });
  return store.addDocument({ raw: input.bytes, contentType: input.contentType, origin, reading });
}
