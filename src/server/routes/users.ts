// Accounts, for admins: list, add (a password is generated when none is given), remove, tokens.
import { Hono } from 'hono';
import { z } from 'zod';
import { createToken, createUser } from '../../accounts/index.ts';
import { SitrepError } from '../../model/index.ts';
import type { Store } from '../../store/index.ts';
import { requireRole } from '../security.ts';
import { parseOr400 } from '../validate.ts';
import { jsonBody } from './json-body.ts';

export const NewUserBody = z
  .object({
    name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/, 'use 1 to 64 letters, digits, ., _, @ or -'),
    role: z.enum(['admin', 'analyst', 'reader']),
    password: z.string().min(8, 'at least 8 characters').max(1024).optional(),
  })
  .strict();

export const NewTokenBody = z.object({ label: z.string().trim().min(1).max(100).optional() }).strict();

export function userRoutes(store: Store): Hono {
  const app = new Hono();
  app.use('*', async (c, next) => {
    requireRole(c, 'admin');
    await next();
  });

  app.get('/', async (c) => c.json({ users: await store.listUsers() }));

  app.post('/', async (c) => {
    const body = parseOr400(NewUserBody, await jsonBody(c), 'request body');
    const { password, generated } = await createUser(store, body);
    const user = await store.getUser(body.name);
    return c.json(
      {
        user: { name: body.name, role: body.role, createdAt: user?.createdAt },
        ...(generated ? { password } : {}),
      },
      201,
    );
  });

  app.delete('/:name', async (c) => {
    const name = c.req.param('name');
    const target = await store.getUser(name);
    if (!target) throw new SitrepError('not_found', `no user named '${name}'`);
    const admins = (await store.listUsers()).filter((u) => u.role === 'admin');
    if (target.role === 'admin' && admins.length === 1)
      throw new SitrepError('invalid_input', `${name} is the last admin; add another admin first`);
    await store.removeUser(name);
    return c.body(null, 204);
  });

  app.post('/:name/tokens', async (c) => {
    const body = parseOr400(NewTokenBody, await jsonBody(c), 'request body');
    return c.json({ token: await createToken(store, c.req.param('name'), body.label) }, 201);
  });

  return app;
}
