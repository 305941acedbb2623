// Political events coded in PLOVER and CAMEO, with evidence sentences.
import type { Entity, Event } from '../../model/index.ts';
import { resolveActor } from '../actors/index.ts';
import type { Resolver } from './actors.ts';
import { codeSentence, type CodedEvent } from './coder.ts';
import { publicationDate } from './dates.ts';
import { mergeMentions } from './merge.ts';
import type { Discourse } from './roles.ts';
import { splitSentences, tokenize } from './text.ts';

export interface EventOptions {
  /** The article's publication date (ISO), against which relative dates are resolved. */
  published?: string | null;
  /** Resolves a phrase to a known actor; the actor knowledge base by default. */
  resolve?: Resolver;
}

export type { CodedEvent } from './coder.ts';

/** The same phrase is looked up once per article (the date does not change within one). */
function cached(resolve: Resolver): Resolver {
  const seen = new Map<string, ReturnType<Resolver>>();
  return (text, opts) => {
    let hit = seen.get(text);
    if (hit === undefined) {
      hit = resolve(text, opts);
      seen.set(text, hit);
    }
    return hit;
  };
}

/** Events of an article's text: one per real event, each with its evidence sentence(s). */
export function findEvents(text: string, entities: Entity[], options: EventOptions = {}): Event[] {
  const published = publicationDate(options.published);
  const discourse: Discourse = { lastPerson: null, lastActor: null, countries: [], pair: null };
  const ctx = {
    text,
    entities,
    resolve: cached(options.resolve ?? resolveActor),
    date: options.published?.slice(0, 10) ?? null,
    published,
    discourse,
  };
  const events: CodedEvent[] = [];
  for (const sentence of splitSentences(text)) {
    const tokens = tokenize(text, sentence.start, sentence.end);
    events.push(...codeSentence(sentence, tokens, ctx));
  }
  return mergeMentions(events);
}
