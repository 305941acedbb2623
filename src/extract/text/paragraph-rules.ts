// Rules over single paragraphs, shared by HTML and plain-text pages: furniture to drop, where the
// article ends (comment form, related box), byline and date lines, photo credits.
import { loadData } from '../data.ts';
import { parseDate } from '../meta/dates.ts';

interface BoilerplateData {
  dropParagraph: string[];
  endOfArticle: string[];
  photoCredit: string[];
}

let compiled: { drop: RegExp[]; end: RegExp[]; credit: RegExp[] } | undefined;

function rules(): { drop: RegExp[]; end: RegExp[]; credit: RegExp[] } {
  if (compiled) return compiled;
  const data = loadData<BoilerplateData>('boilerplate.json');
  compiled = {
    drop: data.dropParagraph.map((p) => new RegExp(p, 'i')),
    end: data.endOfArticle.map((p) => new RegExp(p, 'i')),
    // Credits name agencies and people: keep their case.
    credit: data.photoCredit.map((p) => new RegExp(p)),
  };
  return compiled;
}

const trimmed = (p: string): string => p.trim().replace(/[\s:.]+$/, (m) => (m.includes(':') ? '' : m.trim()));

export function isBoilerplate(paragraph: string): boolean {
  const p = paragraph.trim();
  return p.length < 400 && rules().drop.some((r) => r.test(p) || r.test(trimmed(p)));
}

export function isEndOfArticle(paragraph: string): boolean {
  const p = paragraph.trim();
  return p.length < 80 && rules().end.some((r) => r.test(p) || r.test(trimmed(p)));
}

const BYLINE =
  /^(?:by|written by|words by|reporting by|author|von|par|por|di|door|av)\s*[:-]?\s+(.{3,100})$/i;
const NAME_WORD = /^(?:[\p{Lu}][\p{L}'’.-]*|and|&|de|da|del|der|di|du|van|von|le|la|bin|al|el|y|[A-Z]\.)$/u;

/** The name(s) in a byline line ("By Jane Doe and John Roe", "By Jane Doe, Reuters"), or null. */
export function bylineFromLine(line: string): string | null {
  const m = BYLINE.exec(line.trim());
  if (!m) return null;
  const names = m[1]!.replace(/\s*[|•·–—-]\s*.*$/, '').trim();
  const head = names.split(/,\s*/)[0]!;
  return looksLikeName(head) ? names : null;
}

/** A line made only of a person's name (2–5 capitalised words). */
export function looksLikeName(text: string): boolean {
  const words = text.trim().split(/\s+/);
  if (words.length < 2 || words.length > 6 || text.length > 60) return false;
  if (!/^[\p{Lu}]/u.test(words[0]!)) return false;
  return words.every((w) => NAME_WORD.test(w));
}

/** An ISO date when the whole line is a date (with an optional "Published:" label), else null. */
export function dateFromLine(line: string): string | null {
  const text = line.trim();
  if (text.length > 70 || !/\d/.test(text)) return null;
  return parseDate(text);
}

/** A short paragraph with no final punctuation that carries a photo credit. */
export function isCaptionLike(paragraph: string): boolean {
  const p = paragraph.trim();
  if (p.length > 300 || p.includes('\n\n') || /[.!?:;"”’…]$/.test(p)) return false;
  return rules().credit.some((r) => r.test(p));
}
