// Dates as the resolver needs them: an ISO day, and whether a dated role covers it.
// chrono's English parser (what its default parseDate uses), loaded on first use: most dates given
// are ISO, and chrono's index loads every locale (a tenth of a second for each reading thread).
import { createRequire } from 'node:module';
import type { RoleEntry } from './kb/schema.ts';

/** ISO day (YYYY-MM-DD) for "2022-04-27", "2022-04-27T19:45:00", "10 May 2015", "today"; null if unknown. */
export function toIsoDay(date: string | null | undefined, today = new Date()): string | null {
  if (!date) return null;
  const iso = /^(\d{4}-\d{2}-\d{2})/.exec(date);
  if (iso) return iso[1]!;
  if (/^today$/i.test(date.trim())) return today.toISOString().slice(0, 10);
  const parsed = english().parseDate(date, today);
  return parsed ? parsed.toISOString().slice(0, 10) : null;
}

type ChronoEn = { parseDate: (text: string, ref: Date) => Date | null };
let chronoEn: ChronoEn | null = null;
const requireChrono = createRequire(import.meta.url);
const english = (): ChronoEn => (chronoEn ??= requireChrono('chrono-node/en') as ChronoEn);

const startOf = (d: string) => (d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d);
const endOf = (d: string) => (d.length === 4 ? `${d}-12-31` : d.length === 7 ? `${d}-31` : d);

/** A role with no end is held until today; the day it ends still counts (hand-overs are reported on it). */
export function roleHeldOn(role: RoleEntry, day: string): boolean {
  return startOf(role.from) <= day && (!role.to || day <= endOf(role.to));
}

/** The role current on `day`; without a day, the most recent one. */
export function roleOn<R extends RoleEntry>(roles: readonly R[], day: string | null): R | null {
  if (!roles.length) return null;
  if (day)
    return roles.filter((r) => roleHeldOn(r, day)).sort((a, b) => (a.from < b.from ? 1 : -1))[0] ?? null;
  return [...roles].sort((a, b) => ((a.to ?? '9999') < (b.to ?? '9999') ? 1 : -1))[0] ?? null;
}
