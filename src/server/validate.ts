import type { z } from 'zod';
import { FieldError } from './errors.ts';

/**
 * Parses input with a zod schema; a failure becomes a 400 naming the field (in the message and in
 * error.field) and what was allowed. Every route's query and body go through here.
 */
export function parseOr400<T extends z.ZodType>(schema: T, input: unknown, where: string): z.infer<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => {
    // An unknown key names itself in `keys`, not in the path.
    const keys = issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : '';
    return { field: [...issue.path.map(String), keys].filter(Boolean).join('.'), message: issue.message };
  });
  const detail = issues.map((i) => (i.field ? `${i.field}: ${i.message}` : i.message)).join('; ');
  throw new FieldError(issues[0]?.field ?? '', `invalid ${where}: ${detail}`);
}
