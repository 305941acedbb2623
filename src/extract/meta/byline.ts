// Byline strings as pages print them → the names alone, plus any date printed beside them
// ("Tom Davies Associated Press Published 11:34 PM EST Nov 19, 2019").
import { parseDate } from './dates.ts';

export interface BylineParts {
  name: string | null;
  date: string | null;
}

const LEAD =
  /^(?:posted|written|words|reporting|story|text)?\s*by\s*[:-]?\s+|^(?:author|authors|byline)\s*[:-]\s*/i;
const STAMP = /\s*[,|–—-]?\s*\b(?:published|updated|posted|last updated|first published|modified)\b.*$/i;
const MONTH_DATE =
  /\s*[,|–—-]?\s*(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b.*$/i;
const NUMERIC_DATE =
  /\s*[,|–—-]?\s*(?:\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{4}).*$/i;

export function splitByline(raw: string | null): BylineParts {
  if (!raw) return { name: null, date: null };
  let text = raw.replace(/\s+/g, ' ').trim().replace(LEAD, '');
  let date: string | null = null;
  for (const pattern of [STAMP, MONTH_DATE, NUMERIC_DATE]) {
    const m = pattern.exec(text);
    if (!m || m.index === 0) continue;
    date ??= parseDate(m[0].replace(/^[\s,|–—-]+/, ''));
    text = text.slice(0, m.index);
  }
  const name = text.replace(/[\s,|–—:-]+$/, '').trim();
  return { name: name.length > 1 && name.length <= 120 ? name : null, date };
}
