// Codes one sentence: pattern matches → the best event per clause → roles, modality, CAMEO/PLOVER
// coding, date and location.
import type { Event, EventActor, Evidence, Modality } from '../../model/index.ts';
import { findActorSpans, splitAtClauses, type ActorContext, type ActorSpan } from './actors.ts';
import { eventDate } from './dates.ts';
import { findFrames, type Frame } from './frames.ts';
import { compilePattern, eventLexicon, type PatternMatch } from './lexicon.ts';
import { headlineColon, speechActs } from './speech.ts';
import { selectMatches } from './select.ts';
import { isCancelled } from './cancels.ts';
import { hasThreatCue, modalityOf, recodeIntended, recodeRefused } from './modality.ts';
import { codeEvent } from './ontology.ts';
import { eventConfidence, isPublicActor, type EventEvidence } from './confidence.ts';
import { unreportedNominal } from './nominal.ts';
import {
  contactSense,
  missingObject,
  otherVerbSense,
  verbalHelp,
  violentSense,
  warningSense,
} from './senses.ts';
import { assignRoles, relativeSubject, type Clause, type Discourse, type Roles } from './roles.ts';
import { reportingVerbs, stem, type Span, type Token } from './text.ts';
import { loadJson } from './data.ts';
import { datelineEnd } from './dateline.ts';
import { speakerInFirstPerson } from './first-person.ts';
import { undergoneDoer, undergoneRoles } from './undergone.ts';
import { isCommonWord } from '../entities/tagger/tag.ts';
import { codeByMeans } from './means.ts';
import { anchorsVerb, clauseAt, clauseModality, subjectActor, type EventClause } from './clauses.ts';

export interface SentenceContext extends ActorContext {
  published: Date | null;
  discourse: Discourse;
  /** Public-affairs log-odds of this sentence and of the whole article, and any discard phrase. */
  relevance: { sentence: number; article: number; discard: boolean };
}

/** An event of one sentence, before mentions of the same event are merged. */
export type CodedEvent = Event & {
  /** Every sentence that reports this event (one per mention), the first being `evidence`. */
  evidenceSpans: Evidence[];
  attributedTo: EventActor | null;
  /** Where the date comes from: the sentence ("text") or the publication date ("published"). */
  dateSource: 'text' | 'published' | null;
  /** What the confidence was computed from (for fitting it; not part of the reading). */
  signals: EventEvidence;
};

const MAX_EVENTS_PER_SENTENCE = 2;

