import { SitrepError } from '../../model/index.ts';
import type { ListOptions } from '../types.ts';

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 1000;

export interface Paging {
  limit: number;
  offset: number;
}

export function paging(options: ListOptions = {}): Paging {
  const limit = options.limit ?? DEFAULT_LIMIT;
  const offset = options.offset ?? 0;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw new SitrepError(
      'invalid_input',
      `limit must be a whole number from 1 to ${MAX_LIMIT}; got ${limit}`,
    );
  }
  if (!Number.isInteger(offset) || offset < 0) {
    throw new SitrepError('invalid_input', `offset must be a whole number of 0 or more; got ${offset}`);
  }
  return { limit, offset };
}
