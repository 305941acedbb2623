// Reading one document in the calling thread: extract, then understand. Texts given by a caller
// are read by read-text.ts (which loads no page extraction); this module adds pages.
import { extractArticle, type RawInput } from '../extract/index.ts';
import type { Reading } from '../model/index.ts';
import { readArticle, type ReadOptions } from './read-text.ts';

export { readArticle, readText, type ReadOptions, type TextInput } from './read-text.ts';

/** Reads a page (HTML or plain text bytes). Throws SitrepError for input that holds no article. */
export function readPage(input: RawInput, options: ReadOptions = {}): Reading {
  return readArticle(extractArticle(input, { maxBytes: options.maxBytes }), options);
}
