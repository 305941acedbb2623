// Who did it and to whom: the subject before the verb (with its coordinated partners), the object
// after it, passive voice ("was attacked by X"), relative clauses ("X, who blasted Y"), pronouns
// and reciprocal phrases resolved from the discourse.
import type { EventActor } from '../../model/index.ts';
import type { ActorSpan } from './actors.ts';
import type { Token } from './text.ts';

const PREPOSITIONS = new Set([
  'in',
  'at',
  'on',
  'from',
  'of',
  'to',
  'with',
  'for',
  'by',
  'against',
  'near',
  'over',
  'into',
  'between',
  'about',
  'toward',
  'towards',
  'than',
  'among',
  'across',
  'under',
  'within',
  'like',
  'through',
  'throughout',
  'via',
  'beyond',
  'behind',
  'beside',
  'outside',
  'inside',
  'along',
  'around',
  'upon',
]);
const PARTITIVE =
  /^(?:\d[\d,.]*|thousands|hundreds|dozens|scores|millions|tens|members|member|group|groups|some|many|most|all|none|several|each|both|one|two|three|four|five|six|seven|eight|nine|ten|number|majority|supporters|leaders|representatives|delegation|units|part)$/;
const LOCATIVE = new Set(['in', 'at', 'near', 'inside', 'outside', 'across']);
const RELATIVE = new Set(['who', 'which', 'that']);
const BE = new Set(['was', 'were', 'been', 'being', 'is', 'are', 'be', 'get', 'got', 'gets']);
const TARGET_STOP = new Set([
  ';',
  'who',
  'whom',
  'which',
  'whose',
  'because',
  'while',
  'although',
  'but',
  'after',
  'before',
  'since',
]);

/** What the discourse knows so far: for pronouns and "the two countries". */
export interface Discourse {
  lastPerson: EventActor | null;
  lastActor: EventActor | null;
  /** Distinct countries in order of mention, latest last. */
  countries: EventActor[];
  /** The last two countries named together ("Iran and China"): what "the two countries" means. */
  pair: EventActor[] | null;
}

export interface Roles {
  sources: EventActor[];
  targets: EventActor[];
  passive: boolean;
  /** The passive names its doer in a "by" phrase ("was arrested by police"). */
  agent?: boolean;
  /** Token index where the subject phrase starts, when one was found in the sentence. */
  subjectAt: number | null;
}

export interface Clause {
  first: number;
  last: number;
  speaker: EventActor | null;
}

export function assignRoles(
  tokens: Token[],
  actors: ActorSpan[],
  verb: { first: number; last: number },
  clause: Clause,
  discourse: Discourse,
  /** What the text layer's clause says of the verb: its subject's actor span, and its voice. */
  grammar: {
    subject: ActorSpan | null;
    passive: boolean;
    /** Where the verb's own clause ends. */
    last?: number;
    /** A clause between the subject and the verb ("X who met Y was …"): none of its actors is the subject. */
    aside?: { first: number; last: number } | null;
  } | null = null,
): Roles {
  const inClause = actors.filter((a) => a.first >= clause.first && a.last <= clause.last);
  const passive = isPassive(tokens, verb.first) || !!grammar?.passive;
  const hint =
    grammar?.subject && inClause.includes(grammar.subject) ? groupHead(grammar.subject, inClause) : null;
  const aside = grammar?.aside;
  const outsideAside = aside
    ? inClause.filter((a) => a.last <= aside.first || a.first >= aside.last)
    : inClause;
  const subject = hint ?? subjectOf(tokens, outsideAside, verb.first, clause.first);
  let sources = subject ? expand(subject, inClause, tokens, actors, discourse, clause) : [];
  let objects = objectOf(tokens, inClause, verb, clause.last, subject);
  let targets = objects ? expand(objects, inClause, tokens, actors, discourse, clause) : [];
  // "talks between Russia and Ukraine", "clashes among rival militias": with nobody named as doer,
  // the parties after "between" act on each other.
  if (!sources.length && objects && targets.length > 1 && isParties(tokens, verb, objects)) {
    sources = targets;
    targets = [];
  }
  if (passive) {
    // The agent stands in the verb's own clause: "X who was accused of Y was arrested by police" has
    // no agent for "accused".
    const agent = agentOf(tokens, inClause, verb.first, Math.min(clause.last, grammar?.last ?? clause.last));
    // "A camp for Congolese refugees was attacked": the patient may sit in a phrase.
    if (!sources.length) {
      const patient = [...outsideAside].reverse().find((a) => a.last <= verb.first && a.actor);
      if (patient) sources = expand(patient, inClause, tokens, actors, discourse, clause);
    }
    targets = sources;
    sources = agent ? expand(agent, inClause, tokens, actors, discourse, clause) : [];
    objects = agent;
  }
  // "X said Y must …": the demand is the speaker's, made of Y.
  if (tokens[verb.first]?.lower === 'must' && clause.speaker) {
    targets = sources;
    sources = [clause.speaker];
  }
  targets = targets.filter((t) => !sources.some((s) => sameActor(s, t)));
  return {
    sources: dedupe(sources),
    targets: dedupe(targets),
    passive,
    agent: passive && !!objects && sources.length > 0,
    subjectAt: subject?.first ?? null,
  };
}

