// Counting a dyad's events by week or month: quad classes, mean Goldstein, reports and origins.
import type { DyadEventFact } from '../../store/index.ts';
import type { Bucket } from './schemas.ts';

/** The Monday of the ISO week a date (YYYY-MM-DD…) falls in. */
export function weekStart(date: string): string {
  const day = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  const offset = (day.getUTCDay() + 6) % 7;
  day.setUTCDate(day.getUTCDate() - offset);
  return day.toISOString().slice(0, 10);
}

function addDays(date: string, days: number): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}

function monthEnd(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

function periodOf(date: string, by: 'week' | 'month'): { period: string; since: string; until: string } {
  if (by === 'month') {
    const month = date.slice(0, 7);
    return { period: month, since: `${month}-01`, until: monthEnd(month) };
  }
  const monday = weekStart(date);
  return { period: monday, since: monday, until: addDays(monday, 6) };
}

interface Tally {
  events: number;
  quad: [number, number, number, number];
  goldsteinSum: number;
  goldsteinCount: number;
  reports: number;
  origins: Set<string>;
}

const emptyTally = (): Tally => ({
  events: 0,
  quad: [0, 0, 0, 0],
  goldsteinSum: 0,
  goldsteinCount: 0,
  reports: 0,
  origins: new Set(),
});

function count(tally: Tally, fact: DyadEventFact): void {
  tally.events++;
  if (fact.quadClass !== null && fact.quadClass >= 1 && fact.quadClass <= 4)
    tally.quad[fact.quadClass - 1]!++;
  if (fact.goldstein !== null) {
    tally.goldsteinSum += fact.goldstein;
    tally.goldsteinCount++;
  }
  tally.reports += fact.reports;
  tally.origins.add(fact.originKey);
}

function summary(tally: Tally) {
  return {
    events: tally.events,
    quad: tally.quad,
    goldsteinMean: tally.goldsteinCount ? round(tally.goldsteinSum / tally.goldsteinCount) : null,
    reports: tally.reports,
    origins: tally.origins.size,
  };
}

export const round = (value: number): number => Math.round(value * 100) / 100;

/** Buckets in time order; periods without events are left out (the chart draws gaps as zero). */
export function bucketFacts(facts: DyadEventFact[], by: 'week' | 'month') {
  const tallies = new Map<string, { period: ReturnType<typeof periodOf>; tally: Tally }>();
  const total = emptyTally();
  let imprecise = 0;
  for (const fact of facts) {
    // "2021" cannot be put in a month, nor "2021-04" in a week: counted apart, not guessed.
    if (fact.date.length < (by === 'month' ? 7 : 10)) {
      imprecise++;
      continue;
    }
    const period = periodOf(fact.date, by);
    let entry = tallies.get(period.period);
    if (!entry) tallies.set(period.period, (entry = { period, tally: emptyTally() }));
    count(entry.tally, fact);
    count(total, fact);
  }
  const buckets: Bucket[] = [...tallies.values()]
    .sort((x, y) => x.period.period.localeCompare(y.period.period))
    .map(({ period, tally }) => ({ ...period, ...summary(tally) }));
  return { buckets, total: summary(total), imprecise };
}
