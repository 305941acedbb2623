// Statements that are acts: a reported statement whose content itself demands something of an actor
// ("X said Y must withdraw", "Y should resign, X told reporters") is X's demand of Y (CAMEO 10, PLOVER
// REQUEST); one that judges an actor or its doing as wrong ("X said Y's plan is illegal", "X said Y
// lied", "X said Y illegally seized …", "X called Y a liar") is X's criticism of Y (CAMEO 111, PLOVER
// ACCUSE); one that commends an actor or its doing ("X said Y's ruling was a victory", "X called Y a
// hero") is X's praise of Y (CAMEO 051, PLOVER SUPPORT); "it is time for Y to …" is a demand of Y.
// The speaker is the subject of the reporting clause, the addressee or judged actor the subject of its
// content (the owner of a judged thing: "Y's plan"). Word lists: data/events/speech-acts.json.
import type { ActorSpan } from './actors.ts';
import { subjectActor, type EventClause } from './clauses.ts';
import { loadJson } from './data.ts';
import { beForms, stem, type Token } from './text.ts';

interface SpeechActData {
  deontic: string[];
  judgements: string[];
  misconduct: string[];
  judgingAdverbs: string[];
  praise: string[];
  qualities: string[];
  urging: string[];
  approving: string[];
  naming: string[];
}

const data = loadJson<SpeechActData>('events/speech-acts.json');
const JUDGEMENTS = new Set(data.judgements);
const MISCONDUCT = new Set(data.misconduct.map(stem));
const NAMING = new Set(data.naming.map(stem));
const JUDGING_ADVERBS = new Set(data.judgingAdverbs);
const PRAISE = new Set(data.praise);
const QUALITIES = new Set(data.qualities);
const URGING = new Set(data.urging);
const APPROVING = new Set([...data.approving, ...data.praise]);
/** Deontic verb groups, as word sequences ("must", "ought to", "needs to"). */
const DEONTIC = data.deontic.map((d) => d.split(' '));

export type SpeechActCode = '100' | '111' | '051';

export interface SpeechAct {
  /** CAMEO code: 10 (demand), 111 (criticise) or 051 (praise). */
  code: SpeechActCode;
  /** The clause that reports the statement ("X said"), whose verb is the act's anchor. */
  reporting: EventClause;
  /** The content clause ("Y must withdraw"). */
  content: EventClause;
  speaker: ActorSpan;
  addressee: ActorSpan;
}

/** Speech acts of one sentence's clauses. */
export function speechActs(clauses: EventClause[], tokens: Token[], actors: ActorSpan[]): SpeechAct[] {
  const out: SpeechAct[] = [];
  for (const content of clauses) {
    const reporting = content.reportedBy;
    if (!reporting || content.conditional || content.question) continue;
    const speaker = subjectActor(reporting, actors);
    // "…, he said": a personal pronoun speaks for whoever it stands for (resolved by the coder).
    if (!speaker || (speaker.kind === 'pronoun' ? !speakingPronoun(speaker, tokens) : !speaker.actor))
      continue;
    const code = statementCode(content, tokens);
    const addressee = code ? addresseeOf(content, reporting, tokens, actors, speaker) : null;
    if (code && addressee?.actor && !sameSpan(addressee, speaker)) {
      out.push({ code, reporting, content, speaker, addressee });
      continue;
    }
    // "'Now is the time for Y to act,' X said", "X said it was wrong of Y to …": a demand, criticism
    // or praise of Y with no verb of its own.
    const extra = extraposed(content, tokens, actors);
    if (extra && !sameSpan(extra.addressee, speaker)) {
      out.push({ code: extra.code, reporting, content, speaker, addressee: extra.addressee });
      continue;
    }
    // "With Y's narratives in shambles, the public should not endure this charade," X said: a judging
    // noun or adjective anywhere in the statement, said of what an actor owns, criticises that actor.
    const owner = judgedOwner(content, tokens, actors);
    if (owner && !sameSpan(owner, speaker))
      out.push({ code: '111', reporting, content, speaker, addressee: owner });
  }
  // "Pelosi: Trump must resign": a headline's name before a colon is the speaker of what follows.
  const headline = headlineReporting(tokens, actors);
  if (headline) {
    for (const content of clauses) {
      const colon = headline.reporting.verb.head;
      if ((content.subject?.first ?? content.verb.first) <= colon || content.reportedBy) continue;
      if (content.kind !== 'main' || content.conditional || content.question) continue;
      const code = statementCode(content, tokens);
      if (!code) continue;
      const addressee = addresseeOf(content, headline.reporting, tokens, actors, headline.speaker);
      if (!addressee?.actor || sameSpan(addressee, headline.speaker)) continue;
      out.push({ code, reporting: headline.reporting, content, speaker: headline.speaker, addressee });
    }
  }
  // "X called Y a liar", "X called Y's ruling a victory": naming an actor or its doing by a judgement.
  for (const c of clauses) {
    if (!NAMING.has(tokens[c.verb.head]?.stem ?? '') || c.passive || !c.object) continue;
    const object = c.object;
    const named = actors.find((a) => a.actor && a.first === object.first + determiner(tokens, object.first));
    if (!named || named.last >= object.last + 4) continue;
    const speaker = subjectActor(c, actors);
    if (!speaker?.actor || speaker.kind === 'pronoun' || sameSpan(named, speaker)) continue;
    // "Y's ruling a victory": the judgement follows the owned noun.
    const from = named.last + (POSSESSIVE.test(tokens[named.last]?.lower ?? '') ? 2 : 0);
    const to = Math.min(c.last, from + 4);
    const code = wordAfter(JUDGEMENTS, tokens, from, to)
      ? '111'
      : wordAfter(PRAISE, tokens, from, to)
        ? '051'
        : null;
    if (!code) continue;
    out.push({ code, reporting: c, content: c, speaker, addressee: named });
  }
  return out;
}