export function codeSentence(
  sentence: Span,
  tokens: Token[],
  ctx: SentenceContext,
  /** The text layer's clauses of this sentence, in its token indexes (read only when needed). */
  readClauses: () => EventClause[] = () => [],
): CodedEvent[] {
  // A dateline's agency ("(Reuters) -") acts in nothing; its place still places countryless actors.
  const opening = datelineEnd(tokens);
  const actors = findActorSpans(tokens, ctx).filter((a) => a.first >= opening);
  const all = eventLexicon().matchAll(tokens, opening);
  // "declared a ceasefire": a reporting verb that anchors a longer event pattern is the event.
  const frames = findFrames(tokens, actors).filter(
    (f) => !all.some((m) => m.first === f.verb && m.pattern.weight >= 2),
  );
  const titled = isTitleCase(tokens);
  const candidates = all
    .filter((m) => !adjectival(m, tokens))
    // "in March", "the Rally Party": a capitalised word inside an ordinary sentence is a name.
    .filter((m) => titled || !capitalisedInside(tokens, m.first))
    // An actor's own words never anchor an event ("Protesters", "Defence Minister").
    .filter((m) => !actors.some((a) => a.actor && a.first <= m.first && m.first < a.last))
    // …nor do words inside a proper name ("Ceasefire Violations Committee").
    .filter(
      (m) => !m.words.some((w) => actors.some((a) => isProperName(a, tokens) && a.first <= w && w < a.last)),
    )
    // A frame's own words up to its speaker are no event; what the frame goes on to say of the speaker
    // ("…, said Ann Lee, who has backed …") is read.
    .filter(
      (m) => !frames.some((f) => f.first <= m.first && m.first <= Math.max(f.verb, f.speaker?.last ?? 0)),
    )
    // CAMEO's cancelling patterns: "beat … in the election", "dropped leaflets".
    .filter((m) => !isCancelled(tokens, m.first))
    // "despite Iran's threats", "drew criticism": an act named by a noun, mentioned in passing.
    .filter((m) => !unreportedNominal(m, tokens, actors));
  let read: EventClause[] | null = null;
  // Reading the clauses also finds the persons named by a lone surname as a clause's subject.
  const layer = () => {
    if (read) return read;
    read = readClauses();
    splitAtClauses(actors, read);
    const lone = loneNameSubjects(read, tokens, actors, opening);
    if (lone.length) {
      actors.push(...lone);
      actors.sort((a, b) => a.first - b.first);
    }
    return read;
  };
  const chosen = selectMatches(
    candidates.filter((m) => directiveObject(m, tokens, layer)),
    tokens,
    frames,
    MAX_EVENTS_PER_SENTENCE,
    (m) => interruptingRelative(layer(), m.first) !== null,
  );
  const clauses = chosen.length ? layer() : [];
  const events: CodedEvent[] = [];
  let main: PatternMatch | null = null;
  /** The relative clause that interrupts the main act's clause, if any. */
  let mainRelative: EventClause | null = null;
  for (const selected of chosen) {
    const { match, depth } = selected;
    const clause = clauseOf(match, frames, tokens.length);
    const grammar = clauseAt(clauses, match.first);
    const own = grammar && anchorsVerb(grammar, match.first) ? grammar : null;
    // "returned to Washington", "wants to continue": no object where the pattern needs one.
    const voice = { passive: own?.passive ?? false, reducedRelative: reducedRelative(own, clauses, tokens) };
    if (missingObject(match, tokens, voice)) continue;
    if (plotted(match, tokens)) continue;
    if (verbalHelp(match, selected.code, tokens, actors)) continue;
    if (otherVerbSense(match, selected.code, tokens, actors)) continue;
    const code = warningSense(
      match,
      selected.code,
      tokens,
      actors,
      warnedContent(clauses, own, actors, tokens, match.last),
      conditionAfter(tokens, match.last, clause.last),
    );
    if (code === null) continue;
    // "The man who killed two soldiers was arrested": the soldiers are no subject of "arrested".
    const relative = interruptingRelative(clauses, match.first);
    let roles = speakerInFirstPerson(
      assignRoles(
        tokens,
        actors,
        match,
        clause,
        ctx.discourse,
        own
          ? {
              subject: subjectBefore(own, actors),
              passive: own.passive && own.verb.head === match.first,
              last: own.last,
              aside: relative ? { first: relative.first, last: relative.last } : null,
            }
          : null,
      ),
      own,
      tokens,
      clause.speaker ?? reportingSpeaker(grammar, actors),
    );
    // "X faced criticism from Y": Y criticises X.
    const doer = undergoneDoer(match, code, tokens, actors);
    if (doer?.actor) roles = undergoneRoles(roles, doer.actor);
    // "The storm killed", "attacked the website": violence needs a violent doer and something to hit.
    // The clause's subject when it is a thing ("Novel influenza has killed", with no determiner).
    const thing =
      own?.subject && subjectKind(own, actors) === 'thing' ? tokens[own.subject.last - 1] : undefined;
    if (VIOLENT.test(code) && !violentSense(match, tokens, actors, roles.sources.length > 0, thing ?? null))
      continue;
    if (!roles.sources.length && VIOLENT.test(code)) roles.sources = unidentifiedAttackers(actors, roles);
    // "was arrested", "were charged with", "was banned": coercion by law in the passive voice with no
    // agent named is done by the state's authorities (those of the official who reports it, if any).
    if (!roles.sources.length && roles.passive && BY_AUTHORITIES.test(code))
      roles.sources = [authorities(match, code, tokens, clause.speaker ?? reportingSpeaker(grammar, actors))];
    // "X said the economy must grow": a demand is made of an actor.
    if (tokens[match.first]?.lower === 'must' && clause.speaker && !roles.targets.length) continue;
    // "Name: Uganda must reopen …", "'Uganda must …,' he said": the speaker demands it (a speech act,
    // below), the subject does not.
    if (
      tokens[match.first]?.lower === 'must' &&
      !clause.speaker &&
      (headlineColon(tokens) >= 0 || pronounFrame(frames, match.first))
    )
      continue;
    if (!fitsArguments(code, roles)) continue;
    // "visited the museum", "released a plan": a lone verb of contact whose object is a thing.
    if (THING_SENSES.test(code) && !contactSense(match, tokens, actors)) continue;
    // "Italy announced a suspension of air links": an act named as the object of its reporting verb
    // is the speaker's own.
    if (!roles.sources.length && !own && clause.speaker && announcedAct(match, frames, tokens))
      roles.sources = [clause.speaker];
    // A lone ambiguous word ("rallied", "storm", "tanked") counts only when a placed actor does it.
    if (match.pattern.weight < 2 && isAmbiguous(tokens[match.first]) && !roles.sources.some((s) => s.country))
      continue;
    // A second event needs a subject of its own after the first one ("X attacked Y and Z fled").
    const subordinate = depth > 0 && !relativeSubject(tokens, match.first);
    // "X met Y and praised Z": a coordinated clause shares the subject of the one before.
    const coordinated = own?.kind === 'coordinate' && own.subjectShared && own.first >= (main?.last ?? 0);
    // "The minister who met X last week criticised Y": the relative clause on the subject of the main
    // act (coded first) asserts its own act.
    const onMainSubject = !!mainRelative && own === mainRelative && relativeSubject(tokens, match.first);
    if (
      main &&
      !onMainSubject &&
      (subordinate || ((roles.subjectAt === null || roles.subjectAt < main.last) && !coordinated))
    )
      continue;
    // "X, who blasted Y": a relative clause on its actor asserts the act as a main clause does.
    // An imported dictionary phrase is a verb phrase with actors around it (PETRARCH codes it only
    // between a source and a target): it holds where the text layer reads its first word as a verb
    // and a source is found, not on a noun or with nobody acting.
    if (match.pattern.rank === 1 && (!own || !roles.sources.length)) continue;
    const grammatical = {
      clauseVerb: own !== null,
      // "X, who condemned Y": a relative pronoun's antecedent is the clause's subject.
      subject: own
        ? own.kind === 'relative' && !own.subject && roles.subjectAt !== null
          ? ('actor' as const)
          : passiveDoer(subjectKind(own, actors), roles)
        : null,
    };
    // A statement (CAMEO 01, no PLOVER type) is an act its actor asserts: the finite verb of a clause
    // whose subject is that actor ("the minister delivered a speech"), not a participle ("… has
    // officials admitting"); and it is a public act only when someone public makes it (a government,
    // its forces, a party, a court, an international body or a state as such), not a company's or a
    // private person's remark. A statement left out leaves the sentence's other acts to be read.
    if (
      code.startsWith('01') &&
      !(own?.finite && grammatical.subject === 'actor' && roles.sources.some(speaksPublicly))
    )
      continue;
    // "…, the ministry said": the text layer's reporting clause names the speaker the frames missed.
    const speaker = clause.speaker ?? reportingSpeaker(grammar, actors);
    const built = buildEvents(
      match,
      codeByMeans(code, tokens, clause.first, clause.last),
      roles,
      clause,
      grammar,
      grammatical,
      speaker,
      sentence,
      tokens,
      ctx,
      subordinate,
    );
    events.push(...built.filter((e) => politicalInContext(e, ctx)));
    if (!main) mainRelative = relative;
    main ??= match;
  }
  if (
    events.length < MAX_EVENTS_PER_SENTENCE &&
    (frames.length || hasNamingVerb(tokens) || headlineColon(tokens) >= 0 || hasSpeechVerb(tokens))
  )
    events.push(...speechActEvents(sentence, tokens, actors, ctx, events, layer()));
  updateDiscourse(ctx.discourse, actors);
  return events;
}

