// Political events coded in PLOVER and CAMEO, with evidence sentences.
import type { Entity, Event } from '../../model/index.ts';
import { resolveActor } from '../actors/index.ts';
import type { Resolver } from './actors.ts';
import { sentenceClauses } from './clauses.ts';
import { codeSentence, type CodedEvent } from './coder.ts';
import { publicationDate } from './dates.ts';
import { mergeMentions } from './merge.ts';
import type { Discourse } from './roles.ts';
import { textDocFor, type TextDoc } from '../text/index.ts';
import { discardLevel, sentenceRelevance } from './relevance.ts';
export { confidentEvents, eventThreshold } from './confidence.ts';

export interface EventOptions {
  /** The article's publication date (ISO), against which relative dates are resolved. */
  published?: string | null;
  /** Resolves a phrase to a known actor; the actor knowledge base by default. */
  resolve?: Resolver;
  /** The text layer already read from the text (understand() reads it once for every stage). */
  doc?: TextDoc;
}

export type { CodedEvent } from './coder.ts';

/**
 * Phrases the built-in resolver looked up, across articles (names recur from one article to the
 * next; the knowledge base does not change within a process), by date and phrase.
 */
const resolvedBefore = new Map<string, ReturnType<Resolver>>();
const RESOLVED_LIMIT = 50_000;

/**
 * The same phrase is looked up once per article (the date does not change within one); with the
 * built-in resolver (`shared`), once per process and date.
 */
function cached(resolve: Resolver, shared: boolean): Resolver {
  const seen = new Map<string, ReturnType<Resolver>>();
  return (text, opts) => {
    // The same phrase may be looked up with the article's context (a bare role noun) and without it.
    const local = opts.context ? `${opts.context}\u0000${text}` : text;
    let hit = seen.get(local);
    if (hit === undefined) {
      const key = shared && !opts.kb ? `${opts.date ?? ''}\u0000${opts.context ?? ''}\u0000${text}` : null;
      hit = key === null ? undefined : resolvedBefore.get(key);
      if (hit === undefined) {
        hit = resolve(text, opts);
        if (key !== null) {
          if (resolvedBefore.size >= RESOLVED_LIMIT) resolvedBefore.clear();
          resolvedBefore.set(key, hit);
        }
      }
      seen.set(local, hit);
    }
    return hit;
  };
}

/** Events of an article's text: one per real event, each with its evidence sentence(s). */
export function findEvents(text: string, entities: Entity[], options: EventOptions = {}): Event[] {
  return codeArticle(text, entities, options).map(({ signals: _signals, ...event }) => event);
}

/** Events with the signals their confidence was computed from (for fitting the confidence model). */
export function codeArticle(text: string, entities: Entity[], options: EventOptions = {}): CodedEvent[] {
  const published = publicationDate(options.published);
  const discourse: Discourse = { lastPerson: null, lastActor: null, countries: [], pair: null };
  const doc = textDocFor(text, options.doc, 'events');
  const sentences = doc.plainSentences.map((s) => ({
    span: { start: s.start, end: s.end },
    tokens: doc.tokens.slice(s.first, s.last),
  }));
  const scores = sentences.map((s) => sentenceRelevance(s.tokens));
  const discards = sentences.map((s) => discardLevel(s.tokens));
  const article = scores.reduce((a, b) => a + b, 0) / Math.max(1, scores.length);
  const storyDiscard = discards.includes('story');
  const ctx = {
    relevance: { sentence: 0, article, discard: false },
    text,
    entities,
    resolve: cached(options.resolve ?? resolveActor, !options.resolve),
    date: options.published?.slice(0, 10) ?? null,
    context: mainCountry(entities),
    published,
    discourse,
  };
  const events: CodedEvent[] = [];
  sentences.forEach(({ span, tokens }, i) => {
    ctx.relevance = { sentence: scores[i] ?? 0, article, discard: storyDiscard || discards[i] !== null };
    events.push(...codeSentence(span, tokens, ctx, () => sentenceClauses(doc, i)));
  });
  return mergeMentions(events);
}

/**
 * The name of the country an article is mostly about: the country whose places are mentioned most,
 * at least twice and more often than any other; null when none dominates.
 */
export function mainCountry(entities: Entity[]): string | null {
  const byCountry = new Map<string, { count: number; name: string; top: number }>();
  for (const e of entities) {
    if (e.type !== 'GPE' || !e.country || !/^[A-Z]{3}$/.test(e.country)) continue;
    const n = e.mentions.length;
    const seen = byCountry.get(e.country) ?? { count: 0, name: e.name, top: 0 };
    seen.count += n;
    if (n > seen.top) [seen.top, seen.name] = [n, e.name];
    byCountry.set(e.country, seen);
  }
  const ranked = [...byCountry.values()].sort((a, b) => b.count - a.count);
  const [first, second] = ranked;
  return first && first.count >= 2 && first.count > (second?.count ?? 0) ? first.name : null;
}
