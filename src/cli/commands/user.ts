// `sitrep user add|list|remove|passwd|token`: accounts for the dashboard and API.
import { Command } from 'commander';
import {
  changePassword,
  checkRole,
  createToken,
  createUser,
  randomPassword,
  tokenId,
} from '../../accounts/index.ts';
import { SitrepError } from '../../model/index.ts';
import type { CliContext } from '../context.ts';
import { formatTable } from '../format.ts';

interface PasswordOptions {
  passwordStdin?: boolean;
}

/** The first line of stdin, for --password-stdin (keeps passwords out of shell history). */
async function readPassword(context: CliContext): Promise<string> {
  let text = '';
  for await (const chunk of context.io.stdin) text += String(chunk);
  const password = text.split(/\r?\n/)[0] ?? '';
  if (!password) throw new SitrepError('usage', '--password-stdin: stdin held no password');
  return password;
}

export function register(program: Command, context: CliContext): void {
  const user = program.command('user').description('manage accounts: add, list, remove, passwd, token');

  user
    .command('add <name>')
    .description('add an account; prints a generated password unless --password-stdin is given')
    .option('--role <role>', 'admin, analyst (adds articles and feeds) or reader (reads, comments)', 'reader')
    .option('--password-stdin', 'read the password from the first line of stdin')
    .action(async (name: string, options: PasswordOptions & { role: string }) => {
      const store = await context.store();
      const password = options.passwordStdin ? await readPassword(context) : undefined;
      const created = await createUser(store, { name, role: checkRole(options.role), password });
      context.io.stdout(
        created.generated
          ? `added ${name} (${options.role}); password: ${created.password}  (shown once)\n`
          : `added ${name} (${options.role})\n`,
      );
    });

  user
    .command('list')
    .description('list accounts')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      const users = await (await context.store()).listUsers();
      if (options.json) return context.io.stdout(JSON.stringify(users, null, 2) + '\n');
      if (!users.length) return context.io.stdout('no accounts yet; add one with `sitrep user add <name>`\n');
      context.io.stdout(
        formatTable(
          ['name', 'role', 'created'],
          users.map((u) => [u.name, u.role, u.createdAt]),
        ),
      );
    });

  user
    .command('remove <name>')
    .description('remove an account with its sessions and tokens')
    .action(async (name: string) => {
      const store = await context.store();
      const target = await store.getUser(name);
      if (!target) throw new SitrepError('not_found', `no user named '${name}'`);
      const admins = (await store.listUsers()).filter((u) => u.role === 'admin');
      if (target.role === 'admin' && admins.length === 1)
        throw new SitrepError('usage', `${name} is the last admin; add another admin first`);
      await store.removeUser(name);
      context.io.stdout(`removed ${name}\n`);
    });

  user
    .command('passwd <name>')
    .description("set a new password (generated unless --password-stdin); ends the user's sessions")
    .option('--password-stdin', 'read the password from the first line of stdin')
    .action(async (name: string, options: PasswordOptions) => {
      const store = await context.store();
      const given = options.passwordStdin ? await readPassword(context) : undefined;
      const password = given ?? randomPassword();
      await changePassword(store, name, password);
      context.io.stdout(
        given ? `password of ${name} changed\n` : `new password of ${name}: ${password}  (shown once)\n`,
      );
    });

  const token = user
    .command('token')
    .description('API tokens for scripts (Authorization: Bearer <token>): add, list, revoke');

  token
    .command('add <name>')
    .description('create a token for the user; printed once (only its hash is stored)')
    .option('--label <text>', 'what the token is for', 'token')
    .action(async (name: string, options: { label: string }) => {
      const secret = await createToken(await context.store(), name, options.label);
      context.io.stdout(`${secret}\n`);
      context.io.stderr(
        `token ${tokenId(secret)} for ${name}: shown once; revoke it with: sitrep user token revoke ${name} ${tokenId(secret)}\n`,
      );
    });

  token
    .command('list <name>')
    .description("list the user's tokens by id and label (never the tokens themselves)")
    .option('--json', 'print JSON')
    .action(async (name: string, options: { json?: boolean }) => {
      const store = await context.store();
      if (!(await store.getUser(name))) throw new SitrepError('not_found', `no user named '${name}'`);
      const tokens = await store.listTokens(name);
      if (options.json) return context.io.stdout(JSON.stringify(tokens, null, 2) + '\n');
      if (!tokens.length) return context.io.stdout(`${name} has no API tokens\n`);
      context.io.stdout(
        formatTable(
          ['id', 'label', 'created'],
          tokens.map((t) => [t.id, t.label, t.createdAt]),
        ),
      );
    });

  token
    .command('revoke <name> <id>')
    .description("revoke one of the user's tokens by the id `token list` shows")
    .action(async (name: string, id: string) => {
      const store = await context.store();
      if (!(await store.getUser(name))) throw new SitrepError('not_found', `no user named '${name}'`);
      if (!(await store.revokeToken(name, id)))
        throw new SitrepError(
          'not_found',
          `${name} has no token with id '${id}' (see: sitrep user token list ${name})`,
        );
      context.io.stdout(`revoked token ${id} of ${name}\n`);
    });
}