/** What a statement does to the actor it is of: demands of it, criticises it or praises it. */
function statementCode(content: EventClause, tokens: Token[]): SpeechActCode | null {
  if (deontic(content, tokens)) return '100';
  if (judged(content, tokens) || deniedQuality(content, tokens)) return '111';
  if (praised(content, tokens)) return '051';
  return null;
}

/**
 * "(now) is the time for Y to …", "it is vital for Y to …", "it is up to Y to …" (a demand of Y), "it
 * was wrong of Y to …" (criticism), "it is very smart for Y to …" (praise): a word after "is" that says
 * what Y is to do or judges what Y did, then "for" or "of", the actor and "to"; or the word, "that" and a
 * clause of the actor's ("it is unacceptable that Y closed …", "it is vital that Y return …").
 */
function extraposed(
  content: EventClause,
  tokens: Token[],
  actors: ActorSpan[],
): { code: SpeechActCode; addressee: ActorSpan } | null {
  if (denied(content, tokens)) return null;
  for (let k = content.first + 1; k < content.last; k++) {
    const w = tokens[k]?.lower ?? '';
    const code = URGING.has(w) ? '100' : JUDGEMENTS.has(w) ? '111' : APPROVING.has(w) ? '051' : null;
    const next = tokens[k + 1]?.lower ?? '';
    const linked = /^(?:for|of|on|upon)$/.test(next) || (next === 'to' && w === 'up');
    if (!code || !(linked || next === 'that')) continue;
    // "is (now) the time", "was very smart": a form of "be" shortly before the word.
    if (!tokens.slice(Math.max(content.first, k - 4), k).some((t) => beForms.has(t.lower))) continue;
    if (next === 'that') {
      // "… that Y closed the border": the actor opens the clause and a lowercase verb follows.
      const at = k + 2 + determiner(tokens, k + 2);
      const subject = actors.find((a) => a.actor && a.kind !== 'pronoun' && a.first === at);
      if (
        subject &&
        /^\p{Ll}+$/u.test(tokens[subject.last]?.text ?? '') &&
        !POSSESSIVE.test(tokens[subject.last]?.lower ?? '')
      )
        return { code, addressee: subject };
      continue;
    }
    // "for Y to", "for all good party leaders to": the actor ends right before "to", opened by at most
    // two lowercase words after "for".
    const addressee = actors.find(
      (a) =>
        a.actor &&
        a.kind !== 'pronoun' &&
        a.first >= k + 2 &&
        a.first <= k + 4 &&
        tokens.slice(k + 2, a.first).every((t) => /^\p{Ll}+$/u.test(t.text)) &&
        tokens[a.last]?.lower === 'to',
    );
    if (addressee) return { code, addressee };
  }
  return null;
}

