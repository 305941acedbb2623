// Bytes to text for XML and JSON feeds. Order of evidence: byte-order mark, the HTTP charset, the
// XML declaration, UTF-16/32 byte patterns, then UTF-8 — falling back to windows-1252 when the bytes
// are not valid UTF-8 (the commonest real mislabelling).
import iconv from 'iconv-lite';
import { guessCharset } from './guess-charset.ts';
import { mostlyInvalidUtf8 } from '../../extract/decode.ts';

const BOMS: [number[], string][] = [
  [[0x00, 0x00, 0xfe, 0xff], 'utf-32be'],
  [[0xff, 0xfe, 0x00, 0x00], 'utf-32le'],
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xfe, 0xff], 'utf-16be'],
  [[0xff, 0xfe], 'utf-16le'],
];

// `<?` (or `<` followed by a letter) written in a wide encoding without a byte-order mark.
const WIDE_PATTERNS: [number[], string][] = [
  [[0x00, 0x00, 0x00, 0x3c], 'utf-32be'],
  [[0x3c, 0x00, 0x00, 0x00], 'utf-32le'],
  [[0x00, 0x3c, 0x00], 'utf-16be'],
  [[0x3c, 0x00, 0x3f, 0x00], 'utf-16le'],
  [[0x3c, 0x00, 0x21, 0x00], 'utf-16le'],
];

const startsWith = (bytes: Buffer, prefix: number[]): boolean => prefix.every((b, i) => bytes[i] === b);

export function charsetFromContentType(contentType: string | null | undefined): string | null {
  const match = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? '');
  return match?.[1] ? match[1].toLowerCase() : null;
}

function declaredEncoding(head: string): string | null {
  const match = /^[\s\S]{0,200}?<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  return match?.[1] ? match[1].toLowerCase() : null;
}

function usable(name: string | null): string | null {
  if (!name) return null;
  const normal = name === 'us-ascii' || name === 'ascii' ? 'utf-8' : name;
  return iconv.encodingExists(normal) ? normal : null;
}

function isUtf8(name: string): boolean {
  return /^utf-?8$/i.test(name);
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const lenientUtf8 = new TextDecoder('utf-8');

/**
 * `declared` false: UTF-8 was assumed, not stated, so other encodings may be guessed. A few bad
 * bytes in otherwise valid UTF-8 become U+FFFD; only mostly invalid bytes are read as another charset.
 */
function decodeAs(bytes: Buffer, encoding: string, declared = true): string {
  if (isUtf8(encoding)) {
    try {
      return strictUtf8.decode(bytes);
    } catch {
      if (!mostlyInvalidUtf8(bytes)) return lenientUtf8.decode(bytes);
      return iconv.decode(bytes, declared ? 'windows-1252' : guessCharset(bytes));
    }
  }
  return iconv.decode(bytes, encoding);
}

export interface DecodedText {
  text: string;
  encoding: string;
}

export function decodeFeedBytes(bytes: Buffer, contentType: string | null = null): DecodedText {
  for (const [bom, encoding] of BOMS) {
    if (startsWith(bytes, bom)) return { text: decodeAs(bytes.subarray(bom.length), encoding), encoding };
  }
  for (const [pattern, encoding] of WIDE_PATTERNS) {
    if (startsWith(bytes, pattern)) return { text: iconv.decode(bytes, encoding), encoding };
  }
  const head = bytes.subarray(0, 512).toString('latin1');
  const stated = usable(charsetFromContentType(contentType)) ?? usable(declaredEncoding(head));
  const encoding = stated ?? 'utf-8';
  // A wide encoding declared on bytes that are plainly 8-bit (the declaration was copied) is ignored.
  const effective = /^utf-?(16|32)/i.test(encoding) ? 'utf-8' : encoding;
  return { text: decodeAs(bytes, effective, stated !== null), encoding: effective };
}
