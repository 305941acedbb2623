// Accounts: users with roles, passwords (scrypt), login sessions and API tokens.
export { hashPassword, verifyPassword, randomPassword, passwordProblem } from './passwords.ts';
export { SESSION_COOKIE, SESSION_DAYS, newSecret, newToken, secretHash, tokenId } from './secrets.ts';
export {
  ROLES,
  checkRole,
  checkUserName,
  createUser,
  changePassword,
  createToken,
  ensureAdmin,
} from './users.ts';
