// Bytes → text. Order of evidence (after WHATWG "encoding sniffing"): BOM, HTTP charset, <meta>
// charset / http-equiv, XML declaration, then sniffing. A declared UTF-8 that is mostly invalid
// falls back to windows-1252 (a stray bad byte is replaced by U+FFFD instead, so one byte cannot
// garble a whole page), and a declared single-byte charset on bytes that are valid multi-byte
// UTF-8 yields UTF-8: both are common server misconfigurations.
import iconv from 'iconv-lite';
import type { RawInput } from './index.ts';

export interface Decoded {
  text: string;
  /** The encoding actually used, as an iconv-lite / WHATWG label (lower case). */
  encoding: string;
}

const PRESCAN_BYTES = 4096;
// WHATWG maps these labels to windows-1252; so do browsers.
const WINDOWS_1252_ALIASES = new Set([
  'iso-8859-1',
  'iso8859-1',
  'latin1',
  'latin-1',
  'us-ascii',
  'ascii',
  'l1',
]);

export function decodeBytes(input: RawInput): Decoded {
  const { bytes } = input;
  const bom = encodingFromBom(bytes);
  if (bom) return { text: iconv.decode(bytes.subarray(bom.length), bom.encoding), encoding: bom.encoding };
  const declared = charsetFromContentType(input.contentType) ?? charsetFromMarkup(bytes);
  const encoding = chooseEncoding(bytes, declared);
  return { text: iconv.decode(bytes, encoding), encoding };
}

function encodingFromBom(bytes: Buffer): { encoding: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

export function charsetFromContentType(contentType: string | null): string | null {
  const match = contentType?.match(/charset\s*=\s*["']?([\w.:-]+)/i);
  return match?.[1] ? normaliseLabel(match[1]) : null;
}

/** Looks for <meta charset>, <meta http-equiv content="…charset=…"> or <?xml encoding> near the top. */
export function charsetFromMarkup(bytes: Buffer): string | null {
  const head = bytes.subarray(0, PRESCAN_BYTES).toString('latin1');
  const xml = head.match(/^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i);
  for (const tag of head.match(/<meta\b[^>]*>/gi) ?? []) {
    const direct = tag.match(/\bcharset\s*=\s*["']?([\w.:-]+)/i);
    if (direct?.[1]) return normaliseLabel(direct[1]);
  }
  return xml?.[1] ? normaliseLabel(xml[1]) : null;
}

function normaliseLabel(label: string): string | null {
  const lower = label.trim().toLowerCase();
  if (WINDOWS_1252_ALIASES.has(lower)) return 'windows-1252';
  if (lower === 'utf8' || lower === 'unicode-1-1-utf-8') return 'utf-8';
  // A page declaring UTF-16 without a BOM is served as ASCII-compatible bytes in practice.
  if (lower.startsWith('utf-16')) return 'utf-8';
  return iconv.encodingExists(lower) ? lower : null;
}

function chooseEncoding(bytes: Buffer, declared: string | null): string {
  if (declared === 'utf-8' || !declared) return mostlyInvalidUtf8(bytes) ? 'windows-1252' : 'utf-8';
  if (declared === 'windows-1252' && utf8Validity(bytes) === 'multibyte') return 'utf-8';
  return declared;
}

/** More invalid sequences than valid multi-byte ones: the bytes are not UTF-8 with a few bad bytes. */
export function mostlyInvalidUtf8(bytes: Buffer): boolean {
  const { valid, invalid } = utf8Sequences(bytes);
  return invalid > valid;
}

/** Counts valid multi-byte UTF-8 sequences and invalid bytes, in one pass. */
export function utf8Sequences(bytes: Buffer): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    let ok = need > 0;
    for (let k = 1; ok && k <= need; k++) {
      const c = bytes[i + k];
      // A sequence cut off at the very end (a truncated download) is not evidence either way.
      if (c === undefined) return { valid, invalid };
      ok = (c & 0xc0) === 0x80;
    }
    if (ok) {
      valid++;
      i += need + 1;
    } else {
      invalid++;
      i++;
    }
  }
  return { valid, invalid };
}

type Utf8Validity = 'ascii' | 'multibyte' | 'invalid';

export function utf8Validity(bytes: Buffer): Utf8Validity {
  let multibyte = false;
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return 'invalid';
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      // A sequence cut off at the very end of the input (truncated download) is not evidence against UTF-8.
      if (c === undefined) return multibyte ? 'multibyte' : 'invalid';
      if ((c & 0xc0) !== 0x80) return 'invalid';
    }
    multibyte = true;
    i += need + 1;
  }
  return multibyte ? 'multibyte' : 'ascii';
}