/** The object phrase is "between/among X and Y" right after the act's words (a few modifiers apart). */
function isParties(tokens: Token[], verb: { first: number; last: number }, objects: ActorSpan): boolean {
  // The preposition may be the pattern's own last word ("talks between").
  for (let k = objects.first - 1; k > verb.first && objects.first - k <= 3; k--) {
    const word = tokens[k]?.lower ?? '';
    if (/^(?:between|among|amongst)$/.test(word)) return k <= verb.last;
    if (!/^\p{Ll}[\p{Ll}-]*$/u.test(word)) return false;
  }
  return false;
}

export function sameActor(a: EventActor, b: EventActor): boolean {
  if (a.entityId && b.entityId) return a.entityId === b.entityId;
  return a.code === b.code && a.country === b.country && (a.country !== null || a.name === b.name);
}

function dedupe(list: EventActor[]): EventActor[] {
  return list.filter((a, i) => list.findIndex((b) => sameActor(a, b)) === i);
}

function isPassive(tokens: Token[], verb: number): boolean {
  const v = tokens[verb];
  if (!v || !/(?:ed|en|wn|ught|ld|nt|t)$/.test(v.lower)) return false;
  for (let k = verb - 1; k >= 0 && verb - k <= 3; k--) {
    const w = tokens[k]?.lower ?? '';
    if (BE.has(w)) return true;
    if (!/^(?:not|also|reportedly|allegedly|being|been|already|later|then|once|again)$/.test(w)) return false;
  }
  return false;
}

/** The subject: a relative pronoun's antecedent, else the nearest actor before the verb not inside a PP. */
function subjectOf(
  tokens: Token[],
  actors: ActorSpan[],
  verb: number,
  clauseFirst: number,
): ActorSpan | null {
  const before = actors.filter((a) => a.last <= verb);
  const rel = relativeAntecedent(tokens, before, verb);
  if (rel) return rel;
  // "an agreement that approves …": a relative clause on a thing has that thing as its subject.
  if (relativeOnThing(tokens, verb)) return null;
  for (let k = before.length - 1; k >= 0; k--) {
    const a = before[k] as ActorSpan;
    if (a.first < clauseFirst) break;
    if (!inPrepositionalPhrase(tokens, a, before))
      return appositionHead(tokens, before, a) ?? groupHead(a, before);
  }
  return null;
}

/** "Pakistan, a key U.S. ally in the war, has refused…": the subject is the actor before the aside. */
function appositionHead(tokens: Token[], before: ActorSpan[], inside: ActorSpan): ActorSpan | null {
  let k = inside.first - 1;
  while (k >= 0 && inside.first - k <= 4 && tokens[k]?.text !== ',') k--;
  if (tokens[k]?.text !== ',' || !/^(?:a|an|the)$/.test(tokens[k + 1]?.lower ?? '')) return null;
  const head = before.find((a) => a.last === k);
  return head ? groupHead(head, before) : null;
}

/** "X, who blasted Y": the verb's subject is a relative pronoun. */
export function relativeSubject(tokens: Token[], verb: number): boolean {
  let k = verb - 1;
  while (k >= 0 && /^(?:also|then|later|had|has|have|was|were|is|reportedly)$/.test(tokens[k]?.lower ?? ''))
    k--;
  return tokens[k]?.lower === 'who';
}

/** The verb opens a relative clause ("which", or "that" right before a verb) on something no actor. */
function relativeOnThing(tokens: Token[], verb: number): boolean {
  let k = verb - 1;
  while (k >= 0 && /^(?:also|then|later|had|has|have|was|were|is|reportedly)$/.test(tokens[k]?.lower ?? ''))
    k--;
  const pronoun = tokens[k]?.lower ?? '';
  if (pronoun !== 'which' && pronoun !== 'that') return false;
  const antecedent = tokens[k - 1];
  return (
    !!antecedent &&
    /^\p{Ll}+$/u.test(antecedent.text) &&
    !/^(?:said|says|say|told|and|,)$/.test(antecedent.lower)
  );
}

