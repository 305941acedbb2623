// Guesses the encoding of text that declares none and is not UTF-8 (old Asian and Cyrillic feeds):
// each candidate decodes the bytes, and scores by how much of the result is plausible text of its
// language per non-ASCII byte; broken sequences cost heavily. Without a clear winner, windows-1252.
import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';

const hints = JSON.parse(
  readFileSync(new URL('../../../data/ingest/charset-hints.json', import.meta.url), 'utf8'),
) as { zhHans: string; zhHant: string; ko: string };

const hans = new Set(hints.zhHans);
const hant = new Set(hints.zhHant);
const korean = new Set(hints.ko);

/** Points for one decoded non-ASCII character; `previous` is the code point before it. */
type Scorer = (char: string, code: number, previous: number) => number;

const isKana = (c: number): boolean => c >= 0x3040 && c <= 0x30ff;
const isHan = (c: number): boolean => c >= 0x4e00 && c <= 0x9fff;
const isHangul = (c: number): boolean => c >= 0xac00 && c <= 0xd7a3;
// Full-width forms only: half-width katakana (FF61-FF9F) is what Korean or Russian bytes become in Shift_JIS.
const isCjkPunct = (c: number): boolean => (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xff60);

const chinese =
  (common: Set<string>): Scorer =>
  (char, c) =>
    isHan(c) ? (common.has(char) ? 3 : 1) : isCjkPunct(c) ? 2 : 0;

// Russian text is mostly lower case (the wrong Cyrillic table turns it into capitals), and a few
// letters are rare in it but frequent in Hebrew read through windows-1251.
const RARE_CYRILLIC = new Set('ъщшжйфцэхю');
const cyrillic: Scorer = (char, c) =>
  c >= 0x430 && c <= 0x44f ? (RARE_CYRILLIC.has(char) ? 0.4 : 1) : c >= 0x410 && c <= 0x42f ? 0.3 : 0;

const CANDIDATES: [string, Scorer][] = [
  ['shift_jis', (_, c) => (isKana(c) ? 3 : isHan(c) ? 1.5 : isCjkPunct(c) ? 2 : 0)],
  ['euc-jp', (_, c) => (isKana(c) ? 3 : isHan(c) ? 1.5 : isCjkPunct(c) ? 2 : 0)],
  [
    'euc-kr',
    (char, c) => (isHangul(c) ? (korean.has(char) ? 3 : 1.5) : isHan(c) ? 0.5 : isCjkPunct(c) ? 1 : 0),
  ],
  ['gb18030', chinese(hans)],
  ['big5', chinese(hant)],
  ['koi8-r', cyrillic],
  ['windows-1251', cyrillic],
  ['windows-1255', (_, c) => (c >= 0x5d0 && c <= 0x5ea ? 1 : 0)],
  ['windows-874', (_, c) => (c >= 0xe01 && c <= 0xe5b ? 1 : 0)],
  // Western text has accented letters one at a time inside words; runs of them are mojibake.
  ['windows-1252', (_, c, previous) => (isWestern(c) ? (previous >= 0x80 ? 0.2 : 1.1) : 0)],
];

function isWestern(c: number): boolean {
  return (c >= 0xa0 && c <= 0xff && c !== 0xd7 && c !== 0xf7) || (c >= 0x2013 && c <= 0x2026);
}

const isAsciiLetter = (c: number): boolean => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);

function isBroken(c: number): boolean {
  return c === 0xfffd || (c >= 0x80 && c <= 0x9f) || (c >= 0xe000 && c <= 0xf8ff);
}

/** Another script glued to a Latin letter (caf + é read as Thai) is unlikely text, except in Latin. */
function score(text: string, scorer: Scorer, highBytes: number, latin: boolean): number {
  let total = 0;
  let previous = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code >= 0x80) {
      const points = isBroken(code) ? -6 : scorer(char, code, previous);
      total += !latin && points > 0 && isAsciiLetter(previous) ? points * 0.2 : points;
    }
    previous = code;
  }
  return total / highBytes;
}

export function guessCharset(bytes: Buffer): string {
  const sample = bytes.subarray(0, 64 * 1024);
  let highBytes = 0;
  for (const byte of sample) if (byte >= 0x80) highBytes++;
  if (!highBytes) return 'utf-8';
  let best = 'windows-1252';
  let bestScore = 0.5;
  for (const [encoding, scorer] of CANDIDATES) {
    const value = score(iconv.decode(sample, encoding), scorer, highBytes, encoding === 'windows-1252');
    if (value > bestScore) {
      best = encoding;
      bestScore = value;
    }
  }
  return best;
}
