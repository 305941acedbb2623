// Hand-built entities for event tests, so they do not depend on the entity recogniser.
import type { Entity, EntityType, Event } from '../../../src/model/index.ts';
import { findEvents } from '../../../src/understand/events/index.ts';

export interface Known {
  type: EntityType;
  country: string | null;
  sector?: string;
}

/** A small gazetteer for the test sentences: every occurrence of a name becomes a mention. */
export const KNOWN: Record<string, Known> = {
  Iran: { type: 'GPE', country: 'IRN' },
  Iranian: { type: 'GPE', country: 'IRN' },
  China: { type: 'GPE', country: 'CHN' },
  Chinese: { type: 'GPE', country: 'CHN' },
  Brazil: { type: 'GPE', country: 'BRA' },
  Argentina: { type: 'GPE', country: 'ARG' },
  Chile: { type: 'GPE', country: 'CHL' },
  Peru: { type: 'GPE', country: 'PER' },
  Bolivia: { type: 'GPE', country: 'BOL' },
  Colombia: { type: 'GPE', country: 'COL' },
  Colombian: { type: 'GPE', country: 'COL' },
  Venezuela: { type: 'GPE', country: 'VEN' },
  Ecuador: { type: 'GPE', country: 'ECU' },
  Norway: { type: 'GPE', country: 'NOR' },
  Sweden: { type: 'GPE', country: 'SWE' },
  Kenya: { type: 'GPE', country: 'KEN' },
  Kenyan: { type: 'GPE', country: 'KEN' },
  Uganda: { type: 'GPE', country: 'UGA' },
  'United States': { type: 'GPE', country: 'USA' },
  Washington: { type: 'GPE', country: 'USA' },
  Tehran: { type: 'GPE', country: 'IRN' },
  Quito: { type: 'GPE', country: 'ECU' },
  'Laura Mendes': { type: 'PERSON', country: 'BRA', sector: 'GOV' },
};

export function entitiesFor(text: string): Entity[] {
  const out: Entity[] = [];
  for (const [name, k] of Object.entries(KNOWN)) {
    const mentions = [...text.matchAll(new RegExp(`\\b${name}\\b`, 'g'))].map((m) => ({
      start: m.index ?? 0,
      end: (m.index ?? 0) + name.length,
      text: name,
      form: 'name' as const,
    }));
    if (mentions.length) {
      out.push({
        id: k.type === 'PERSON' ? `person:${name.toLowerCase().replace(/ /g, '-')}` : (k.country ?? name),
        type: k.type,
        name,
        country: k.country,
        role: null,
        sector: k.sector ?? null,
        mentions,
      });
    }
  }
  return out;
}

/** Events of text with the hand-built entities and no knowledge-base lookups. */
export function eventsOf(text: string, published = '2022-04-27'): Event[] {
  return findEvents(text, entitiesFor(text), { published, resolve: () => null });
}
