import type { z } from 'zod';
import { SitrepError } from '../model/index.ts';

/** Parses input with a zod schema; a failure becomes a 400 naming the field and what was allowed. */
export function parseOr400<T extends z.ZodType>(schema: T, input: unknown, where: string): z.infer<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const detail = result.error.issues
    .map((issue) => {
      const path = issue.path.join('.');
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join('; ');
  throw new SitrepError('invalid_input', `invalid ${where}: ${detail}`);
}