const SPEECH_PATTERNS = {
  '100': { ...compilePattern('100', 'say'), source: 'speech act: demand', weight: 2 },
  '111': { ...compilePattern('111', 'say'), source: 'speech act: judgement', weight: 2 },
  '051': { ...compilePattern('051', 'say'), source: 'speech act: praise', weight: 2 },
};
const SPEECH_PLOVER = { '100': 'REQUEST', '111': 'ACCUSE', '051': 'SUPPORT' } as const;

/**
 * A verb the text layer reads as reporting speech ("claimed", "complained", "warned") though the
 * frames do not: its content clauses may be acts (speech.ts reads them by the text layer's clauses).
 */
function hasSpeechVerb(tokens: Token[]): boolean {
  return tokens.some((t) => reportingVerbs.lemma.has(t.lower));
}

/** A naming verb ("called Y a liar") that may make a statement an act without a reporting frame. */
function hasNamingVerb(tokens: Token[]): boolean {
  return tokens.some((t) => /^(?:call|label|brand|dub)/.test(t.lower));
}

/**
 * Reported statements that are demands, criticisms or praise of an actor (speech.ts), where the sentence's
 * patterns coded no event of that type already.
 */
function speechActEvents(
  sentence: Span,
  tokens: Token[],
  actors: ActorSpan[],
  ctx: SentenceContext,
  coded: CodedEvent[],
  clauses: EventClause[],
): CodedEvent[] {
  const out: CodedEvent[] = [];
  for (const act of speechActs(clauses, tokens, actors)) {
    if (coded.length + out.length >= MAX_EVENTS_PER_SENTENCE) break;
    const plover = SPEECH_PLOVER[act.code];
    if ([...coded, ...out].some((e) => e.plover === plover)) continue;
    const source = act.speaker.actor ?? pronounSpeaker(act.speaker, tokens, ctx.discourse);
    const target = act.addressee.actor;
    if (!source || !target) continue;
    const head = act.reporting.verb.head;
    const match: PatternMatch = {
      pattern: SPEECH_PATTERNS[act.code],
      first: head,
      last: head + 1,
      words: [head],
    };
    const clause: Clause = {
      first: Math.min(act.reporting.first, act.content.first),
      last: Math.max(act.reporting.last, act.content.last),
      speaker: null,
    };
    const roles: Roles = {
      sources: [source],
      targets: [target],
      passive: false,
      subjectAt: act.speaker.first,
    };
    const built = buildEvents(
      match,
      act.code,
      roles,
      clause,
      act.reporting,
      { clauseVerb: true, subject: 'actor' },
      source,
      sentence,
      tokens,
      ctx,
      false,
    );
    out.push(...built.filter((e) => e.plover === plover && politicalInContext(e, ctx)));
  }
  return out;
}

/**
 * The relative clause on the subject of the main clause whose verb is at `at` ("A man who was accused
 * of fraud was arrested by police"), when one interrupts it: that verb is the act of the sentence, not
 * one inside the relative clause. Null when the verb heads no such clause.
 */