/** "Iran's defense chief, Gen. X, who blasted …": the actor just before "who". */
function relativeAntecedent(tokens: Token[], before: ActorSpan[], verb: number): ActorSpan | null {
  let k = verb - 1;
  while (k >= 0 && /^(?:also|then|later|had|has|have|was|were|is|reportedly)$/.test(tokens[k]?.lower ?? ''))
    k--;
  if (!RELATIVE.has(tokens[k]?.lower ?? '')) return null;
  let j = k - 1;
  if (tokens[j]?.text === ',') j--;
  const antecedent = before.find((a) => a.last === j + 1);
  return antecedent ? groupHead(antecedent, before) : null;
}

function inPrepositionalPhrase(tokens: Token[], span: ActorSpan, before: ActorSpan[]): boolean {
  const head = groupHead(span, before);
  let k = head.first - 1;
  while (
    k >= 0 &&
    /^(?:the|a|an|its|their|his|her|other|several|some|two|three)$/.test(tokens[k]?.lower ?? '')
  )
    k--;
  // "Thousands of people", "members of the opposition": a partitive "of" heads the subject.
  if (tokens[k]?.lower === 'of' && PARTITIVE.test(tokens[k - 1]?.lower ?? '')) return false;
  return PREPOSITIONS.has(tokens[k]?.lower ?? '');
}

function groupHead(span: ActorSpan, actors: ActorSpan[]): ActorSpan {
  return actors.find((a) => a.group === span.group) ?? span;
}

/** The first actor after the verb, skipping locative phrases when another actor follows. */
function objectOf(
  tokens: Token[],
  actors: ActorSpan[],
  verb: { first: number; last: number },
  clauseLast: number,
  subject: ActorSpan | null,
): ActorSpan | null {
  let stop = clauseLast;
  for (let k = verb.last; k < clauseLast; k++) {
    if (
      TARGET_STOP.has(tokens[k]?.lower ?? '') ||
      (tokens[k]?.text === ',' && RELATIVE.has(tokens[k + 1]?.lower ?? ''))
    ) {
      stop = k;
      break;
    }
  }
  const after = actors.filter((a) => a.first > verb.first && a.first < stop && a.group !== subject?.group);
  const direct = after.filter(
    (a) => !LOCATIVE.has(tokens[a.first - 1]?.lower ?? '') && a.kind !== 'pronoun' && !a.owned,
  );
  // A countryless head ("troops") is the instrument more often than the target.
  const known = (a: ActorSpan) => !!(a.actor?.country ?? a.actor?.code);
  return (
    direct.find((a) => (a.kind !== 'head' || a.actor?.country) && known(a)) ??
    direct.find((a) => a.kind !== 'head' || a.actor?.country) ??
    direct[0] ??
    after[0] ??
    null
  );
}

function agentOf(tokens: Token[], actors: ActorSpan[], verb: number, clauseLast: number): ActorSpan | null {
  return (
    actors.find(
      (a) =>
        a.first > verb &&
        a.first < clauseLast &&
        tokens.slice(Math.max(verb, a.first - 3), a.first).some((t) => t.lower === 'by'),
    ) ?? null
  );
}

/** A span and its coordinated partners, with pronouns and reciprocals resolved. */
function expand(
  span: ActorSpan,
  inClause: ActorSpan[],
  tokens: Token[],
  all: ActorSpan[],
  discourse: Discourse,
  clause: Clause,
): EventActor[] {
  const members = inClause.filter((a) => a.group === span.group);
  return members.flatMap((m) => resolveSpan(m, tokens, all, discourse, clause));
}

function resolveSpan(
  span: ActorSpan,
  tokens: Token[],
  all: ActorSpan[],
  discourse: Discourse,
  clause: Clause,
): EventActor[] {
  if (span.actor) return [span.actor];
  if (span.kind === 'reciprocal') return discourse.pair ?? discourse.countries.slice(-2);
  const earlier = all.filter((a) => a.last <= span.first && a.actor && a.kind !== 'head');
  if (span.person) {
    const person = [...earlier].reverse().find((a) => a.person)?.actor;
    return [person ?? clause.speaker ?? discourse.lastPerson].filter((a): a is EventActor => !!a);
  }
  const thing = [...earlier].reverse().find((a) => !a.person)?.actor;
  return [thing ?? clause.speaker ?? discourse.lastActor].filter((a): a is EventActor => !!a);
}
