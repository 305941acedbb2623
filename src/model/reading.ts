// The reading contract: what `sitrep analyze --json` prints and what the scorers in ../shared/eval read.
// Types are inferred from these schemas; schema/reading.schema.json is generated from them.
// Offsets are UTF-16 code-unit offsets into article.text.
import { z } from 'zod';

export const ISO3 = z.string().regex(/^[A-Z]{3}$/, 'ISO 3166-1 alpha-3 code');

export const Via = z.object({ name: z.string(), url: z.string().nullable() });

export const Article = z.object({
  url: z.string().nullable(),
  title: z.string().nullable(),
  byline: z.string().nullable(),
  /** ISO 8601; a date alone, or a local date-time without zone when the page gives none. */
  published: z.string().nullable(),
  site: z.string().nullable(),
  /** ISO 639-1 code, when known. */
  language: z.string().nullable(),
  /** Main body; paragraphs separated by one blank line. */
  text: z.string(),
  captions: z.array(z.string()),
  via: Via.nullable(),
  citedSources: z.array(z.string()),
});

export const MentionForm = z.enum(['name', 'alias', 'demonym', 'pronoun', 'description']);
export const Mention = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
  form: MentionForm,
});

export const EntityType = z.enum(['PERSON', 'ORG', 'GPE', 'LOC', 'MISC']);
export const Entity = z
  .object({
    id: z.string(),
    type: EntityType,
    name: z.string(),
    /** ISO 3166-1 alpha-3, or null. */
    country: z.string().nullable(),
    /** For people: the role held on the article's date. */
    role: z.string().nullable(),
    /** PLOVER sector code (GOV, MIL, …), when known. */
    sector: z.string().nullable().optional(),
    mentions: z.array(Mention),
  })
  .loose();

export const Speaker = z
  .object({
    name: z.string(),
    entityId: z.string().nullable(),
    start: z.number().int().nonnegative().nullable(),
    end: z.number().int().nonnegative().nullable(),
  })
  .loose();

export const QuoteKind = z.enum(['direct', 'indirect', 'mixed']);
export const Quote = z
  .object({
    text: z.string(),
    kind: QuoteKind,
    speaker: Speaker.nullable(),
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
    cue: z.string().nullable(),
  })
  .loose();

export const EventActor = z
  .object({
    name: z.string(),
    country: z.string().nullable(),
    code: z.string().nullable(),
    sector: z.string().nullable(),
    entityId: z.string().nullable(),
  })
  .loose();

export const Evidence = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
});

export const Modality = z.enum(['happened', 'intended', 'expected', 'hypothetical', 'negated']);
export const Event = z
  .object({
    /** The PLOVER type; null for a public statement (CAMEO 01), which PLOVER does not type. */
    plover: z.string().nullable(),
    mode: z.string().nullable(),
    cameo: z.string().nullable(),
    quadClass: z.number().int().min(1).max(4).nullable(),
    goldstein: z.number().nullable(),
    source: EventActor,
    target: EventActor.nullable(),
    date: z.string().nullable(),
    location: z.string().nullable(),
    modality: Modality,
    evidence: Evidence,
    confidence: z.number().min(0).max(1),
  })
  .loose();

export const Reading = z.object({
  article: Article,
  entities: z.array(Entity),
  quotes: z.array(Quote),
  events: z.array(Event),
});

export type Via = z.infer<typeof Via>;
export type Article = z.infer<typeof Article>;
export type Mention = z.infer<typeof Mention>;
export type MentionForm = z.infer<typeof MentionForm>;
export type EntityType = z.infer<typeof EntityType>;
export type Entity = z.infer<typeof Entity>;
export type Speaker = z.infer<typeof Speaker>;
export type QuoteKind = z.infer<typeof QuoteKind>;
export type Quote = z.infer<typeof Quote>;
export type EventActor = z.infer<typeof EventActor>;
export type Evidence = z.infer<typeof Evidence>;
export type Modality = z.infer<typeof Modality>;
export type Event = z.infer<typeof Event>;
export type Reading = z.infer<typeof Reading>;
