import { SitrepError } from '../../model/index.ts';

/**
 * Wraps a driver error as store_failed, naming the database and what was being done:
 * "SQLite database /home/me/.local/share/sitrep/sitrep.db: could not add "page.html": …".
 * SitrepErrors (bad options, bad readings) pass through unchanged.
 */
export function storeError(database: string, action: string, error: unknown, input?: string): SitrepError {
  if (error instanceof SitrepError) return error;
  return new SitrepError('store_failed', `${database}: could not ${action}: ${describeDriverError(error)}`, {
    input,
    cause: error,
  });
}

function describeDriverError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if ((error as { code?: unknown }).code === 'SQLITE_BUSY') {
    return `${error.message}: another process kept it busy for more than 10 seconds; try again when it is done`;
  }
  // pg puts the useful part ("Key (id)=(…) already exists.") in `detail`.
  const detail = (error as { detail?: unknown }).detail;
  return typeof detail === 'string' && detail ? `${error.message} (${detail})` : error.message;
}

/** Runs an operation and turns whatever it throws into a store error. */
export async function guard<T>(
  database: string,
  action: string,
  run: () => Promise<T> | T,
  input?: string,
): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw storeError(database, action, error, input);
  }
}
