// Verb senses by their arguments: a verb codes an event of its type only when its subject and object
// are of fitting kinds. Violence needs a violent doer (an actor, or a weapon or attack: "a roadside bomb
// killed") and something that can be hit (people, places, buildings, vehicles, forces): "the storm
// killed", "attacked the website", "beat forecasts" are other senses. Meetings, cooperation, aid and
// yielding need an actor as object: "visited the museum", "released a plan" are other senses.
// Noun classes: data/events/senses.json with synonym sets of the CAMEO dictionary (cameo-verbs.json)
// and the actor head nouns (actor-heads.json: people by office or role can be hit).
import type { ActorSpan } from './actors.ts';
import { loadJson } from './data.ts';
import type { PatternMatch } from './lexicon.ts';
import { stem, type Token } from './text.ts';

interface NounClass {
  cameoSets: string[];
  words: string[];
}
interface SenseData {
  violentMeans: NounClass;
  physicalTargets: NounClass;
}

let classes: { means: Set<string>; targets: Set<string> } | null = null;

function nounClasses(): { means: Set<string>; targets: Set<string> } {
  classes ??= (() => {
    const data = loadJson<SenseData>('events/senses.json');
    const sets = loadJson<{ sets: Record<string, string[]> }>('events/cameo-verbs.json').sets;
    const build = (c: NounClass) =>
      new Set(
        [...c.words, ...c.cameoSets.flatMap((name) => sets[name] ?? [])]
          // A multi-word member counts by its head, the last word ("roadside bomb" → "bomb").
          .map((w) => stem(w.split('_').pop() ?? w)),
      );
    // People named by their office or role ("the deputy chief", "a commander") can be hit too.
    const heads = Object.keys(loadJson<{ heads: Record<string, string> }>('events/actor-heads.json').heads);
    const targets = build(data.physicalTargets);
    for (const h of heads) targets.add(stem(h.split(' ').pop() ?? h));
    return { means: build(data.violentMeans), targets };
  })();
  return classes;
}

const DETERMINERS = new Set([
  'the',
  'a',
  'an',
  'this',
  'that',
  'these',
  'those',
  'its',
  'their',
  'his',
  'her',
  'our',
  'my',
  'your',
  'some',
  'any',
]);
const NOT_NOUNS = new Set([
  'of',
  'in',
  'on',
  'at',
  'to',
  'for',
  'with',
  'by',
  'from',
  'and',
  'or',
  'but',
  'that',
  'which',
  'who',
  'as',
  'than',
  'into',
  'over',
  'after',
  'before',
  'during',
  'near',
]);
const AUXILIARIES =
  /^(?:has|have|had|was|were|is|are|be|been|reportedly|allegedly|also|then|later|had|apparently|reportedly)$/;

const lowerWord = (t: Token | undefined) => !!t && /^\p{Ll}[\p{Ll}-]*$/u.test(t.text);
const inActor = (actors: ActorSpan[], first: number, last: number) =>
  actors.some((a) => a.first < last && a.last > first);

/**
 * The head of a common noun phrase (determiner, words, head) standing right after `at`, with no actor in
 * it; null when what follows is no such phrase (a name, a pronoun, a preposition).
 */
export function thingAfter(tokens: Token[], at: number, actors: ActorSpan[]): Token | null {
  let k = at;
  while (/^(?:up|out|off|back|down)$/.test(tokens[k]?.lower ?? '')) k++;
  if (!DETERMINERS.has(tokens[k]?.lower ?? '')) return null;
  let end = k + 1;
  while (
    end < tokens.length &&
    end - k <= 4 &&
    lowerWord(tokens[end]) &&
    !NOT_NOUNS.has(tokens[end]?.lower ?? '')
  )
    end++;
  if (end === k + 1 || inActor(actors, k, end)) return null;
  return tokens[end - 1] ?? null;
}

/** The head of a common noun phrase that is the subject right before the verb at `verb`, if any. */
export function thingBefore(tokens: Token[], verb: number, actors: ActorSpan[]): Token | null {
  let k = verb - 1;
  while (k >= 0 && AUXILIARIES.test(tokens[k]?.lower ?? '')) k--;
  const head = tokens[k];
  if (!lowerWord(head) || NOT_NOUNS.has(head?.lower ?? '') || inActor(actors, k, k + 1)) return null;
  let j = k - 1;
  while (j >= 0 && k - j <= 3 && lowerWord(tokens[j]) && !DETERMINERS.has(tokens[j]?.lower ?? '')) j--;
  // "The storm", "a fire" (or the sentence opening with the phrase): a determiner opens it.
  if (!DETERMINERS.has(tokens[j]?.lower ?? '') || inActor(actors, j, k + 1)) return null;
  return head ?? null;
}

/** Violence (18–20): a thing as doer must be a weapon or attack; a thing as object must be hittable. */
export function violentSense(
  match: PatternMatch,
  tokens: Token[],
  actors: ActorSpan[],
  sourced: boolean,
  /** The head of the clause's subject when the text layer reads it as a thing, not an actor. */
  subjectThing: Token | null = null,
): boolean {
  const { means, targets } = nounClasses();
  if (!sourced) {
    const doer = thingBefore(tokens, match.first, actors) ?? subjectThing;
    if (doer && !means.has(doer.stem)) return false;
  }
  if (match.pattern.weight >= 2) return true;
  const object = thingAfter(tokens, match.last, actors);
  return !object || targets.has(object.stem);
}

/**
 * Meetings and visits (04), material cooperation and aid (06, 07), yielding (08): a lone verb of
 * these whose object is a thing, not an actor or a place, is used in another sense.
 */
export function contactSense(match: PatternMatch, tokens: Token[], actors: ActorSpan[]): boolean {
  if (match.pattern.weight >= 2) return true;
  const object = thingAfter(tokens, match.last, actors);
  return !object || nounClasses().targets.has(object.stem);
}
