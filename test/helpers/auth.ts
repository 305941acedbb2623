// Accounts for tests: a user of a role and an API token for it, made the way `sitrep user` makes them.
import { createToken, createUser } from '../../src/accounts/index.ts';
import type { Role, Store } from '../../src/store/index.ts';

export const TEST_PASSWORD = 'correct horse battery staple';

/** Creates the user (password TEST_PASSWORD) and returns headers carrying a fresh token for them. */
export async function tokenHeaders(store: Store, name: string, role: Role): Promise<Record<string, string>> {
  if (!(await store.getUser(name))) await createUser(store, { name, role, password: TEST_PASSWORD });
  return { authorization: `Bearer ${await createToken(store, name, 'test')}` };
}
