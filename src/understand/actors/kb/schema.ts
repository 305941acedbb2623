// The knowledge-base file format (built-in files under data/kb/ and users' own files), validated with zod.
// zod is loaded on first use (through require, as its files are read synchronously): reading texts
// with the built-in knowledge base, compiled by the build step, validates no file, and loading zod
// would cost each process and reading thread about 0.07 CPU-seconds.
import { createRequire } from 'node:module';
import type * as Zod from 'zod';

const require = createRequire(import.meta.url);

function makeSchemas() {
  const { z } = require('zod') as typeof Zod;
  const IsoDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'a date as YYYY, YYYY-MM or YYYY-MM-DD');
  const Code3 = z.string().regex(/^[A-Z]{3}$/, 'a three-letter upper-case code such as IRN');
  const Sector = z.string().regex(/^[A-Z]{3}$/, 'a PLOVER sector code such as GOV, MIL, COP');

  const RoleEntry = z.object({
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

  const PersonEntry = z.object({
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

  const OrgEntry = z.object({
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

  const ActorFile = z
    .object({
      _source: z.string().optional(),
      people: z.array(PersonEntry).optional(),
      orgs: z.array(OrgEntry).optional(),
    })
    .strict();

  return { RoleEntry, PersonEntry, OrgEntry, ActorFile };
}

type Schemas = ReturnType<typeof makeSchemas>;
let schemas: Schemas | null = null;

/** The schemas, made (and zod loaded) on first use. */
export function actorSchemas(): Schemas {
  return (schemas ??= makeSchemas());
}

export type RoleEntry = Zod.infer<Schemas['RoleEntry']>;
export type PersonEntry = Zod.infer<Schemas['PersonEntry']>;
export type OrgEntry = Zod.infer<Schemas['OrgEntry']>;
export type ActorFile = Zod.infer<Schemas['ActorFile']>;
