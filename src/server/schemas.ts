// Request schemas for the HTTP API; the OpenAPI document is derived from these.
import { z } from 'zod';

const limit = z.coerce.number().int().min(1).max(500).default(20);
const offset = z.coerce.number().int().min(0).default(0);
const isoDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'use YYYY, YYYY-MM or YYYY-MM-DD');

export const ListQuery = z.object({ limit, offset, q: z.string().max(500).optional() }).strict();

export const QuotesQuery = z
  .object({
    limit,
    offset,
    speaker: z.string().max(200).optional(),
    search: z.string().max(500).optional(),
    document: z.string().max(100).optional(),
  })
  .strict();

export const EventsQuery = z
  .object({
    limit,
    offset,
    actor: z.string().max(200).optional(),
    dyad: z
      .string()
      .regex(/^[^,]+,[^,]+$/, 'give two actor codes separated by a comma, e.g. IRN,CHN')
      .optional(),
    type: z.string().max(50).optional(),
    since: isoDate.optional(),
    until: isoDate.optional(),
    document: z.string().max(100).optional(),
    /** Only events at or above this confidence; the default threshold when absent, 0 shows all. */
    confidence: z.coerce.number().min(0).max(1).optional(),
  })
  .strict();

export const MentionsQuery = z.object({ limit, offset }).strict();

/** Adding a page: by URL, or its HTML, or plain text (JSON body); files come as multipart uploads. */
export const AddBody = z
  .object({
    url: z.string().url().optional(),
    html: z
      .string()
      .max(20 * 1024 * 1024)
      .optional(),
    text: z
      .string()
      .max(20 * 1024 * 1024)
      .optional(),
    title: z.string().max(1000).optional(),
  })
  .strict()
  .refine((b) => [b.url && !b.html && !b.text, b.html, b.text].filter(Boolean).length === 1, {
    message: 'give exactly one of "url", "html" or "text" ("url" may go with "html" to name its address)',
  });

export const AnalyzeBody = z
  .object({
    text: z
      .string()
      .max(20 * 1024 * 1024)
      .optional(),
    html: z
      .string()
      .max(20 * 1024 * 1024)
      .optional(),
    url: z.string().url().optional(),
    title: z.string().max(1000).optional(),
    published: z.string().max(40).optional(),
    /** Also return events below the confidence threshold. */
    allEvents: z.boolean().optional(),
  })
  .strict()
  .refine((b) => Boolean(b.text) !== Boolean(b.html), { message: 'give exactly one of "text" or "html"' });