/** "must", "should", "ought to", "needs to", "has to" in the content's active verb group. */
function deontic(c: EventClause, tokens: Token[]): boolean {
  // "Y should be punished" is said of Y, not asked of it.
  if (c.passive) return false;
  const words = tokens.slice(c.verb.first, c.verb.last + 1).map((t) => t.lower);
  return DEONTIC.some((d) => words.some((_, i) => d.every((w, k) => words[i + k] === w)));
}

/**
 * "… is illegal", "… was a disgrace", "… lied", "… illegally seized": the content judges its subject's
 * conduct.
 */
function judged(c: EventClause, tokens: Token[]): boolean {
  if (denied(c, tokens)) return false;
  const head = tokens[c.verb.head];
  if (!head) return false;
  if (!c.passive && (MISCONDUCT.has(head.stem) || judgingAdverb(c, tokens))) return true;
  if (!beForms.has(head.lower)) return false;
  // "Y is lying": the text layer may read the participle as the complement of "is".
  if (!c.passive && MISCONDUCT.has(tokens[c.verb.last]?.stem ?? '')) return true;
  return judgementAfter(tokens, c.verb.last, Math.min(tokens.length, c.verb.last + 4));
}

/** "Y is not fit to lead", "… was not credible": a quality the content denies its subject. */
function deniedQuality(c: EventClause, tokens: Token[]): boolean {
  if (!denied(c, tokens) || c.passive || !beForms.has(tokens[c.verb.head]?.lower ?? '')) return false;
  return wordAfter(QUALITIES, tokens, c.verb.last, Math.min(tokens.length, c.verb.last + 4));
}

/** "Y had illegally seized", "Y acted recklessly": an adverb between the subject and the verb's object. */
function judgingAdverb(c: EventClause, tokens: Token[]): boolean {
  // "Y was illegally detained": the text layer may end the verb group at "was"; a judged "be" is a
  // passive or a state, no act of Y's.
  if (beForms.has(tokens[c.verb.head]?.lower ?? '')) return false;
  const to = Math.min(c.last, c.verb.last + 2);
  for (let k = c.subject ? c.subject.last : c.verb.first; k < to; k++)
    if (JUDGING_ADVERBS.has(tokens[k]?.lower ?? '')) return true;
  return false;
}

/** "… was a victory", "… is courageous": the content commends its subject or its subject's doing. */
function praised(c: EventClause, tokens: Token[]): boolean {
  if (denied(c, tokens) || !beForms.has(tokens[c.verb.head]?.lower ?? '')) return false;
  return wordAfter(PRAISE, tokens, c.verb.last, Math.min(tokens.length, c.verb.last + 4));
}

/** The clause is negated, or "not" follows its "be" ("… is not fit": the text layer may leave it out). */
function denied(c: EventClause, tokens: Token[]): boolean {
  return c.negated || /^(?:not|n't|never|no)$/.test(tokens[c.verb.last]?.lower ?? '');
}
const POSSESSIVE = /^(?:'s|['’])$/;

/**
 * The actor a statement judges by what it owns: a judging word in the content clause (not denied by a
 * negated "be") and one actor named there as an owner ("Y's plan", "the rebels' claims").
 */
