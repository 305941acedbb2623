// Understand: entities, quotes and events read from a clean article.
import type { Article, Entity, Event, Quote } from '../model/index.ts';
import { findEntities } from './entities/index.ts';
import { findQuotes } from './quotes/index.ts';
import { findEvents } from './events/index.ts';
import { readText } from './text/index.ts';

export interface Understanding {
  entities: Entity[];
  quotes: Quote[];
  events: Event[];
}

/** Reads the article's text once (tokens, sentences, tags, clauses) and lets every stage read that. */
export function understand(article: Article): Understanding {
  const doc = readText(article.text);
  const entities = findEntities(article.text, { published: article.published, doc });
  const quotes = findQuotes(article.text, entities, doc);
  const events = findEvents(article.text, entities, { published: article.published, doc });
  return { entities, quotes, events };
}

export { resolveActor, describeActor } from './actors/index.ts';
export { confidentEvents, eventThreshold } from './events/index.ts';
export type { Actor, ActorDescription, ResolveOptions, RoleSpan } from './actors/index.ts';
export { findActor, searchActors, actorCodeLabel, regionOf } from './actors/lookup.ts';
export { toIsoDay } from './actors/dates.ts';
export type { ActorRef } from './actors/lookup.ts';
export { readText, TextDoc } from './text/index.ts';
