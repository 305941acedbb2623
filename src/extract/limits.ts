// Limits every input is held to before any work that grows faster than its size. Checked in one
// pass (or by the parser's own callbacks, which stop at the limit), so a hostile page is refused
// in time proportional to the part read, not to the square of its nesting.
import { SitrepError } from '../model/errors.ts';

/** Largest page, text or feed accepted by default; `--max-size` and the API options change it. */
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;
/** Real pages nest a few dozen levels; Chromium's parser stops nesting at 512 too. */
export const MAX_HTML_DEPTH = 512;
/** Large real pages hold tens of thousands of elements; a million is a flood. */
export const MAX_HTML_ELEMENTS = 500_000;
/** JSON-LD blocks nest a handful of levels; deeper ones are skipped, not followed. */
export const MAX_JSON_DEPTH = 64;

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Throws too_large when `size` bytes of `what` exceed `maxBytes`. */
export function checkSize(size: number, maxBytes: number, name: string, what = 'one page'): void {
  if (size > maxBytes) {
    throw new SitrepError(
      'too_large',
      `${name}: ${formatSize(size)} is over the ${formatSize(maxBytes)} limit for ${what} (see --max-size)`,
      { input: name },
    );
  }
}

/**
 * The deepest bracket nesting of a JSON text, counted in one pass outside strings; stops counting
 * once past `limit` so the answer is cheap for hostile input.
 */
export function jsonDepthExceeds(text: string, limit = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}
