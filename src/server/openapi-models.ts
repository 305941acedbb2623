// Response schemas of the existing read routes, so the front end's generated client is typed.
import { z } from 'zod';
import { Entity, Event, Quote, Reading } from '../model/index.ts';

const Stored = {
  documentId: z.string(),
  documentTitle: z.string().nullable(),
  published: z.string().nullable(),
};

export const DocumentSummary = z.object({
  id: z.string(),
  sha256: z.string(),
  origin: z.string(),
  title: z.string().nullable(),
  site: z.string().nullable(),
  url: z.string().nullable(),
  byline: z.string().nullable(),
  published: z.string().nullable(),
  addedAt: z.string(),
  snippet: z.string(),
  score: z.number().optional().describe('search hits only; higher is better'),
  highlight: z.string().optional().describe('search hits only; matched terms between [ and ]'),
  commentCount: z.number().optional(),
});

export const StoredDocument = DocumentSummary.extend({
  contentType: z.string().nullable(),
  reading: Reading,
});

const page = <T extends z.ZodType>(item: T) => z.object({ total: z.number(), items: z.array(item) });

export const DocumentsPage = page(DocumentSummary);
export const EventsPage = page(
  Event.extend({
    ...Stored,
    sourceLabel: z.string().describe('the source named in words (Iran for IRN)'),
    targetLabel: z.string().nullable(),
  }),
);
export const QuotesPage = page(Quote.extend(Stored));
export const MentionsPage = page(z.object({ ...Stored, entity: Entity }));
export const AddAnswer = z.object({ id: z.string(), status: z.enum(['added', 'unchanged']) });

export const FeedRecord = z.object({
  id: z.number(),
  url: z.string(),
  title: z.string().nullable(),
  siteUrl: z.string().nullable(),
  nextPollAt: z.number(),
  errorCount: z.number(),
  lastPolledAt: z.number().nullable(),
  lastSuccessAt: z.number().nullable(),
  lastErrorAt: z.number().nullable(),
  lastErrorCategory: z.string().nullable(),
  lastErrorMessage: z.string().nullable(),
  itemsSeen: z.number(),
  addedAt: z.number(),
});
