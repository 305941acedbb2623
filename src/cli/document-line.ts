// One document on a JSON line, as `analyze --jsonl -` and `trace --jsonl -` read it.
import { z } from 'zod';

export const DocumentLine = z
  .object({
    id: z.union([z.string(), z.number()]),
    text: z.string().optional(),
    html: z.string().optional(),
    url: z.string().nullable().optional(),
    title: z.string().nullable().optional(),
    site: z.string().nullable().optional(),
    published: z.string().nullable().optional(),
  })
  .refine((line) => typeof line.text === 'string' || typeof line.html === 'string', {
    message: 'needs "text" or "html"',
  });
export type DocumentLine = z.infer<typeof DocumentLine>;