function judgedOwner(content: EventClause, tokens: Token[], actors: ActorSpan[]): ActorSpan | null {
  // "Y's plan is not illegal"
  if (denied(content, tokens) && beForms.has(tokens[content.verb.head]?.lower ?? '')) return null;
  let judging = false;
  for (let k = content.first; k < content.last && !judging; k++)
    judging = JUDGEMENTS.has((tokens[k]?.lower ?? '').replace(/^["“‘']+|["”’']+$/g, ''));
  if (!judging) return null;
  const owners = actors.filter(
    (a) =>
      a.actor &&
      a.kind !== 'pronoun' &&
      a.first >= content.first &&
      a.last < content.last &&
      POSSESSIVE.test(tokens[a.last]?.lower ?? ''),
  );
  return owners.length === 1 ? owners[0]! : null;
}

/** A judging word right after the verb or the named actor, over a determiner and degree words. */
function judgementAfter(tokens: Token[], from: number, to: number): boolean {
  return wordAfter(JUDGEMENTS, tokens, from, to);
}

/** A word of `words` right after `from`, over a determiner and degree words ("a truly historic"). */
function wordAfter(words: Set<string>, tokens: Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const w = tokens[k]?.lower ?? '';
    if (words.has(w.replace(/^["“‘']+|["”’']+$/g, ''))) return true;
    if (!DEGREE.test(w)) return false;
  }
  return false;
}

const DEGREE =
  /^(?:a|an|the|so|very|simply|completely|totally|utterly|deeply|clearly|just|not|only|complete|total|utter|absolute|outright|truly|really|great|huge|big|major|real|["“‘'])$/;

function determiner(tokens: Token[], at: number): number {
  return /^(?:the|a|an)$/.test(tokens[at]?.lower ?? '') ? 1 : 0;
}

/**
 * Who the statement is of: the content's subject actor ("the government must"), the owner of its
 * subject ("the ministry's plan is illegal"); "you" is the reporting clause's addressee ("…, she told X").
 */
function addresseeOf(
  content: EventClause,
  reporting: EventClause,
  tokens: Token[],
  actors: ActorSpan[],
  speaker: ActorSpan,
): ActorSpan | null {
  const s = content.subject;
  if (!s) return null;
  if (s.pronoun) {
    const word = tokens[s.head]?.lower ?? '';
    if (THIRD_PERSON.test(word)) return antecedent(word, s.first, actors, speaker);
    if (word !== 'you') return null;
    const o = reporting.object;
    return o ? (actors.find((a) => a.actor && a.first < o.last && o.first < a.last) ?? null) : null;
  }
  const span = subjectActor(content, actors);
  return span && span.kind !== 'pronoun' ? span : null;
}

const THIRD_PERSON = /^(?:he|she|they|it)$/;

/**
 * "Asked about Y, X said he was unfit": a third-person subject of the content stands for the nearest
 * actor named before it that is not the speaker and agrees with it (a person for "he"/"she", a body or
 * country for "it"/"they"). Speakers seldom demand of or judge themselves, so where only the speaker
 * agrees the pronoun is taken for the speaker's own and nothing is coded.
 */
function antecedent(word: string, before: number, actors: ActorSpan[], speaker: ActorSpan): ActorSpan | null {
  const person = word === 'he' || word === 'she';
  for (let k = actors.length - 1; k >= 0; k--) {
    const a = actors[k]!;
    if (a.last > before || !a.actor || a.kind === 'pronoun' || a.kind === 'reciprocal') continue;
    if (a.person !== person || sameSpan(a, speaker)) continue;
    return a;
  }
  return null;
}

/** A personal pronoun that can report a statement ("he", "she", "they", "we", "I", "it"). */
function speakingPronoun(span: ActorSpan, tokens: Token[]): boolean {
  return span.last - span.first === 1 && /^(?:he|she|they|we|i|it)$/.test(tokens[span.first]?.lower ?? '');
}

function sameSpan(a: ActorSpan, b: ActorSpan): boolean {
  if (a === b || a.group === b.group) return true;
  const x = a.actor;
  const y = b.actor;
  return !!x && !!y && (x.entityId ? x.entityId === y.entityId : x.name === y.name);
}

/** Where a headline names its speaker before a colon ("Pelosi: …", "UN chief: …"), the colon's index. */
export function headlineColon(tokens: Token[]): number {
  for (let k = 1; k <= MAX_SPEAKER_WORDS && k < tokens.length - 1; k++) {
    const t = tokens[k]!;
    if (t.text === ':') return k;
    if (!t.word) return -1;
  }
  return -1;
}

const MAX_SPEAKER_WORDS = 4;

/**
 * "Pelosi: Trump must resign", "Senator Warren: 'The bank's conduct was shameful'": a headline that
 * opens with an actor's name and a colon reports that actor's words. The colon stands for the
 * reporting verb (a clause of the speaker and the colon).
 */
function headlineReporting(
  tokens: Token[],
  actors: ActorSpan[],
): { reporting: EventClause; speaker: ActorSpan } | null {
  const colon = headlineColon(tokens);
  if (colon < 0 || !tokens[0]?.cap) return null;
  const speaker = actors.find((a) => a.last === colon && a.first <= 1 && a.actor && a.kind === 'named');
  if (!speaker) return null;
  const reporting: EventClause = {
    first: 0,
    last: colon + 1,
    verb: { first: colon, last: colon + 1, head: colon },
    subject: { first: speaker.first, last: speaker.last, head: speaker.last - 1, pronoun: false },
    subjectShared: false,
    object: null,
    negated: false,
    modal: null,
    tense: 'present',
    passive: false,
    finite: true,
    kind: 'main',
    conditional: false,
    question: false,
    reported: false,
    reportedBy: null,
  };
  return { reporting, speaker };
}
