// Dates an event clause speaks of, resolved against the article's publication date:
// "on Wednesday" (the latest Wednesday on or before publication, or the next one for plans),
// "yesterday", "last month", "in 2021", "on 15 October", "March 3, 2021", "two years ago".

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const MONTH_ABBR = MONTHS.map((m) => m.slice(0, 3));
const NUMBERS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  ten: 10,
};

export interface DateMention {
  /** Offset (in the searched text) of the expression. */
  index: number;
  text: string;
  value: string;
}

interface Rule {
  re: RegExp;
  resolve: (m: RegExpExecArray, pub: Date | null, forward: boolean) => string | null;
}

const iso = (d: Date) => d.toISOString().slice(0, 10);
const month = (d: Date) => d.toISOString().slice(0, 7);
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000);
const pad = (n: number) => String(n).padStart(2, '0');

function monthIndex(word: string): number {
  const w = word.toLowerCase().replace(/\.$/, '');
  const i = MONTHS.indexOf(w);
  return i >= 0 ? i : MONTH_ABBR.indexOf(w.slice(0, 3));
}

function weekday(
  name: string,
  pub: Date | null,
  forward: boolean,
  shift: 'last' | 'next' | null,
): string | null {
  if (!pub) return null;
  const want = WEEKDAYS.indexOf(name.toLowerCase());
  const today = pub.getUTCDay();
  if (shift === 'next' || (forward && shift !== 'last')) {
    const ahead = (want - today + 7) % 7 || (shift === 'next' ? 7 : 0);
    return iso(addDays(pub, ahead));
  }
  const back = (today - want + 7) % 7 || (shift === 'last' ? 7 : 0);
  return iso(addDays(pub, -back));
}

/** A month without a year: the latest such month on or before publication (or after, for plans). */
function bareMonth(m: number, day: number | null, pub: Date | null, forward: boolean): string | null {
  if (!pub) return null;
  let year = pub.getUTCFullYear();
  if (!forward && m > pub.getUTCMonth()) year--;
  if (forward && m < pub.getUTCMonth()) year++;
  return day ? `${year}-${pad(m + 1)}-${pad(day)}` : `${year}-${pad(m + 1)}`;
}

const MONTH_RE =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';

