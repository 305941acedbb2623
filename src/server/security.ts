// Who is asking, and may they: the Host allow-list (DNS rebinding), the Origin check on writes
// (CSRF), the session cookie or API token, and the role a route needs.
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { hostname as machineName, networkInterfaces } from 'node:os';
import { SESSION_COOKIE, secretHash } from '../accounts/index.ts';
import { SitrepError } from '../model/index.ts';
import type { Role, Store, User } from '../store/index.ts';

export interface SecurityOptions {
  /** Reading without an account (default: true; the CLI turns it off off loopback). */
  anonymousRead?: boolean;
  /** Host names (without port) the server answers to besides loopback ones. */
  allowedHosts?: string[];
}

const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]', '::1'];
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Answered to anybody: what the login screen needs. */
const PUBLIC_PATHS = new Set(['/api/auth/me', '/api/auth/login', '/api/auth/logout', '/api/health']);
const RANK: Record<Role, number> = { reader: 1, analyst: 2, admin: 3 };

export function isLoopback(host: string): boolean {
  return LOOPBACK_HOSTS.includes(host) || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** The names a wildcard-bound server may be reached by: this machine's name and addresses. */
export function machineHosts(): string[] {
  const addresses = Object.values(networkInterfaces())
    .flat()
    .filter((a) => a !== undefined)
    .map((a) => (a.family === 'IPv6' ? `[${a.address}]` : a.address));
  return [machineName(), ...addresses];
}

/** Refuses requests whose Host is not one of ours: a rebound DNS name cannot reach the API. */
export function hostCheck(options: SecurityOptions): MiddlewareHandler {
  const allowed = new Set([...LOOPBACK_HOSTS, ...(options.allowedHosts ?? [])].map((h) => h.toLowerCase()));
  return async (c, next) => {
    const host = new URL(c.req.url).hostname.toLowerCase();
    if (!allowed.has(host) && !isLoopback(host)) {
      throw new SitrepError(
        'forbidden',
        `this server does not answer to the host name '${host}'; allow it with --allowed-host`,
      );
    }
    await next();
  };
}

/**
 * A write from another site is refused whatever its content type (a text/plain form post needs no
 * preflight). Browsers send Origin on every cross-origin POST and Sec-Fetch-Site on all modern
 * requests; scripts without either (curl) must still bring a token.
 */
export function originCheck(): MiddlewareHandler {
  return async (c, next) => {
    if (UNSAFE.has(c.req.method)) {
      const own = new URL(c.req.url).host;
      const origin = c.req.header('origin');
      const site = c.req.header('sec-fetch-site');
      let sameOrigin = true;
      if (origin !== undefined) sameOrigin = origin !== 'null' && safeHost(origin) === own;
      else if (site !== undefined) sameOrigin = site === 'same-origin' || site === 'none';
      if (!sameOrigin) {
        throw new SitrepError('forbidden', `cross-origin ${c.req.method} refused (Origin ${origin ?? site})`);
      }
    }
    await next();
  };
}

function safeHost(url: string): string | null {
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}

/** Finds the user from the session cookie or a Bearer token, and enforces login where needed. */
export function authenticate(store: Store, options: SecurityOptions): MiddlewareHandler {
  const anonymousRead = options.anonymousRead ?? true;
  return async (c, next) => {
    const user = await requestUser(c, store);
    c.set('user' as never, user as never);
    const open = PUBLIC_PATHS.has(c.req.path);
    if (!user && !open && (UNSAFE.has(c.req.method) || !anonymousRead)) {
      throw new SitrepError('unauthorized', 'log in first (session cookie or Authorization: Bearer <token>)');
    }
    await next();
  };
}

async function requestUser(c: Context, store: Store): Promise<User | null> {
  const bearer = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
  if (bearer) {
    const user = await store.tokenUser(secretHash(bearer));
    if (!user) throw new SitrepError('unauthorized', 'the API token is not valid (revoked or mistyped)');
    return user;
  }
  const session = getCookie(c, SESSION_COOKIE);
  return session ? store.sessionUser(secretHash(session)) : null;
}

export function currentUser(c: Context): User | null {
  return (c.get('user' as never) as User | null | undefined) ?? null;
}

/** The signed-in user, with at least this role. */
export function requireRole(c: Context, role: Role): User {
  const user = currentUser(c);
  if (!user)
    throw new SitrepError('unauthorized', 'log in first (session cookie or Authorization: Bearer <token>)');
  if (RANK[user.role] < RANK[role]) {
    throw new SitrepError('forbidden', `this needs the ${role} role; ${user.name} is ${user.role}`);
  }
  return user;
}

/** Whether the request came over TLS (directly or through a proxy that says so). */
export function isSecureRequest(c: Context): boolean {
  return new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https';
}

/** The client's address for rate limits; in-process requests (tests) share one key. */
export function clientAddress(c: Context): string {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? 'local';
}

/** Counts hits per key in a sliding window; memory is bounded by pruning old keys. */
export class RateLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Records a hit; false when the key is over its limit. */
  hit(key: string, now = Date.now()): boolean {
    const recent = (this.hits.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (recent.length >= this.limit) return false;
    recent.push(now);
    this.hits.set(key, recent);
    if (this.hits.size > 10_000) {
      for (const [k, times] of this.hits)
        if (times.every((t) => now - t >= this.windowMs)) this.hits.delete(k);
    }
    return true;
  }
}
