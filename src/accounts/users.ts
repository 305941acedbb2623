// Creating and changing accounts, shared by the CLI, the API and first-run setup.
import { SitrepError } from '../model/index.ts';
import type { Role, Store } from '../store/index.ts';
import { hashPassword, passwordProblem, randomPassword } from './passwords.ts';
import { newToken, secretHash } from './secrets.ts';

export const ROLES: readonly Role[] = ['admin', 'analyst', 'reader'];
const NAME = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/;

export function checkUserName(name: string): string {
  if (!NAME.test(name)) {
    throw new SitrepError(
      'invalid_input',
      `user name '${name}' is not allowed: use 1 to 64 letters, digits, '.', '_', '@' or '-', starting with a letter or digit`,
    );
  }
  return name;
}

export function checkRole(role: string): Role {
  if (!(ROLES as readonly string[]).includes(role)) {
    throw new SitrepError('invalid_input', `role '${role}' is not one of ${ROLES.join(', ')}`);
  }
  return role as Role;
}

function checkPassword(password: string): string {
  const problem = passwordProblem(password);
  if (problem) throw new SitrepError('invalid_input', `the password ${problem}`);
  return password;
}

/** Adds a user; without a password one is generated and returned (shown once, never stored). */
export async function createUser(
  store: Store,
  input: { name: string; role: string; password?: string },
): Promise<{ password: string; generated: boolean }> {
  const name = checkUserName(input.name);
  const role = checkRole(input.role);
  const password = input.password === undefined ? randomPassword() : checkPassword(input.password);
  await store.addUser({ name, role, passwordHash: await hashPassword(password) });
  return { password, generated: input.password === undefined };
}

export async function changePassword(store: Store, name: string, password: string): Promise<void> {
  const changed = await store.setPasswordHash(name, await hashPassword(checkPassword(password)));
  if (!changed) throw new SitrepError('not_found', `no user named '${name}'`);
}

/** A new API token for a user, returned once. */
export async function createToken(store: Store, name: string, label = 'token'): Promise<string> {
  if (!(await store.getUser(name))) throw new SitrepError('not_found', `no user named '${name}'`);
  const token = newToken();
  await store.addToken({ tokenHash: secretHash(token), userName: name, label });
  return token;
}

/**
 * First run: with no account at all, creates "admin" with SITREP_ADMIN_PASSWORD or a random
 * password. Returns what to tell the person (the password only when generated), or null.
 */
export async function ensureAdmin(store: Store, env: NodeJS.ProcessEnv): Promise<string | null> {
  if ((await store.countUsers()) > 0) return null;
  const given = env.SITREP_ADMIN_PASSWORD || undefined;
  const { password, generated } = await createUser(store, { name: 'admin', role: 'admin', password: given });
  return generated
    ? `created the first account: user "admin", password ${password}  (shown once; change it with: sitrep user passwd admin)`
    : 'created the first account: user "admin" with the password in SITREP_ADMIN_PASSWORD';
}