function interruptingRelative(clauses: EventClause[], at: number): EventClause | null {
  const own = clauseAt(clauses, at);
  if (!own || own.kind !== 'main' || !own.finite || !anchorsVerb(own, at) || !own.subject) return null;
  const subject = own.subject;
  // The relative clause is the only one between the subject and the verb (a longer run of clauses is
  // more often a misreading of participles than one relative clause).
  const between = clauses.filter((c) => c.first > subject.first && c.first < own.verb.first);
  const relative = between.length === 1 ? between[0]! : null;
  return relative?.kind === 'relative' && relative.last <= own.verb.first ? relative : null;
}

/**
 * Whether a participle clause may be a reduced relative (a passive: "the men charged with … were freed",
 * "trial of four men accused of", "checking lorries suspected of"): it has no subject of its own, or the
 * sentence goes on with a verb that has none, or its subject is no clause-opening subject (the noun
 * phrase stands after a preposition or another verb). A clause-opening subject ("The minister returned
 * to Paris") or a shared one ("… and returned to") is the active voice.
 */
function reducedRelative(own: EventClause | null, clauses: EventClause[], tokens: Token[]): boolean {
  if (!own) return false;
  if (!own.subject) return !own.subjectShared;
  if (clauses.some((c) => c.first > own.verb.first && c.finite && !c.subject && !c.subjectShared))
    return true;
  if (own.subjectShared) return false;
  const before = tokens[own.subject.first - 1];
  const opensClause = !before || /^[,;:"“(—–-]$/.test(before.text) || own.subject.first === own.first;
  return !(own.kind === 'main' && opensClause);
}

/**
 * What a warning clause foretells (the clause it reports): whether its subject is someone who can act
 * ("it would retaliate", "police will no longer tolerate"), not a thing ("the exit will sap"), and
 * whether it is said of the future. Read from the text layer's reported clause, else from the words
 * right after "that" (the layer sometimes takes "that police" for an object).
 */
function warnedContent(
  clauses: EventClause[],
  own: EventClause | null,
  actors: ActorSpan[],
  tokens: Token[],
  after: number,
): { actorSubject: boolean; modal: boolean } | null {
  const content = own ? clauses.find((c) => c.reportedBy === own && c.finite && c.subject) : undefined;
  if (content?.subject) {
    const s = content.subject;
    const head = actors.some((a) => a.actor && a.first <= s.head && s.head < a.last);
    return {
      actorSubject: s.pronoun || head,
      modal: content.tense === 'future' || /^(?:will|would|shall|'ll)$/.test(content.modal ?? ''),
    };
  }
  // "warned (the voters) that …"
  let that = after;
  while (that < after + 4 && tokens[that] && tokens[that]?.lower !== 'that') that++;
  if (tokens[that]?.lower !== 'that') return null;
  let k = that + 1;
  const actor = actors.find(
    (a) => a.actor && (a.first === k || (a.first === k + 1 && tokens[k]?.lower === 'the')),
  );
  const pronoun = /^(?:it|they|we|he|she|i)$/.test(tokens[k]?.lower ?? '');
  k = actor ? actor.last : k + 1;
  return {
    actorSubject: pronoun || !!actor,
    modal: /^(?:will|would|shall|'ll)$/.test(tokens[k]?.lower ?? ''),
  };
}

/**
 * "charged over a plot to blow up …", "a conspiracy to kill": the act a plot aims at is not reported as
 * done, nor as threatened to anyone; the sentence reports the plot (and what is done about it).
 */
function plotted(match: PatternMatch, tokens: Token[]): boolean {
  if (tokens[match.first - 1]?.lower !== 'to') return false;
  return /^(?:plot|plots|plotting|plotted|conspiracy|conspiring|conspired|scheme|scheming)$/.test(
    tokens[match.first - 2]?.lower ?? '',
  );
}

/** A condition or a penalty after the verb: "unless", "if", "otherwise", "or face", "consequences". */
function conditionAfter(tokens: Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const w = tokens[k]?.lower ?? '';
    if (/^(?:unless|if|otherwise|consequences?)$/.test(w)) return true;
    if (w === 'or' && /^(?:face|else)$/.test(tokens[k + 1]?.lower ?? '')) return true;
  }
  return false;
}

/**
 * "told Uganda to withdraw", "encouraged the allies to spend": an appeal "verb ~ to" is made of the
 * verb's object, which fills the gap; "told reporters he was going to" is no appeal.
 */
function directiveObject(match: PatternMatch, tokens: Token[], clauses: () => EventClause[]): boolean {
  const items = match.pattern.items;
  if (!match.pattern.code.startsWith('02') || items.length !== 3 || !items[1]?.gap) return true;
  const to = match.words[match.words.length - 1] ?? -1;
  if (tokens[to]?.lower !== 'to' || to === match.first + 1) return true;
  const own = clauseAt(clauses(), match.first);
  return !!own?.object && anchorsVerb(own, match.first) && own.object.last === to;
}

/** The match is a noun right after a reporting verb ("announced a ban", "declared a state of …"). */
function announcedAct(match: PatternMatch, frames: Frame[], tokens: Token[]): boolean {
  const frame = frames.find((f) => f.verb < match.first && f.contentFirst === f.verb + 1);
  if (!frame || match.first - frame.verb > 3) return false;
  for (let k = frame.verb + 1; k < match.first; k++)
    if (
      !/^\p{Ll}+$/u.test(tokens[k]?.text ?? '') ||
      !/^(?:a|an|the|its|their|new|fresh|further|immediate|partial|total|full|temporary)$/.test(
        tokens[k]?.lower ?? '',
      )
    )
      return false;
  return true;
}

/** The clause's subject actor when it stands before the verb ("…, accused X of": X is no subject). */
function subjectBefore(clause: EventClause, actors: ActorSpan[]): ActorSpan | null {
  return clause.subject && clause.subject.last <= clause.verb.first ? subjectActor(clause, actors) : null;
}

/**
 * "Okafor mocked Lee", "Okafor's lawyers accused …", "Okafor and Lee accused …": a capitalised word
 * opening a clause's subject (alone, as its possessor or as its first conjunct), which no entity or
 * actor covers and which is no common word written with a capital at a sentence start, is a person the
 * sentence names by surname (unresolved: the knowledge base links a lone surname only with the
 * article's support).
 */
function loneNameSubjects(
  clauses: EventClause[],
  tokens: Token[],
  actors: ActorSpan[],
  opening: number,
): ActorSpan[] {
  const out: ActorSpan[] = [];
  let group = Math.max(-1, ...actors.map((a) => a.group));
  for (const c of clauses) {
    const s = c.subject;
    if (!s || s.pronoun || s.first < opening || s.last > c.verb.first) continue;
    const next = tokens[s.first + 1]?.lower ?? '';
    const alone = s.last - s.first === 1;
    const conjunct = next === 'and' || next === 'or';
    if (!alone && next !== "'s" && !conjunct) continue;
    const t = tokens[s.first];
    if (!t || !/^\p{Lu}\p{Ll}+$/u.test(t.text) || isCommonWord(t.lower) || NOT_NAMES.has(t.lower)) continue;
    if ([...actors, ...out].some((a) => a.first <= s.first && s.first < a.last)) continue;
    // The first of two coordinated names joins the group of the second.
    const partner = conjunct ? actors.find((a) => a.first === s.first + 2 && a.actor) : undefined;
    if (conjunct && !partner) continue;
    out.push({
      first: s.first,
      last: s.first + 1,
      actor: { name: t.text, country: null, sector: null, code: null, entityId: null },
      kind: 'named',
      group: partner ? partner.group : ++group,
      person: true,
    });
  }
  return out;
}

/** Capitalised words that are never a person's name. */
const NOT_NAMES = new Set(
  'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december today yesterday tomorrow'.split(
    ' ',
  ),
);

/**
 * Who a speaking pronoun stands for: the last person ("he", "she", "I") or actor ("they", "we", "it")
 * of the article so far, else an unknown actor (PLOVER's UNK) named by the pronoun.
 */
function pronounSpeaker(span: ActorSpan, tokens: Token[], discourse: Discourse): EventActor {
  const word = tokens[span.first]?.lower ?? '';
  const known = /^(?:he|she|i)$/.test(word) ? discourse.lastPerson : discourse.lastActor;
  return known ?? { name: word, country: null, sector: null, code: 'UNK', entityId: null };
}

/** Whether the token lies in the content of a reporting frame whose speaker is a pronoun. */
function pronounFrame(frames: Frame[], at: number): boolean {
  return frames.some((f) => f.contentFirst <= at && at < f.contentLast && f.speaker?.kind === 'pronoun');
}

/** The known actor of the clause that reports this one in the same sentence, if any. */
function reportingSpeaker(clause: EventClause | null, actors: ActorSpan[]): EventActor | null {
  const reporting = clause?.reportedBy;
  return reporting ? (subjectActor(reporting, actors)?.actor ?? null) : null;
}

/**
 * Who does the act, for the confidence: in the passive the subject only undergoes it ("four men were
 * indicted"), so a subject that is no actor is not a thing acting (as "the storm" is in the active);
 * the doer is the agent ("by police") or the unnamed authorities, an actor when one is found.
 */
function passiveDoer(kind: 'actor' | 'thing' | null, roles: Roles): 'actor' | 'thing' | null {
  if (!roles.passive) return kind;
  if (roles.sources.length) return 'actor';
  return kind === 'thing' ? null : kind;
}

/** An actor, a thing ("oil prices", "the storm"), or no subject in the clause. */
function subjectKind(clause: EventClause, actors: ActorSpan[]): 'actor' | 'thing' | null {
  if (!clause.subject || clause.subject.last > clause.verb.first) return null;
  if (subjectActor(clause, actors)) return 'actor';
  return clause.subject.pronoun ? null : 'thing';
}

/**
 * Sectors that do not commit or suffer political violence or coercion as such: a company that "beat
 * forecasts" or "attacked a market", a newspaper, a school. Their acts of these kinds are other senses.
 */
const NOT_VIOLENT = new Set(['BUS', 'MNC', 'MED', 'JRN', 'EDU', 'AGR']);

/** State forces riot or loot in no protest: their violence is force (PLOVER PROTEST is dissent). */
const FORCES = new Set(['MIL', 'COP']);

/** Violence (18–20) and force (15, 17) need sources and targets of kinds that can use or suffer it. */
function fitsArguments(code: string, roles: Roles): boolean {
  const sectorOf = (a: EventActor) => a.sector ?? (a.code ?? '').slice(3, 6);
  if (code.startsWith('145')) return !roles.sources.some((s) => FORCES.has(sectorOf(s)));
  if (!/^(?:15|17|18|19|20)/.test(code)) return true;
  if (roles.sources.some((s) => NOT_VIOLENT.has(sectorOf(s)) || s.country === 'MNC')) return false;
  return !roles.targets.some((t) => sectorOf(t) === 'BUS' || t.country === 'MNC');
}

/**
 * Meetings and visits (04), material cooperation and aid (06, 07) and yielding (08: release, return,
 * ease): a lone verb of these has an actor as object in its political sense.
 */
const THING_SENSES = /^(?:04|06|07|08)/;

/** A sentence written in title case (a headline): its capitals say nothing of names. */
function isTitleCase(tokens: Token[]): boolean {
  // Once per sentence over every token: one loop, the expressions made once.
  let words = 0;
  let capitalised = 0;
  for (const t of tokens) {
    if (t.text.length < 4 || !LONG_WORD.test(t.text)) continue;
    words++;
    if (UPPER_START.test(t.text)) capitalised++;
  }
  return words > 0 && capitalised * 2 > words;
}

const LONG_WORD = /^\p{L}{4,}/u;
const UPPER_START = /^\p{Lu}/u;

/** A capitalised word that does not open the sentence or a quotation. */
function capitalisedInside(tokens: Token[], i: number): boolean {
  if (i === 0 || !/^\p{Lu}\p{Ll}/u.test(tokens[i]?.text ?? '')) return false;
  return !/^[:"“‘'(\-–—]$/.test(tokens[i - 1]?.text ?? '');
}

/** Roots of violence (ASSAULT): unknown perpetrators are coded as unidentified armed forces. */
const VIOLENT = /^(?:18|19|20)/;

/** Coercion only the state does by law: bans and restrictions (172), arrests and charges (173), expulsions (174). */
const BY_AUTHORITIES = /^17[234]/;

/** Verbs of a court or prosecutor rather than of the police. */
const LEGAL = /^(?:charg|indict|prosecut|sentenc|convict|tri)/;

/**
 * The unnamed authorities of a coercive act in the passive: courts for charges and sentences, police
 * for arrests, the government for bans and expulsions; of the reporting official's country when an
 * official (government, police, court) reports it, else of no known country.
 */
function authorities(
  match: PatternMatch,
  code: string,
  tokens: Token[],
  speaker: EventActor | null,
): EventActor {
  const sector = !code.startsWith('173')
    ? 'GOV'
    : LEGAL.test(tokens[match.first]?.lower ?? '')
      ? 'JUD'
      : 'COP';
  const country = speaker && /^(?:GOV|COP|JUD)$/.test(speaker.sector ?? '') ? speaker.country : null;
  return {
    name: 'authorities',
    country,
    sector,
    code: country ? `${country}${sector}` : sector,
    entityId: null,
  };
}

/** PLOVER's UAF: of the other country the sentence names, else of the victims' country. */
function unidentifiedAttackers(actors: ActorSpan[], roles: Roles): EventActor[] {
  const victims = new Set(roles.targets.map((t) => t.country));
  const named = actors.filter((a) => a.kind === 'named' && a.actor?.country).map((a) => a.actor?.country);
  const country =
    named.find((c) => c && !victims.has(c)) ?? roles.targets.find((t) => t.country)?.country ?? null;
  if (!country) return [];
  return [{ name: 'unidentified attackers', country, sector: 'UAF', code: `${country}UAF`, entityId: null }];
}

/** "the occupied West Bank", "a banned party": a participle after a determiner is an adjective. */
function adjectival(m: PatternMatch, tokens: Token[]): boolean {
  const word = tokens[m.first]?.lower ?? '';
  if (!/ed$/.test(word)) return false;
  // "the occupied", "the declared deepened": skip other participles back to the determiner.
  let k = m.first - 1;
  while (k >= m.first - 3 && /^\p{Ll}+ed$/u.test(tokens[k]?.text ?? '')) k--;
  return DETERMINERS.test(tokens[k]?.lower ?? '');
}

const DETERMINERS = /^(?:the|a|an|its|their|his|her|this|these|those|our|my|your)$/;

function auxiliaryModality(match: PatternMatch, tokens: Token[], reported: boolean): Modality {
  const words = match.words.map((w) => tokens[w]?.lower ?? '');
  if (words.some((w) => w === 'will' || w === "'ll" || w === 'shall')) return 'intended';
  if (words.includes('would')) return reported ? 'intended' : 'hypothetical';
  if (words.some((w) => w === 'could' || w === 'might' || w === 'may')) return 'hypothetical';
  return 'happened';
}

const AMBIGUOUS = new Set(
  loadJson<{ ambiguousWords: string[] }>('events/frames.json').ambiguousWords.map(stem),
);

function isAmbiguous(token: Token | undefined): boolean {
  return AMBIGUOUS.has(token?.stem ?? '');
}

function isProperName(span: ActorSpan, tokens: Token[]): boolean {
  return span.kind === 'named' && /^\p{Lu}/u.test(tokens[span.first]?.text ?? '');
}

function clauseOf(match: PatternMatch, frames: Frame[], length: number): Clause {
  const frame = frames.find((f) => f.contentFirst <= match.first && match.first < f.contentLast);
  if (frame)
    return { first: frame.contentFirst, last: frame.contentLast, speaker: frame.speaker?.actor ?? null };
  const outside = frames.filter((f) => f.last <= match.first).map((f) => f.last);
  const before = frames.filter((f) => f.first > match.first).map((f) => f.first);
  return { first: Math.max(0, ...outside), last: Math.min(length, ...before), speaker: null };
}

function buildEvents(
  match: PatternMatch,
  matchedCode: string,
  roles: Roles,
  clause: Clause,
  grammar: EventClause | null,
  grammatical: Pick<EventEvidence, 'clauseVerb' | 'subject'>,
  speaker: EventActor | null,
  sentence: Span,
  tokens: Token[],
  ctx: SentenceContext,
  subordinate: boolean,
): CodedEvent[] {
  const negativePattern = match.words.some((w) => /^(?:not|n't|never)$/.test(tokens[w]?.lower ?? ''));
  // Cues before the verb, and modal auxiliaries inside the pattern ("will visit"); a frame verb
  // inside the pattern ("threatened to", "agreed to") is the act itself, which happened.
  const reported = speaker !== null || !!grammar?.reported;
  const before = modalityOf(tokens, match.first, clause.first, reported, negativePattern);
  let modality = before === 'happened' ? auxiliaryModality(match, tokens, reported) : before;
  // The clause's own verb group, its condition or question: "did not attack", "if they attack".
  if (modality === 'happened' && grammar)
    modality = clauseModality(grammar, match.first, reported, negativePattern);
  let code = matchedCode;
  const threatCue = hasThreatCue(tokens, clause.first, clause.last);
  if (modality === 'intended') code = recodeIntended(code, threatCue);
  // "may halt mediation if …": a conditional coercive act is a threat.
  else if (modality === 'hypothetical' && threatCue && Number(code.slice(0, 2)) >= 14)
    code = recodeIntended(code, true);
  // "will not accept refugees", "won't commit to", "vowed not to return": declining a cooperative act
  // is its rejection (as "refused to" is), and the declining happened.
  else if (modality === 'negated' && declines(tokens, match.first, clause.first)) {
    const refused = recodeRefused(code);
    if (refused) [code, modality] = [refused, 'happened'];
  }
  const coding = codeEvent(code);
  if (!coding) return [];
  const evidence = {
    start: sentence.start,
    end: sentence.end,
    text: ctx.text.slice(sentence.start, sentence.end),
  };
  // Dates are read in the event's own clause: "…, officials said on Sunday" dates the saying.
  const from = tokens[clause.first]?.start ?? sentence.start;
  const to = tokens[clause.last - 1]?.end ?? sentence.end;
  const verbAt = (tokens[match.first]?.start ?? from) - from;
  const forward = modality === 'intended' || modality === 'expected';
  const date = eventDate(ctx.text.slice(from, to), verbAt, ctx.published, forward);
  const location = locationOf(tokens, match, clause, ctx.text);
  const pairs = actorPairs(roles);
  return pairs.map(([source, target]) => {
    const signals: EventEvidence = {
      sentenceRelevance: ctx.relevance.sentence,
      articleRelevance: ctx.relevance.article,
      discard: ctx.relevance.discard,
      patternWeight: match.pattern.weight,
      patternRank: match.pattern.rank,
      codeLength: code.length,
      source: source.name === 'unknown' ? null : source,
      target,
      modality,
      reported,
      subordinate,
      passive: roles.passive,
      agent: roles.agent ?? false,
      plover: coding.plover,
      clauseVerb: grammatical.clauseVerb,
      subject: grammatical.subject,
      pattern: `${match.pattern.code} ${match.pattern.source}`,
    };
    return {
      plover: coding.plover,
      mode: coding.mode,
      cameo: coding.cameo,
      quadClass: coding.quadClass,
      goldstein: coding.goldstein,
      source,
      target,
      date: date.value,
      dateSource: date.source,
      location,
      modality,
      evidence,
      evidenceSpans: [evidence],
      attributedTo: speaker,
      confidence: eventConfidence(signals),
      signals,
    };
  });
}

/** A public actor, or a state named as a whole ("Israel has admitted …"). */
function speaksPublicly(actor: EventActor): boolean {
  if (isPublicActor(actor)) return true;
  return !!actor.country && !actor.sector && actor.code === actor.country && !NONSTATE.has(actor.country);
}

/** The negation before the verb is a will not to do it: "will not", "won't", "would not", "not to". */
function declines(tokens: Token[], verb: number, clauseFirst: number): boolean {
  for (let k = verb - 1; k >= Math.max(clauseFirst, verb - 4); k--) {
    const w = tokens[k]?.lower ?? '';
    if (/^(?:won't|won’t|wouldn't|wouldn’t|shan't)$/.test(w)) return true;
    if (w !== 'not' && w !== "n't") continue;
    const before = tokens[k - 1]?.lower ?? '';
    return /^(?:will|would|shall|'ll|wo)$/.test(before) || tokens[k + 1]?.lower === 'to';
  }
  return false;
}

/**
 * Sport, markets, products and weather yield no events unless a public actor (government, forces,
 * courts, parties, international organisations…) takes part: "Australia beat Colombia" in a tennis
 * report is no assault.
 */
/** Log-odds below which a sentence or article is plainly not about public affairs (sport, markets). */
const OFF_TOPIC = -1.5;

function politicalInContext(e: CodedEvent, ctx: SentenceContext): boolean {
  const { sentence, article, discard } = ctx.relevance;
  if (sentence > OFF_TOPIC && article > OFF_TOPIC && !discard) return true;
  return isPublicActor(e.source) || isPublicActor(e.target);
}

const UNKNOWN: EventActor = { name: 'unknown', country: null, code: null, sector: null, entityId: null };

/** Source × target pairs; a compound subject with no object acts on its partners (reciprocal). */
function actorPairs(roles: Roles): [EventActor, EventActor | null][] {
  const sources = roles.sources.length ? roles.sources : [UNKNOWN];
  if (!roles.targets.length && sources.length > 1) {
    return sources.flatMap((s) =>
      sources.filter((t) => t !== s).map((t): [EventActor, EventActor] => [s, t]),
    );
  }
  return sources
    .flatMap((s) => targetsOf(s, roles.targets).map((t): [EventActor, EventActor | null] => [s, t]))
    .slice(0, 6);
}

/** A source's own country is no target when a foreign one is named ("visit … between Iran and China"). */
function targetsOf(source: EventActor, targets: EventActor[]): (EventActor | null)[] {
  const foreign = targets.filter((t) => !source.country || t.country !== source.country);
  // Two named actors of no known country ("Ann Lee mocked Tom Hale") are not one country's; an
  // unknown doer's countryless target stays out.
  const own = (t: EventActor) =>
    (!!source.country || source.name === 'unknown') && t.country === source.country && !t.sector;
  const kept = foreign.length ? targets.filter((t) => !own(t)) : targets;
  return kept.length ? kept : [null];
}

/** "in Tehran", "at Vienna": the capitalised place after a locative word, nearest to the verb. */
function locationOf(tokens: Token[], match: PatternMatch, clause: Clause, text: string): string | null {
  let best: { at: number; name: string } | null = null;
  for (let k = clause.first; k < clause.last - 1; k++) {
    if (!/^(?:in|at)$/.test(tokens[k]?.lower ?? '')) continue;
    let j = k + 1;
    if (tokens[j]?.lower === 'the') j++;
    const start = j;
    while (
      j < clause.last &&
      /^\p{Lu}\p{Ll}/u.test(tokens[j]?.text ?? '') &&
      !DATE_WORDS.test(tokens[j]?.lower ?? '')
    )
      j++;
    if (j === start) continue;
    const name = text.slice(tokens[start]?.start ?? 0, tokens[j - 1]?.end ?? 0);
    if (!best || Math.abs(k - match.first) < Math.abs(best.at - match.first)) best = { at: k, name };
  }
  return best?.name ?? null;
}

const DATE_WORDS =
  /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december)$/;

const NONSTATE = new Set(['IGO', 'NGO', 'IMG', 'ISM', 'MNC']);

function countryActor(country: string): EventActor {
  return { name: country, country, code: country, sector: null, entityId: country };
}

function updateDiscourse(discourse: Discourse, actors: ActorSpan[]): void {
  const byGroup = new Map<number, string[]>();
  for (const a of actors) {
    const country = a.kind === 'named' ? a.actor?.country : null;
    if (country && !NONSTATE.has(country)) byGroup.set(a.group, [...(byGroup.get(a.group) ?? []), country]);
  }
  for (const countries of byGroup.values()) {
    const distinct = [...new Set(countries)];
    if (distinct.length === 2) discourse.pair = distinct.map((c) => countryActor(c));
  }
  for (const a of actors) {
    if (!a.actor || a.kind === 'head') continue;
    if (a.person) discourse.lastPerson = a.actor;
    else discourse.lastActor = a.actor;
    const country = a.actor.country;
    if (country && !discourse.countries.some((c) => c.country === country)) {
      discourse.countries.push(countryActor(country));
    } else if (country) {
      const i = discourse.countries.findIndex((c) => c.country === country);
      discourse.countries.push(...discourse.countries.splice(i, 1));
    }
  }
}
