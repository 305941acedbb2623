// The knowledge-base file format (built-in files under data/kb/ and users' own files), validated with zod.
import { z } from 'zod';

const IsoDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'a date as YYYY, YYYY-MM or YYYY-MM-DD');
const Code3 = z.string().regex(/^[A-Z]{3}$/, 'a three-letter upper-case code such as IRN');
const Sector = z.string().regex(/^[A-Z]{3}$/, 'a PLOVER sector code such as GOV, MIL, COP');

export const RoleEntry = z.object({
  /** What the person was, as news text writes it: "President", "Minister of Foreign Affairs". */
  role: z.string().min(1),
  /** Where the role is held; the person's own country when absent. */
  country: Code3.nullable().optional(),
  sector: Sector.optional(),
  /** The organisation the role belongs to, for roles above states (org:un, org:nato). */
  org: z.string().optional(),
  from: IsoDate,
  /** null or absent: still held. */
  to: IsoDate.nullable().optional(),
  uncertain: z.boolean().optional(),
});

export const PersonEntry = z.object({
  id: z.string().regex(/^person:[a-z0-9-]+$/, 'an id like person:ebrahim-raisi'),
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)).default([]),
  /** The name used alone for the person when it is not the last word ("Xi" of Xi Jinping). */
  surname: z.string().min(1).optional(),
  country: Code3.nullable(),
  /** Sector when no dated role applies (e.g. REL for a cleric). */
  sector: Sector.nullable().optional(),
  roles: z.array(RoleEntry).default([]),
  source: z.string().optional(),
  uncertain: z.boolean().optional(),
});

export const OrgEntry = z.object({
  id: z.string().regex(/^(org|loc):[a-z0-9-]+$/, 'an id like org:nato or loc:europe'),
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)).default([]),
  country: Code3.nullable().optional(),
  /** Non-state "country" of CAMEO/PLOVER (IGO, UNO, EUR, NGO, IMG, MNC) for bodies above states. */
  bloc: Code3.nullable().optional(),
  sector: Sector.nullable().optional(),
  code: z.string().nullable().optional(),
  type: z.enum(['ORG', 'GPE', 'LOC', 'MISC']).optional(),
  source: z.string().optional(),
  uncertain: z.boolean().optional(),
});

export const ActorFile = z
  .object({
    _source: z.string().optional(),
    people: z.array(PersonEntry).optional(),
    orgs: z.array(OrgEntry).optional(),
  })
  .strict();

export type RoleEntry = z.infer<typeof RoleEntry>;
export type PersonEntry = z.infer<typeof PersonEntry>;
export type OrgEntry = z.infer<typeof OrgEntry>;
export type ActorFile = z.infer<typeof ActorFile>;