const RULES: Rule[] = [
  {
    re: new RegExp(`\\b${MONTH_RE}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'gi'),
    resolve: (m) => `${m[3]}-${pad(monthIndex(m[1] ?? '') + 1)}-${pad(Number(m[2]))}`,
  },
  {
    re: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH_RE},?\\s+(\\d{4})\\b`, 'gi'),
    resolve: (m) => `${m[3]}-${pad(monthIndex(m[2] ?? '') + 1)}-${pad(Number(m[1]))}`,
  },
  {
    re: new RegExp(`\\b${MONTH_RE},?\\s+(\\d{4})\\b`, 'gi'),
    resolve: (m) => `${m[2]}-${pad(monthIndex(m[1] ?? '') + 1)}`,
  },
  {
    re: new RegExp(`\\b${MONTH_RE}\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b`, 'gi'),
    resolve: (m, pub, fwd) => bareMonth(monthIndex(m[1] ?? ''), Number(m[2]), pub, fwd),
  },
  {
    re: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH_RE}\\b`, 'gi'),
    resolve: (m, pub, fwd) => bareMonth(monthIndex(m[2] ?? ''), Number(m[1]), pub, fwd),
  },
  {
    re: new RegExp(
      `\\b(?:in|since|during|by|until|last|next|this|early|late|mid-?)\\s+${MONTH_RE}(?!\\s+\\d)`,
      'gi',
    ),
    resolve: (m, pub, fwd) => bareMonth(monthIndex(m[1] ?? ''), null, pub, fwd || /^next/i.test(m[0])),
  },
  {
    re: /\b(?:in|since|during|by|of|until|early|late|mid-?)\s+((?:19|20)\d\d)\b/gi,
    resolve: (m) => m[1] ?? null,
  },
  {
    re: /\b(last|next|this)?\s*(sunday|monday|tuesday|wednesday|thursday|friday|saturday)\b/gi,
    resolve: (m, pub, fwd) =>
      weekday(
        m[2] ?? '',
        pub,
        fwd,
        (m[1]?.toLowerCase() as 'last' | 'next' | undefined) === 'last'
          ? 'last'
          : m[1]?.toLowerCase() === 'next'
            ? 'next'
            : null,
      ),
  },
  {
    re: /\b(?:today|tonight|this (?:morning|afternoon|evening))\b/gi,
    resolve: (_m, pub) => (pub ? iso(pub) : null),
  },
  { re: /\b(?:yesterday|last night)\b/gi, resolve: (_m, pub) => (pub ? iso(addDays(pub, -1)) : null) },
  { re: /\btomorrow\b/gi, resolve: (_m, pub) => (pub ? iso(addDays(pub, 1)) : null) },
  { re: /\b(?:this|earlier this|later this) week\b/gi, resolve: (_m, pub) => (pub ? iso(pub) : null) },
  { re: /\blast week\b/gi, resolve: (_m, pub) => (pub ? iso(addDays(pub, -7)) : null) },
  { re: /\bnext week\b/gi, resolve: (_m, pub) => (pub ? iso(addDays(pub, 7)) : null) },
  { re: /\b(?:this|earlier this|later this) month\b/gi, resolve: (_m, pub) => (pub ? month(pub) : null) },
  {
    re: /\blast month\b/gi,
    resolve: (_m, pub) =>
      pub ? month(new Date(Date.UTC(pub.getUTCFullYear(), pub.getUTCMonth() - 1, 1))) : null,
  },
  {
    re: /\bnext month\b/gi,
    resolve: (_m, pub) =>
      pub ? month(new Date(Date.UTC(pub.getUTCFullYear(), pub.getUTCMonth() + 1, 1))) : null,
  },
  {
    re: /\b(?:this|earlier this|later this) year\b/gi,
    resolve: (_m, pub) => (pub ? String(pub.getUTCFullYear()) : null),
  },
  { re: /\blast year\b/gi, resolve: (_m, pub) => (pub ? String(pub.getUTCFullYear() - 1) : null) },
  { re: /\bnext year\b/gi, resolve: (_m, pub) => (pub ? String(pub.getUTCFullYear() + 1) : null) },
  {
    re: /\b(a|an|one|two|three|four|five|six|ten|\d+) years? ago\b/gi,
    resolve: (m, pub) =>
      pub ? String(pub.getUTCFullYear() - (NUMBERS[(m[1] ?? '').toLowerCase()] ?? Number(m[1]))) : null,
  },
];

/** Parses the publication date (a date or a local date-time); null when absent or unreadable. */
export function publicationDate(published: string | null | undefined): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(published ?? '');
  if (!m) return null;
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

/** Every date expression in text, resolved; `forward` reads bare weekdays and months as upcoming. */
export function findDates(text: string, pub: Date | null, forward = false): DateMention[] {
  const out: DateMention[] = [];
  for (const rule of RULES) {
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(text); m; m = rule.re.exec(text)) {
      const index = m.index;
      if (out.some((d) => index < d.index + d.text.length && d.index < index + m[0].length)) continue;
      const value = rule.resolve(m, pub, forward);
      if (value) out.push({ index, text: m[0], value });
    }
  }
  return out.sort((a, b) => a.index - b.index);
}

export interface EventDate {
  value: string | null;
  /** "text" when the sentence names the date, "published" when it defaults to the article's. */
  source: 'text' | 'published' | null;
}

/** The date of an event whose verb is at `anchor` in text: the nearest expression, else publication. */
export function eventDate(text: string, anchor: number, pub: Date | null, forward = false): EventDate {
  const dates = findDates(text, pub, forward);
  let best: DateMention | null = null;
  for (const d of dates) if (!best || Math.abs(d.index - anchor) < Math.abs(best.index - anchor)) best = d;
  if (best) return { value: best.value, source: 'text' };
  return pub ? { value: iso(pub), source: 'published' } : { value: null, source: null };
}
