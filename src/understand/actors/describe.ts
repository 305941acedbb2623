// What the knowledge base knows of one actor, for `sitrep actors show <name>` and the actor page.
import type { Actor } from './index.ts';
import type { KnowledgeBase } from './kb/knowledge-base.ts';
import { resolveWith } from './resolve.ts';

export interface RoleSpan {
  role: string;
  /** Country (ISO3) or organisation id (org:un) the role belongs to. */
  country: string | null;
  from: string;
  /** null: still held. */
  to: string | null;
  uncertain: boolean;
}

export interface ActorDescription extends Actor {
  roles: RoleSpan[];
  aliases: string[];
  /** Countries: demonyms and capitals; empty for others. */
  demonyms: string[];
  capitals: string[];
  source: string | null;
}

export function describeWith(kb: KnowledgeBase, name: string): ActorDescription | null {
  const actor = resolveWith(kb, name, {});
  if (!actor) return null;
  const base = { ...actor, roles: [], aliases: [], demonyms: [], capitals: [], source: null };
  const person = kb.peopleById.get(actor.entityId);
  if (person) {
    const roles = person.roles
      .map((r) => ({
        role: r.role,
        country: r.org ?? (r.country === undefined ? person.country : r.country),
        from: r.from,
        to: r.to ?? null,
        uncertain: r.uncertain ?? false,
      }))
      .sort((a, b) => a.from.localeCompare(b.from));
    return { ...base, roles, aliases: person.aliases, source: person.source ?? null };
  }
  const org = kb.orgsById.get(actor.entityId);
  if (org) return { ...base, aliases: org.aliases, source: org.source ?? null };
  const country = actor.type === 'GPE' ? kb.countries.get(actor.entityId) : undefined;
  if (country) {
    const aliases = country.names.filter((n) => n !== country.name);
    const source = 'world-countries (mledoze/countries, ODbL-1.0) and data/kb/country-aliases.json';
    return { ...base, aliases, demonyms: country.demonyms, capitals: country.seats, source };
  }
  return base;
}
