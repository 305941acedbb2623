// Feed dates to ISO 8601 UTC. Tries, in order: ISO 8601 / W3C-DTF (also compact and space-separated),
// RFC 822 and its common breakages (no weekday, two-digit years, full month names, missing seconds,
// named or numeric zones, dashes), asctime, then chrono-node for what remains. A string it cannot
// read gives null: a missing date is a value, not an error.
import { readFileSync } from 'node:fs';
import * as chrono from 'chrono-node';

const words = JSON.parse(
  readFileSync(new URL('../../../data/ingest/date-words.json', import.meta.url), 'utf8'),
) as { months: Record<string, number>; zones: Record<string, number> };

interface Parts {
  year: number;
  month: number;
  day: number;
  hour?: number;
  minute?: number;
  second?: number;
  /** Minutes east of UTC. */
  offset?: number;
}

const ISO =
  /^(\d{4})(?:-?(\d{2})(?:-?(\d{2}))?)?(?:(?:T|\s+)(\d{1,2})(?::?(\d{2}))?(?::?(\d{2})(?:[.,]\d+)?)?)?\s*(Z|UTC|GMT|[+-]\d{1,2}(?::?\d{2})?)?$/i;
const RFC822 =
  /^(?:[^\d\s,]+\.?,?\s*)?(\d{1,2})(?:st|nd|rd|th)?[\s\-/.]*([^\d\s,.\-/]+)\.?,?[\s\-/]*(\d{2,4})(?:,?\s*(?:T|at\s+)?(\d{1,2})(?:[:.](\d{2}))(?:[:.](\d{2}))?(?:\.\d+)?\s*(am|pm)?)?\s*(.*)$/i;
