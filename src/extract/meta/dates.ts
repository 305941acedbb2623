// Date strings as pages write them → ISO 8601. A zone is kept only when the page gives one; a
// page's local time without zone stays a local date-time ("2022-04-27T19:45:00"), and a date with
// no time stays a date ("2022-04-27").
// Each locale from its own entry point (chrono's main one loads every language it has), loaded on
// first use: most dates are ISO or numeric, and the ten parsers cost each process (and each reading
// thread) a tenth of a second to load. The CommonJS builds load synchronously.
import { createRequire } from 'node:module';
import type * as chrono from 'chrono-node';

const ISO_LIKE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i;
const NUMERIC =
  /^(?:[A-Za-z]{3,9}\.?,?\s+)?(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?:\s*(?:[-–—|,@]|at)?\s*(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]\.?m\.?)?)?$/i;
const PREFIX =
  /^(published|posted|updated|last updated|modified|date|on|le|am|el|il)\s*(on|at)?\s*[:\-–—]?\s*/i;

export function parseDate(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const text = raw.replace(/\s+/g, ' ').trim().replace(PREFIX, '');
  if (!text || text.length > 80) return null;
  return fromIsoLike(text) ?? fromNumeric(text) ?? fromNaturalLanguage(text);
}

function fromIsoLike(text: string): string | null {
  const m = ISO_LIKE.exec(text);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, zone] = m;
  if (!validDate(+y!, +mo!, +d!)) return null;
  if (h === undefined) return `${y}-${mo}-${d}`;
  return `${y}-${mo}-${d}T${h}:${mi}:${s ?? '00'}${formatZone(zone)}`;
}

/** 04/27/2022 (US order unless the first number cannot be a month), optional time. */
function fromNumeric(text: string): string | null {
  const m = NUMERIC.exec(text);
  if (!m) return null;
  const [, a, b, y, h, mi, s, meridiem] = m;
  const [month, day] = +a! > 12 ? [+b!, +a!] : [+a!, +b!];
  if (!validDate(+y!, month, day)) return null;
  const date = `${y}-${pad(month)}-${pad(day)}`;
  if (h === undefined) return date;
  return `${date}T${pad(to24(+h, meridiem))}:${mi}:${s ?? '00'}`;
}

// English first; then the other languages chrono reads, for pages that print dates in their own.
const LOCALE_NAMES = ['en', 'de', 'fr', 'es', 'pt', 'it', 'nl', 'sv', 'ru', 'uk'];
type Locale = { parse: (text: string, ref: Date) => chrono.ParsedResult[] };
let locales: Locale[] | null = null;
const requireChrono = createRequire(import.meta.url);
function chronoLocales(): Locale[] {
  return (locales ??= LOCALE_NAMES.map((name) => requireChrono(`chrono-node/${name}`) as Locale));
}
const REFERENCE = new Date(2000, 0, 1);
const YEAR = /\b(19|20)\d\d\b/;

function fromNaturalLanguage(text: string): string | null {
  // chrono does not read "date – time" with a dash between them.
  // A publication date names its year; checking first keeps chrono (slow) off ordinary lines.
  if (!YEAR.test(text)) return null;
  const cleaned = text.replace(/\s[–—|]\s/g, ' ');
  for (const locale of chronoLocales()) {
    const result = locale.parse(cleaned, REFERENCE)[0];
    if (result && isAbsoluteDate(result, cleaned)) return formatResult(result.start);
  }
  return null;
}

// Relative phrases ("3 hours ago"), dates without a year, and dates lost in a sentence are not publication dates.
function isAbsoluteDate(result: chrono.ParsedResult, text: string): boolean {
  const c = result.start;
  if (!c.isCertain('year') || !c.isCertain('month') || !c.isCertain('day')) return false;
  return YEAR.test(result.text) && result.text.length >= text.length * 0.5;
}

function formatResult(c: chrono.ParsedComponents): string {
  const date = `${c.get('year')}-${pad(c.get('month')!)}-${pad(c.get('day')!)}`;
  if (!c.isCertain('hour')) return date;
  const time = `${pad(c.get('hour')!)}:${pad(c.get('minute') ?? 0)}:${pad(c.get('second') ?? 0)}`;
  const offset = c.isCertain('timezoneOffset') ? c.get('timezoneOffset') : null;
  return `${date}T${time}${offset === null || offset === undefined ? '' : offsetToZone(offset)}`;
}

function validDate(y: number, m: number, d: number): boolean {
  return y >= 1900 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

function to24(hour: number, meridiem: string | undefined): number {
  if (!meridiem) return hour;
  const pm = meridiem.toLowerCase().startsWith('p');
  return (hour % 12) + (pm ? 12 : 0);
}

function formatZone(zone: string | undefined): string {
  if (!zone) return '';
  if (zone.toUpperCase() === 'Z') return 'Z';
  return zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
}

function offsetToZone(minutes: number): string {
  if (minutes === 0) return 'Z';
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
