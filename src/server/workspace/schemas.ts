// Queries and answers of the workspace routes (actors, relations, graph). The OpenAPI document and
// so the front end's generated client are derived from these.
import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'use YYYY, YYYY-MM or YYYY-MM-DD');
const confidence = z.coerce.number().min(0).max(1);
const actorKey = z.string().trim().min(1).max(200);

const WindowFields = {
  since: isoDate.optional(),
  until: isoDate.optional(),
  minConfidence: confidence
    .optional()
    .describe('count only events at or above this confidence; by default the event threshold (0 counts all)'),
  type: z.string().max(50).optional(),
  reports: z
    .enum(['origins', 'all'])
    .optional()
    .describe(
      '`origins` (default): an event reported by copies of one original (same trace origin) counts once; `all`: every report counts',
    ),
};

const Counting = z
  .enum(['origins', 'all'])
  .describe('how events were counted: once per trace origin (copies once), or every report');

export const ActorSearchQuery = z
  .object({ q: z.string().max(200).default(''), limit: z.coerce.number().int().min(1).max(500).default(50) })
  .strict();

export const PartnersQuery = z
  .object({ ...WindowFields, limit: z.coerce.number().int().min(1).max(100).default(10) })
  .strict();

export const RelationsQuery = z
  .object({ a: actorKey, b: actorKey, by: z.enum(['week', 'month']).default('month'), ...WindowFields })
  .strict();

export const RelationEventsQuery = z
  .object({
    a: actorKey,
    b: actorKey,
    ...WindowFields,
    limit: z.coerce.number().int().min(1).max(500).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict();

export const ActorEventsQuery = RelationEventsQuery.omit({ a: true, b: true });

export const GraphQuery = z
  .object({
    ...WindowFields,
    actorType: z.enum(['country', 'bloc', 'other']).optional(),
    region: z.string().max(50).optional(),
    minEvents: z.coerce.number().int().min(1).default(1),
    maxEdges: z.coerce.number().int().min(1).max(50000).default(20000),
  })
  .strict();

export const ActorRefSchema = z.object({
  id: z.string(),
  name: z.string(),
  type: z.string(),
  country: z.string().nullable(),
  code: z.string().nullable(),
  region: z.string().nullable(),
  aliases: z.array(z.string()),
});

export const ActorSearchAnswer = z.object({ total: z.number(), items: z.array(ActorRefSchema) });

const Quad = z
  .array(z.number())
  .describe(
    'four counts, events by quad class: verbal cooperation, material cooperation, verbal conflict, material conflict',
  );

export const RoleSchema = z.object({
  role: z.string(),
  country: z.string().nullable(),
  from: z.string(),
  to: z.string().nullable(),
  uncertain: z.boolean(),
});

export const ActorAnswer = z.object({
  query: z.string(),
  actor: ActorRefSchema.nullable(),
  roles: z.array(RoleSchema),
  demonyms: z.array(z.string()),
  capitals: z.array(z.string()),
  source: z.string().nullable(),
  events: z.number().describe('events with a partner in which the actor is one side'),
  quad: Quad,
});

export const PartnerSchema = z.object({
  id: z.string(),
  label: z.string(),
  events: z.number(),
  reports: z.number().describe('reports of these events, copies included'),
  origins: z.number().describe('independent origins of these events'),
  quad: Quad,
  goldsteinMean: z.number().nullable(),
  cooperation: z.number(),
  conflict: z.number(),
});

export const PartnersAnswer = z.object({
  actor: ActorRefSchema,
  byCooperation: z.array(PartnerSchema),
  byConflict: z.array(PartnerSchema),
});

export const BucketSchema = z.object({
  period: z.string().describe('2024-06 for a month, the Monday 2024-06-17 for a week'),
  since: z.string(),
  until: z.string(),
  events: z.number(),
  quad: Quad,
  goldsteinMean: z.number().nullable(),
  reports: z.number().describe('reports of these events, copies included'),
  origins: z.number().describe('independent origins (trace origins; an untraced article is its own)'),
});

export const RelationsAnswer = z.object({
  a: ActorRefSchema,
  b: ActorRefSchema,
  by: z.enum(['week', 'month']),
  minConfidence: z
    .number()
    .describe('events counted are at or above this confidence (by default the event threshold)'),
  counting: Counting,
  buckets: z.array(BucketSchema),
  total: BucketSchema.omit({ period: true, since: true, until: true }),
  imprecise: z.number().describe('events dated too coarsely for the period (a year for a month), left out'),
});

export const GraphNodeSchema = z.object({
  id: z.string(),
  label: z.string(),
  kind: z.enum(['country', 'bloc', 'other']),
  region: z.string().nullable(),
  events: z.number(),
});

export const GraphEdgeSchema = z.object({
  source: z.string(),
  target: z.string(),
  events: z.number(),
  reports: z.number().describe('reports of these events, copies included'),
  origins: z.number().describe('independent origins of these events'),
  quad: Quad,
  goldsteinMean: z.number().nullable(),
  net: z.number().describe('(cooperation - conflict) / events, from -1 to 1'),
});

export const GraphAnswer = z.object({
  nodes: z.array(GraphNodeSchema),
  edges: z.array(GraphEdgeSchema),
  counting: Counting,
  truncated: z.boolean().describe('more edges matched than maxEdges; the strongest are kept'),
  extent: z
    .object({ first: z.string().nullable(), last: z.string().nullable() })
    .describe('first and last stored event dates, for the time slider'),
  minConfidence: z
    .number()
    .describe('edges count events at or above this confidence (by default the event threshold)'),
});

export type ActorAnswer = z.infer<typeof ActorAnswer>;
export type Bucket = z.infer<typeof BucketSchema>;
export type GraphAnswer = z.infer<typeof GraphAnswer>;
export type Partner = z.infer<typeof PartnerSchema>;