const MONTH_FIRST =
  /^(?:[^\d\s,]+,?\s+)?([^\d\s,.]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?:,?\s*(?:at\s+)?(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(am|pm)?)?\s*(.*)$/i;
const ASCTIME = /^[^\d\s,]+\s+([^\d\s,]+)\s+(\d{1,2})\s+(\d{1,2}):(\d{2}):(\d{2})\s+(?:(\S+)\s+)?(\d{4})$/;
const SLASHED = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?:[\sT]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*(.*)$/;

const num = (s: string | undefined): number | undefined => (s === undefined ? undefined : Number(s));

function monthNumber(name: string): number | undefined {
  const lower = name.toLowerCase();
  return words.months[lower] ?? words.months[lower.slice(0, 4)] ?? words.months[lower.slice(0, 3)];
}

function fullYear(year: string): number {
  const n = Number(year);
  if (year.length > 2) return n;
  return n >= 70 ? 1900 + n : 2000 + n;
}

/** "+0530", "-08:00", "+1", "EST", "GMT+2", "(PST)"; undefined when none, null when unreadable. */
export function zoneOffset(zone: string): number | undefined | null {
  const z = zone.trim().replace(/^\(|\)$/g, '');
  if (!z) return undefined;
  const numeric = /^(?:(?:GMT|UTC|UT)\s*)?([+-])(\d{1,2})(?::?(\d{2}))?$/i.exec(z);
  if (numeric) {
    const minutes = Number(numeric[2]) * 60 + Number(numeric[3] ?? 0);
    return numeric[1] === '-' ? -minutes : minutes;
  }
  const named = words.zones[z.toLowerCase().replace(/\.$/, '')];
  return named === undefined ? null : named;
}

function to24(hour: number | undefined, meridiem: string | undefined): number | undefined {
  if (hour === undefined || !meridiem) return hour;
  const pm = meridiem.toLowerCase() === 'pm';
  return (hour % 12) + (pm ? 12 : 0);
}

function fromIso(s: string): Parts | null {
  const m = ISO.exec(s);
  if (!m?.[1]) return null;
  const offset = m[7] ? zoneOffset(m[7]) : undefined;
  if (offset === null) return null;
  return {
    year: Number(m[1]),
    month: num(m[2]) ?? 1,
    day: num(m[3]) ?? 1,
    hour: num(m[4]),
    minute: num(m[5]),
    second: num(m[6]),
    offset,
  };
}

function withZone(parts: Omit<Parts, 'offset'>, zone: string | undefined): Parts | null {
  const offset = zoneOffset(zone ?? '');
  // Trailing words that are not a zone (", Europe/Paris" or a stray comment) do not void the date,
  // but trailing digits do: they are a time or an offset that could not be read.
  if (offset === null && /\d/.test(zone ?? '')) return null;
  return { ...parts, offset: offset ?? undefined };
}

function fromRfc822(s: string): Parts | null {
  const m = RFC822.exec(s);
  if (!m?.[1] || !m[2] || !m[3]) return null;
  const month = monthNumber(m[2]);
  if (!month) return null;
  return withZone(
    {
      year: fullYear(m[3]),
      month,
      day: Number(m[1]),
      hour: to24(num(m[4]), m[7]),
      minute: num(m[5]),
      second: num(m[6]),
    },
    m[8],
  );
}

function fromMonthFirst(s: string): Parts | null {
  const m = MONTH_FIRST.exec(s);
  if (!m?.[1] || !m[2] || !m[3]) return null;
  const month = monthNumber(m[1]);
  if (!month) return null;
  return withZone(
    {
      year: Number(m[3]),
      month,
      day: Number(m[2]),
      hour: to24(num(m[4]), m[7]),
      minute: num(m[5]),
      second: num(m[6]),
    },
    m[8],
  );
}

function fromAsctime(s: string): Parts | null {
  const m = ASCTIME.exec(s);
  if (!m?.[1] || !m[7]) return null;
  const month = monthNumber(m[1]);
  if (!month) return null;
  return withZone(
    { year: Number(m[7]), month, day: Number(m[2]), hour: num(m[3]), minute: num(m[4]), second: num(m[5]) },
    m[6],
  );
}

function fromSlashed(s: string): Parts | null {
  const m = SLASHED.exec(s);
  if (!m?.[1]) return null;
  return withZone(
    {
      year: Number(m[1]),
      month: Number(m[2]),
      day: Number(m[3]),
      hour: num(m[4]),
      minute: num(m[5]),
      second: num(m[6]),
    },
    m[7],
  );
}

function toIso(p: Parts): string | null {
  const { year, month, day } = p;
  const hour = p.hour ?? 0;
  const minute = p.minute ?? 0;
  // A leap second (60) is read as 59; 61 is not a time.
  if ((p.second ?? 0) > 60 || Math.abs(p.offset ?? 0) > 14 * 60) return null;
  const second = Math.min(p.second ?? 0, 59);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 24 || minute > 59) return null;
  if (year < 1000 || year > 9999) return null;
  const ms = Date.UTC(year, month - 1, day, hour, minute, second) - (p.offset ?? 0) * 60_000;
  const date = new Date(ms);
  // Date.UTC rolls 31 February into March; such a date is wrong, not late.
  if (new Date(Date.UTC(year, month - 1, day)).getUTCDate() !== day) return null;
  return Number.isFinite(ms) ? date.toISOString() : null;
}

/** Last resort, only for strings that name a full year and give chrono a certain day. */
function fromChrono(s: string): string | null {
  if (!/\b\d{4}\b/.test(s)) return null;
  const [result] = chrono.parse(s, { instant: new Date(Date.UTC(2000, 0, 1)), timezone: 'UTC' });
  if (!result) return null;
  const start = result.start;
  if (!start.isCertain('year') || !start.isCertain('month') || !start.isCertain('day')) return null;
  const date = start.date();
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

export function parseFeedDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const s = value.replace(/\s+/g, ' ').trim();
  if (!s) return null;
  for (const read of [fromIso, fromRfc822, fromMonthFirst, fromAsctime, fromSlashed]) {
    const parts = read(s);
    // A recognised form with impossible values (31 February, offset -99:99) is not guessed at.
    if (parts) return toIso(parts);
  }
  const guessed = fromChrono(s);
  // Years beyond 9999 (after an absurd offset) come out as "+010000-…": not a date.
  return guessed && /^\d{4}-/.test(guessed) ? guessed : null;
}
