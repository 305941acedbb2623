// Refuses inputs that are not a page before any parsing: empty, too large, binary, or a known
// non-text format (by Content-Type or by magic bytes).
import { SitrepError } from '../model/errors.ts';
import type { RawInput } from './index.ts';
import { DEFAULT_MAX_BYTES, checkSize } from './limits.ts';

export { DEFAULT_MAX_BYTES };

export type InputKind = 'html' | 'text';

const MAGIC: { name: string; bytes: number[]; offset?: number }[] = [
  { name: 'PDF', bytes: [0x25, 0x50, 0x44, 0x46] },
  { name: 'PNG image', bytes: [0x89, 0x50, 0x4e, 0x47] },
  { name: 'JPEG image', bytes: [0xff, 0xd8, 0xff] },
  { name: 'GIF image', bytes: [0x47, 0x49, 0x46, 0x38] },
  { name: 'WebP image', bytes: [0x57, 0x45, 0x42, 0x50], offset: 8 },
  { name: 'ZIP archive (or Office document)', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: 'gzip archive', bytes: [0x1f, 0x8b] },
  { name: 'MP4 video', bytes: [0x66, 0x74, 0x79, 0x70], offset: 4 },
  { name: 'ELF executable', bytes: [0x7f, 0x45, 0x4c, 0x46] },
];

const TEXT_TYPES = ['text/plain', 'text/markdown'];
const HTML_TYPES = ['text/html', 'application/xhtml+xml', 'application/xml', 'text/xml'];
// Types that say nothing: decide from the bytes.
const UNKNOWN_TYPES = ['application/octet-stream', 'binary/octet-stream', ''];

/** Throws a SitrepError when the input cannot be a page; otherwise says whether it is HTML or plain text. */
export function checkInput(input: RawInput, maxBytes = DEFAULT_MAX_BYTES): InputKind {
  const { bytes, name } = input;
  checkSize(bytes.length, maxBytes, name);
  if (isBlank(bytes)) throw new SitrepError('empty_input', `${name}: the input is empty`, { input: name });
  const magic = MAGIC.find((m) => m.bytes.every((b, i) => bytes[(m.offset ?? 0) + i] === b));
  if (magic) {
    throw new SitrepError('unsupported_type', `${name}: this is a ${magic.name}, not an HTML or text page`, {
      input: name,
    });
  }
  const kind = kindFromContentType(input);
  if (looksBinary(bytes)) {
    throw new SitrepError(
      'binary_input',
      `${name}: the input looks binary (over a tenth of its first bytes are control bytes), not a text page`,
      {
        input: name,
      },
    );
  }
  return kind ?? (looksLikeHtml(bytes) ? 'html' : 'text');
}

function kindFromContentType(input: RawInput): InputKind | null {
  const type = (input.contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (HTML_TYPES.includes(type)) return 'html';
  if (TEXT_TYPES.includes(type)) return 'text';
  if (UNKNOWN_TYPES.includes(type) || type === 'text/*') return null;
  if (type.startsWith('text/')) return 'text';
  throw new SitrepError(
    'unsupported_type',
    `${input.name}: content type ${type} is not supported (expected text/html or text/plain)`,
    { input: input.name },
  );
}

function isBlank(bytes: Buffer): boolean {
  for (const b of bytes) if (b !== 0x20 && b !== 0x0a && b !== 0x0d && b !== 0x09) return false;
  return true;
}

// Share of control bytes (NUL and C0 other than whitespace, form feed and escape) above which the
// input is binary. Text pages carry at most a few stray ones (a NUL pasted from a database field,
// a vertical tab from a word processor); images, archives and UTF-16 without a BOM carry far more.
const MAX_CONTROL_SHARE = 0.1;

/** Mostly non-text bytes in the first 8 KB; UTF-16 with a BOM is text. */
function looksBinary(bytes: Buffer): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return false;
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of sample) {
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) control++;
  }
  return control / sample.length > MAX_CONTROL_SHARE;
}

function looksLikeHtml(bytes: Buffer): boolean {
  const head = bytes.subarray(0, 2048).toString('latin1').toLowerCase();
  return /<!doctype html|<html[\s>]|<head[\s>]|<body[\s>]|<(p|div|article|meta|title)[\s>]/.test(head);
}
