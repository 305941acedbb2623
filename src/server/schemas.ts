// Request schemas for the HTTP API; the OpenAPI document is derived from these.
import { z } from 'zod';

const dyad = z.string().regex(/^[^,]+,[^,]+$/, 'give two actor codes separated by a comma, e.g. IRN,CHN');

const limit = z.coerce.number().int().min(1).max(500).default(20);
const offset = z.coerce.number().int().min(0).default(0);
/** YYYY, YYYY-MM or YYYY-MM-DD naming a real month and day (2022-13-45 and 2023-02-29 are refused). */
export const isoDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'use YYYY, YYYY-MM or YYYY-MM-DD')
  .refine(isRealDate, 'not a real date (month 01-12, a day that month has)');

function isRealDate(value: string): boolean {
  const [year, month = 1, day = 1] = value.split('-').map(Number);
  const date = new Date(Date.UTC(year!, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export const ListQuery = z.object({ limit, offset, q: z.string().max(500).optional() }).strict();

export const QuotesQuery = z
  .object({
    limit,
    offset,
    speaker: z.string().max(200).optional(),
    search: z.string().max(500).optional(),
    document: z.string().max(100).optional(),
    /** `origins` (default): each quote once, with its reports and origins counted; `all`: every report. */
    reports: z.enum(['origins', 'all']).optional(),
  })
  .strict();

export const EventsQuery = z
  .object({
    limit,
    offset,
    actor: z.string().max(200).optional(),
    dyad: dyad.optional(),
    type: z.string().max(50).optional(),
    since: isoDate.optional(),
    until: isoDate.optional(),
    document: z.string().max(100).optional(),
    /** Only events at or above this confidence; the default threshold when absent, 0 shows all. */
    confidence: z.coerce.number().min(0).max(1).optional(),
    /** `origins` (default): each event once, with its reports and origins counted; `all`: every report. */
    reports: z.enum(['origins', 'all']).optional(),
  })
  .strict();

export const MentionsQuery = z.object({ limit, offset }).strict();

const MAX_BODY_TEXT = 20 * 1024 * 1024;
const httpUrl = z
  .url({ protocol: /^https?$/, error: 'give an http:// or https:// address' })
  .max(2000, 'longer than 2000 characters');
const pageText = z
  .string()
  .max(MAX_BODY_TEXT, 'larger than 20 MB')
  .refine((t) => t.trim().length > 0, 'is empty (only white space)');
const pageHtml = z.string().max(MAX_BODY_TEXT, 'larger than 20 MB');

/** Adding a page: by URL, or its HTML, or plain text (JSON body); files come as multipart uploads. */
export const AddBody = z
  .object({
    url: httpUrl.optional(),
    html: pageHtml.optional(),
    text: pageText.optional(),
    title: z.string().max(1000).optional(),
  })
  .strict()
  .superRefine((b, ctx) => {
    if (b.text !== undefined && b.url !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['url'],
        message: 'give "url" or "text", not both (a text has no address to fetch)',
      });
    else if (b.text !== undefined && b.html !== undefined)
      ctx.addIssue({ code: 'custom', path: ['html'], message: 'give "html" or "text", not both' });
    else if (b.text === undefined && b.html === undefined && b.url === undefined)
      ctx.addIssue({
        code: 'custom',
        path: [],
        message: 'give exactly one of "url", "html" or "text" ("url" may go with "html" to name its address)',
      });
  });

export const AnalyzeBody = z
  .object({
    text: pageText.optional(),
    html: pageHtml.optional(),
    url: httpUrl.optional(),
    title: z.string().max(1000).optional(),
    published: z
      .string()
      .max(40)
      .refine(
        (v) => /^\d{4}-\d{2}-\d{2}/.test(v) && isRealDate(v.slice(0, 10)) && !Number.isNaN(Date.parse(v)),
        'use an ISO 8601 date such as 2024-06-20 or 2024-06-20T09:30:00Z',
      )
      .optional(),
    /** Also return events below the confidence threshold. */
    allEvents: z.boolean().optional(),
  })
  .strict()
  .superRefine((b, ctx) => {
    if ((b.text === undefined) === (b.html === undefined))
      ctx.addIssue({
        code: 'custom',
        path: b.text === undefined ? [] : ['html'],
        message: 'give exactly one of "text" or "html"',
      });
  });

export const ExportKindParam = z.enum(
  ['events', 'quotes', 'documents'],
  'export events, quotes or documents',
);

export const ExportQuery = z
  .object({
    format: z.enum(['jsonl', 'csv', 'gdelt']).default('jsonl'),
    since: isoDate.optional(),
    until: isoDate.optional(),
    actor: z.string().trim().min(1).max(200).optional(),
    dyad: dyad.optional(),
  })
  .strict();

export const AddFeedBody = z.object({ url: httpUrl }).strict();
