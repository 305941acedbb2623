// Logging in and out. A login always starts a new session id (no fixation); logout ends it in the
// database, so a copied cookie stops working too.
import { Hono, type Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import {
  SESSION_COOKIE,
  SESSION_DAYS,
  createToken,
  newSecret,
  secretHash,
  tokenId,
  verifyPassword,
} from '../../accounts/index.ts';
import { SitrepError } from '../../model/index.ts';
import type { Store } from '../../store/index.ts';
import { clientAddress, currentUser, isSecureRequest, RateLimiter, requireRole } from '../security.ts';
import { parseOr400 } from '../validate.ts';
import { jsonBody } from './json-body.ts';
import { NewTokenBody } from './users.ts';

export const LoginBody = z
  .object({ name: z.string().min(1, 'give the user name').max(64), password: z.string().min(1).max(1024) })
  .strict();

/** A dummy hash so an unknown name costs as much time as a wrong password. */
const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

export function authRoutes(store: Store, options: { anonymousRead: boolean }): Hono {
  const app = new Hono();
  const failures = new RateLimiter(10, 15 * 60_000);

  app.get('/me', (c) => {
    const user = currentUser(c);
    return c.json({
      user: user && { name: user.name, role: user.role },
      anonymousRead: options.anonymousRead,
    });
  });

  app.post('/login', async (c) => {
    const body = parseOr400(LoginBody, await jsonBody(c), 'request body');
    const address = clientAddress(c);
    const record = await store.getUser(body.name);
    const valid = await verifyPassword(body.password, record?.passwordHash ?? DUMMY_HASH);
    if (!record || !valid) {
      if (!failures.hit(address))
        throw new SitrepError('rate_limited', 'too many failed logins; wait 15 minutes');
      throw new SitrepError('unauthorized', 'wrong user name or password');
    }
    await endSession(c, store);
    const secret = newSecret();
    const expires = new Date(Date.now() + SESSION_DAYS * 86_400_000);
    await store.addSession({
      idHash: secretHash(secret),
      userName: record.name,
      expiresAt: expires.toISOString(),
    });
    setCookie(c, SESSION_COOKIE, secret, {
      httpOnly: true,
      sameSite: 'Lax',
      path: '/',
      secure: isSecureRequest(c),
      expires,
    });
    return c.json({ user: { name: record.name, role: record.role } });
  });

  app.post('/logout', async (c) => {
    await endSession(c, store);
    deleteCookie(c, SESSION_COOKIE, { path: '/', secure: isSecureRequest(c) });
    return c.body(null, 204);
  });

  // The signed-in user's own API tokens: listed by id and label, created (shown once), revoked.
  app.get('/tokens', async (c) => {
    const user = requireRole(c, 'reader');
    return c.json({ tokens: await store.listTokens(user.name) });
  });

  app.post('/tokens', async (c) => {
    const user = requireRole(c, 'reader');
    const body = parseOr400(NewTokenBody, await jsonBody(c), 'request body');
    const token = await createToken(store, user.name, body.label);
    const listed = (await store.listTokens(user.name)).find((t) => t.id === tokenId(token));
    return c.json({ token, ...listed }, 201);
  });

  app.delete('/tokens/:id', async (c) => {
    const user = requireRole(c, 'reader');
    const id = c.req.param('id');
    if (!(await store.revokeToken(user.name, id)))
      throw new SitrepError('not_found', `you have no API token with id '${id}'`);
    return c.body(null, 204);
  });

  return app;
}

async function endSession(c: Context, store: Store): Promise<void> {
  const old = getCookie(c, SESSION_COOKIE);
  if (old) await store.deleteSession(secretHash(old));
}
