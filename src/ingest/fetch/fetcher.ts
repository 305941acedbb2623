// The polite fetcher every feed and page request goes through: robots.txt (cached per origin),
// per-host concurrency and delay, a connection pool that refuses private addresses.
import type { Agent } from 'undici';
import { createAgent } from './guarded-agent.ts';
import { httpGet, type FetchedResource } from './http-client.ts';
import { FetchError } from './errors.ts';
import { ALLOW_ALL, parseRobots, type RobotsRules } from './robots.ts';
import { HostThrottle } from './host-throttle.ts';

export interface FetcherOptions {
  allowPrivate?: boolean;
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  /** Requests at once to one host. */
  perHostConcurrency?: number;
  /** Least time between two requests to one host. */
  perHostDelayMs?: number;
  /** How long a robots.txt answer is trusted. */
  robotsTtlMs?: number;
  respectRobots?: boolean;
}

export interface Conditional {
  etag?: string | null;
  lastModified?: string | null;
}

export const FEED_ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5';
export const PAGE_ACCEPT = 'text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8,*/*;q=0.5';

const ROBOTS_TOKEN = 'sitrep';
const ROBOTS_MAX_BYTES = 512 * 1024;
const ROBOTS_CACHE_LIMIT = 10_000;

export class Fetcher {
  readonly options: Required<FetcherOptions>;
  private readonly agent: Agent;
  private readonly throttle: HostThrottle;
  private readonly robots = new Map<string, { rules: Promise<RobotsRules>; fetchedAt: number }>();

  constructor(options: FetcherOptions = {}) {
    this.options = {
      allowPrivate: options.allowPrivate ?? false,
      timeoutMs: options.timeoutMs ?? 20_000,
      maxBytes: options.maxBytes ?? 10 * 1024 * 1024,
      maxRedirects: options.maxRedirects ?? 5,
      perHostConcurrency: options.perHostConcurrency ?? 2,
      perHostDelayMs: options.perHostDelayMs ?? 1000,
      robotsTtlMs: options.robotsTtlMs ?? 24 * 3600_000,
      respectRobots: options.respectRobots ?? true,
    };
    this.agent = createAgent({
      allowPrivate: this.options.allowPrivate,
      connectionsPerOrigin: this.options.perHostConcurrency,
    });
    this.throttle = new HostThrottle(this.options.perHostConcurrency, this.options.perHostDelayMs);
  }

  async fetch(url: string, accept: string, conditional: Conditional = {}): Promise<FetchedResource> {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch (error) {
      throw new FetchError('network', `${url}: not a valid URL`, {
        input: url,
        cause: error,
        code: 'invalid_input',
      });
    }
    if (!/^https?:$/.test(parsed.protocol)) {
      throw new FetchError('network', `${url}: only http and https addresses can be fetched`, {
        input: url,
        code: 'invalid_input',
      });
    }
    if (this.options.respectRobots) await this.assertAllowed(parsed, url);
    return this.throttle.run(parsed.host, () =>
      httpGet(url, {
        ...this.requestOptions(accept),
        etag: conditional.etag,
        lastModified: conditional.lastModified,
      }),
    );
  }

  async close(): Promise<void> {
    await this.agent.close();
  }

  private requestOptions(accept: string) {
    const { allowPrivate, timeoutMs, maxBytes, maxRedirects } = this.options;
    return { agent: this.agent, allowPrivate, timeoutMs, maxBytes, maxRedirects, accept };
  }

  private async assertAllowed(url: URL, spec: string): Promise<void> {
    const rules = await this.rulesFor(url.origin);
    if (!rules.allows(url.pathname + url.search)) {
      throw new FetchError(
        'blocked_by_robots',
        `${spec}: ${url.origin}/robots.txt does not allow sitrep to fetch it`,
        {
          input: spec,
        },
      );
    }
  }

  private rulesFor(origin: string): Promise<RobotsRules> {
    const cached = this.robots.get(origin);
    if (cached && Date.now() - cached.fetchedAt < this.options.robotsTtlMs) return cached.rules;
    if (this.robots.size >= ROBOTS_CACHE_LIMIT) this.robots.clear();
    const rules = this.loadRobots(origin);
    this.robots.set(origin, { rules, fetchedAt: Date.now() });
    return rules;
  }

  // A missing robots.txt (4xx) allows everything; so does one we cannot reach, so that a flaky
  // robots.txt never hides the feed's own error behind a robots one.
  private async loadRobots(origin: string): Promise<RobotsRules> {
    try {
      const response = await this.throttle.run(new URL(origin).host, () =>
        httpGet(`${origin}/robots.txt`, { ...this.requestOptions('text/plain'), maxBytes: ROBOTS_MAX_BYTES }),
      );
      return parseRobots(response.bytes.toString('utf8'), ROBOTS_TOKEN);
    } catch {
      return ALLOW_ALL;
    }
  }
}
