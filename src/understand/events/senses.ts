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
import { words } from '../text/lexicon.ts';

const isVerbStem = (t: Token) => words.verbStems.has(t.stem);

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

/** Prepositions closing a "V ~ P" pattern whose gap is the verb's object ("return X to", "want X to"). */
const OBJECT_BEFORE = new Set(['to', 'of', 'with', 'as', 'against']);
const BE_OR_GET = /^(?:is|are|was|were|be|been|being|am|'s|'re|get|gets|got|gotten|getting)$/;
const SUBJECT_PRONOUNS = /^(?:i|we|you|he|she|it|they)$/;

/**
 * "returned to Washington", "wants to continue": a pattern that holds an object between its verb and
 * its closing preposition ("return X to", "want X to", "accuse X of") met with nothing between, in the
 * active voice, is the verb's intransitive sense (going back, wishing), not the act on an object.
 * The passive keeps it: "was accused of", and a participle that may be a reduced relative ("arrested
 * a man accused of", "X charged with … were freed").
 */
export function missingObject(
  match: PatternMatch,
  tokens: Token[],
  voice: { passive: boolean; reducedRelative: boolean },
): boolean {
  const [verb, gap, closing] = match.pattern.items;
  if (match.pattern.items.length !== 3 || !verb || verb.gap || !gap?.gap || !closing || closing.gap)
    return false;
  if (!closing.alternatives.every((a) => a.length === 1 && OBJECT_BEFORE.has(a[0] ?? ''))) return false;
  const [first, prep] = match.words;
  if (first === undefined || prep !== first + 1 || voice.passive) return false;
  let k = first - 1;
  while (k >= 0 && /^(?:\p{Ll}+ly|not|n't|also|then|just|already|since)$/u.test(tokens[k]?.lower ?? '')) k--;
  if (BE_OR_GET.test(tokens[k]?.lower ?? '')) return false;
  const word = tokens[first]?.lower ?? '';
  const participle = /ed$/.test(word) || /^(?:held|led|sent|brought|taken|given|shown)$/.test(word);
  if (participle && !SUBJECT_PRONOUNS.test(tokens[first - 1]?.lower ?? '') && voice.reducedRelative)
    return false;
  return true;
}

const LISTENER_PRONOUNS = /^(?:them|him|her|us|me|you|it)$/;

/**
 * A bare "warn" (CAMEO 130) in its other senses, by what follows it (as the CAMEO dictionary codes
 * "warn of disastrous consequences" a pessimistic comment and "warn against pullout" an appeal):
 * "warned officials to boost security" asks something of the listener (020); "warned that the museum
 * would not be a panacea", "warned of a rise in cases" foretell something nobody threatens to do (no
 * event). It stays a threat where the warned content is an act of someone able to act ("warned that it
 * would retaliate", "that police will not tolerate"), carries a condition or an "or face" cue, or nothing of this kind follows.
 * Returns the code the match stands for, or null for no event.
 */
export function warningSense(
  match: PatternMatch,
  code: string,
  tokens: Token[],
  actors: ActorSpan[],
  content: { actorSubject: boolean; modal: boolean } | null,
  threatCue: boolean,
): string | null {
  if (code !== '130' || match.pattern.weight !== 1) return code;
  if (!/^warn/.test(tokens[match.first]?.lower ?? '')) return code;
  let k = match.last;
  let listener = false;
  const actor = actors.find((a) => a.first === k || (a.first === k + 1 && tokens[k]?.lower === 'the'));
  if (actor) [k, listener] = [actor.last, true];
  else if (LISTENER_PRONOUNS.test(tokens[k]?.lower ?? '')) [k, listener] = [k + 1, true];
  else {
    // "warned state election officials to …": a short common noun phrase before "to".
    let j = k;
    while (j < k + 5 && lowerWord(tokens[j]) && !NOT_NOUNS.has(tokens[j]?.lower ?? '')) j++;
    if (j > k && tokens[j]?.lower === 'to') [k, listener] = [j, true];
  }
  const next = tokens[k]?.lower ?? '';
  if (next === 'to' && listener) return threatCue ? code : '020';
  const foretells = next === 'that' || next === 'of' || next === 'about' || (content !== null && !listener);
  if (!foretells && !content) return code;
  if (threatCue) return code;
  if (content?.actorSubject && content.modal) return code;
  return null;
}

/**
 * "helped deliver a surplus", "helping to pave the way", "could help Democrats turn out voters": "help"
 * with a verb as its complement lends a hand to a doing, it gives nobody aid (070 is material aid:
 * "helped Iraq with $5 million", "helped the rebels").
 */
export function verbalHelp(match: PatternMatch, code: string, tokens: Token[], actors: ActorSpan[]): boolean {
  if (!code.startsWith('07') || match.pattern.weight !== 1) return false;
  if (tokens[match.first]?.stem !== stem('help')) return false;
  let k = match.last;
  const actor = actors.find((a) => a.first === k);
  if (actor) k = actor.last;
  else if (LISTENER_PRONOUNS.test(tokens[k]?.lower ?? '')) k++;
  const infinitive = tokens[k]?.lower === 'to';
  const next = tokens[infinitive ? k + 1 : k];
  if (!next || !lowerWord(next) || DETERMINERS.has(next.lower)) return false;
  // After "to" a lower-case word that opens no noun phrase is a verb; a bare one must be known as one.
  return infinitive || (isVerbStem(next) && !/(?:s|ed|ing)$/.test(next.lower));
}

/** Particles that make "back" another verb: "backed out", "backed down", "backed away" withdraw. */
const BACK_PARTICLES = /^(?:out|down|away|off)$/;

/**
 * "Washington backed out", "agreed with the reporter and …": a verb read with what follows it in a sense
 * other than its event's. "Back" with a particle of withdrawal supports nobody; "agree with" a person,
 * with nothing agreed on or to after them, shares an opinion rather than making an agreement.
 */
export function otherVerbSense(
  match: PatternMatch,
  code: string,
  tokens: Token[],
  actors: ActorSpan[],
): boolean {
  if (match.pattern.weight !== 1) return false;
  const word = tokens[match.first]?.stem ?? '';
  const next = tokens[match.last]?.lower ?? '';
  if (code.startsWith('05') && word === stem('back')) return BACK_PARTICLES.test(next);
  if (code.startsWith('03') && word === stem('agree') && next === 'with') {
    const partner = actors.find((a) => a.first === match.last + 1);
    if (!partner?.person) return false;
    return !/^(?:on|to|that|over|about|in|upon)$/.test(tokens[partner.last]?.lower ?? '');
  }
  return false;
}
