import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HostThrottle } from '../../src/ingest/fetch/host-throttle.ts';
import {
  DEFAULT_SCHEDULE,
  nextPollAfterFailure,
  nextPollAfterSuccess,
  parseRetryAfter,
  parseRobots,
  pollIntervalMinutes,
} from '../../src/ingest/fetch/index.ts';

test('host throttle: at most n tasks at once per host, other hosts not held up', async () => {
  const throttle = new HostThrottle(2, 0);
  const active = new Map<string, number>();
  const peak = new Map<string, number>();
  const release: (() => void)[] = [];
  const task = (host: string) =>
    throttle.run(host, async () => {
      active.set(host, (active.get(host) ?? 0) + 1);
      peak.set(host, Math.max(peak.get(host) ?? 0, active.get(host) ?? 0));
      await new Promise<void>((resolve) => release.push(resolve));
      active.set(host, (active.get(host) ?? 1) - 1);
    });
  let done = 0;
  const all = [task('a'), task('a'), task('a'), task('a'), task('b')].map((p) => p.then(() => done++));
  // Let queued tasks start, then release them one by one until all are done.
  while (done < all.length) {
    await new Promise((resolve) => setImmediate(resolve));
    release.shift()?.();
  }
  await Promise.all(all);
  assert.equal(peak.get('a'), 2);
  assert.equal(peak.get('b'), 1);
});

test('host throttle: starts to one host are spaced by the delay, other hosts are not', async () => {
  let now = 0;
  const sleeps: number[] = [];
  const clock = {
    now: () => now,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      now += ms;
    },
  };
  const throttle = new HostThrottle(1, 1000, clock);
  const starts: [string, number][] = [];
  const task = (host: string) => throttle.run(host, async () => void starts.push([host, now]));
  await task('a');
  await task('a');
  await task('b');
  await task('a');
  assert.deepEqual(starts, [
    ['a', 0],
    ['a', 1000],
    ['b', 1000],
    ['a', 2000],
  ]);
  assert.deepEqual(sleeps, [1000, 1000]);
});

test('robots.txt: our group over *, longest match wins, Allow wins ties, * and $ patterns', () => {
  const robots = parseRobots(
    [
      'User-agent: *',
      'Disallow: /',
      '',
      'User-agent: sitrep',
      'User-agent: otherbot',
      'Disallow: /private/',
      'Allow: /private/public-feed.xml',
      'Disallow: /*.json$',
      '# comment',
    ].join('\n'),
    'sitrep',
  );
  assert.equal(robots.allows('/news/feed.xml'), true);
  assert.equal(robots.allows('/private/x'), false);
  assert.equal(robots.allows('/private/public-feed.xml'), true);
  assert.equal(robots.allows('/data/feed.json'), false);
  assert.equal(robots.allows('/data/feed.json?x=1'), true);
  const others = parseRobots('User-agent: *\nDisallow: /admin\n', 'sitrep');
  assert.equal(others.allows('/admin/x'), false);
  assert.equal(others.allows('/feed'), true);
  assert.equal(parseRobots('', 'sitrep').allows('/anything'), true);
});

test('Retry-After: seconds or an HTTP date', () => {
  const now = Date.parse('2025-06-03T10:00:00Z');
  assert.equal(parseRetryAfter('120', now), 120_000);
  assert.equal(parseRetryAfter('Tue, 03 Jun 2025 11:00:00 GMT', now), 3600_000);
  assert.equal(parseRetryAfter('soon', now), null);
  assert.equal(parseRetryAfter(null, now), null);
});

test('schedule: TTL is used within bounds, else half the posting gap, else the default', () => {
  assert.equal(pollIntervalMinutes(180, []), 180);
  assert.equal(pollIntervalMinutes(1, []), DEFAULT_SCHEDULE.minMinutes);
  assert.equal(pollIntervalMinutes(100_000, []), DEFAULT_SCHEDULE.maxMinutes);
  const everyFourHours = [0, 4, 8, 12].map((h) => new Date(Date.UTC(2025, 5, 3, h)).toISOString());
  assert.equal(pollIntervalMinutes(null, everyFourHours), 120);
  const daily = [1, 2, 3].map((d) => new Date(Date.UTC(2025, 5, d)).toISOString());
  assert.equal(pollIntervalMinutes(null, daily), 720);
  assert.equal(pollIntervalMinutes(null, [null, '2025-06-03T00:00:00Z']), DEFAULT_SCHEDULE.defaultMinutes);
  const now = 1_000_000;
  const next = nextPollAfterSuccess(60, now, () => 0.5);
  assert.equal(next, now + 60 * 60_000);
});

test('backoff: grows, is capped, never stops, and honours Retry-After', () => {
  const now = 0;
  const minutes = (n: number, random = 1) =>
    (nextPollAfterFailure(n, now, null, DEFAULT_SCHEDULE, () => random) - now) / 60_000;
  assert.equal(minutes(1), 5);
  assert.equal(minutes(2), 10);
  assert.equal(minutes(4), 40);
  assert.equal(minutes(50), DEFAULT_SCHEDULE.errorCapMinutes, 'capped, still scheduled');
  assert.equal(minutes(1000), DEFAULT_SCHEDULE.errorCapMinutes);
  assert.equal(minutes(3, 0), 10, 'jitter keeps at least half the delay');
  const asked = nextPollAfterFailure(1, now, 7200_000, DEFAULT_SCHEDULE, () => 1);
  assert.equal(asked, 7200_000);
});
