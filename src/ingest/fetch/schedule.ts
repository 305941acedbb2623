// When to poll a feed next. After a success: the publisher's TTL (RSS <ttl>, sy:updatePeriod) if
// given, else half the feed's typical gap between items, bounded. After a failure: exponential
// backoff with jitter, capped, never giving up; a Retry-After is honoured (up to a day).
export interface ScheduleOptions {
  minMinutes: number;
  maxMinutes: number;
  defaultMinutes: number;
  errorBaseMinutes: number;
  errorCapMinutes: number;
}

export const DEFAULT_SCHEDULE: ScheduleOptions = {
  minMinutes: 15,
  maxMinutes: 24 * 60,
  defaultMinutes: 60,
  errorBaseMinutes: 5,
  errorCapMinutes: 6 * 60,
};

const MINUTE = 60_000;
const clamp = (n: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, n));

/** Minutes between polls from the publisher's hint or the posting rate (item dates, ISO). */
export function pollIntervalMinutes(
  ttlMinutes: number | null,
  itemDates: (string | null)[],
  options: ScheduleOptions = DEFAULT_SCHEDULE,
): number {
  if (ttlMinutes && ttlMinutes > 0) return clamp(ttlMinutes, options.minMinutes, options.maxMinutes);
  const times = itemDates
    .map((d) => (d ? Date.parse(d) : NaN))
    .filter(Number.isFinite)
    .sort((a, b) => b - a)
    .slice(0, 20);
  if (times.length < 2) return options.defaultMinutes;
  const newest = times[0] as number;
  const oldest = times[times.length - 1] as number;
  const meanGap = (newest - oldest) / (times.length - 1) / MINUTE;
  return clamp(Math.round(meanGap / 2), options.minMinutes, options.maxMinutes);
}

/** Spreads polls of feeds with the same interval: ±10 %. */
export function nextPollAfterSuccess(
  intervalMinutes: number,
  now: number,
  random: () => number = Math.random,
): number {
  return now + intervalMinutes * MINUTE * (0.9 + 0.2 * random());
}

/** errorCount counts this failure (1 for the first). Equal jitter: half fixed, half random. */
export function nextPollAfterFailure(
  errorCount: number,
  now: number,
  retryAfterMs: number | null,
  options: ScheduleOptions = DEFAULT_SCHEDULE,
  random: () => number = Math.random,
): number {
  const exponent = Math.min(Math.max(errorCount, 1) - 1, 20);
  const capped = Math.min(options.errorCapMinutes, options.errorBaseMinutes * 2 ** exponent) * MINUTE;
  const delay = capped / 2 + (capped / 2) * random();
  const asked = retryAfterMs === null ? 0 : Math.min(retryAfterMs, 24 * 60 * MINUTE);
  return now + Math.max(delay, asked);
}
