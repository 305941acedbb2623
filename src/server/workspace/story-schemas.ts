// Queries and answers of the stories routes (a document's copy family, a story, the stories of
// listed documents). The OpenAPI document and the front end's generated client derive from these.
import { z } from 'zod';

export const DiffSchema = z
  .object({
    added: z.array(z.string()).describe('paragraphs the copy has and its parent has not (the first 20)'),
    dropped: z.array(z.string()).describe('paragraphs of the parent the copy left out (the first 20)'),
    addedCount: z.number(),
    droppedCount: z.number(),
  })
  .describe('what the copy changed against its parent, paragraph by paragraph');

export const FamilyMemberSchema = z.object({
  id: z.string(),
  title: z.string().nullable(),
  site: z.string().nullable(),
  url: z.string().nullable(),
  published: z.string().nullable(),
  parent: z.string().nullable().describe('the document it was taken from; null for an origin'),
  origin: z.string().describe('the root of its chain'),
  relation: z.enum(['identical', 'excerpt', 'rewrite', 'update']).nullable(),
  shared: z.number().describe('share of its text found in the parent'),
  diff: DiffSchema.nullable().describe('null for an origin'),
});

export const FamilyAnswer = z.object({
  document: z.string(),
  origin: z.string(),
  story: z.string(),
  members: z.array(FamilyMemberSchema).describe('the origin first, then its copies in arrival order'),
});

export const StoryAnswer = z.object({
  story: z.string(),
  documents: z.number(),
  copies: z.number(),
  origins: z.number().describe('independent origins (reports not copied from one another)'),
  families: z.array(z.object({ origin: z.string(), members: z.array(FamilyMemberSchema) })),
});

export const StoriesQuery = z
  .object({
    documents: z
      .string()
      .max(4000)
      .describe('comma-separated document ids, as a page of the article list shows them'),
  })
  .strict();

export const StoriesAnswer = z.object({
  items: z.array(
    z.object({
      document: z.string(),
      story: z.string(),
      origin: z.string(),
      relation: z.enum(['identical', 'excerpt', 'rewrite', 'update']).nullable(),
      storyDocuments: z.number(),
      storyOrigins: z.number(),
    }),
  ),
});

export type FamilyMember = z.infer<typeof FamilyMemberSchema>;
