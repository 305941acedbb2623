// Events read the clauses of the text layer (src/understand/text/clauses.ts): the clause that holds a
// pattern's verb gives the event its subject, object, negation, modality and voice, whether it is a
// condition ("if …"), a question, or the content of a reporting clause ("X said …").
import type { Modality } from '../../model/index.ts';
import type { Clause as TextClause, TextDoc } from '../text/index.ts';
import type { ActorSpan } from './actors.ts';

/** A clause of one plain sentence, in that sentence's token indexes. */
export interface EventClause {
  first: number;
  last: number;
  verb: { first: number; last: number; head: number };
  subject: { first: number; last: number; head: number; pronoun: boolean } | null;
  /** The subject is the clause before's ("… and warned"). */
  subjectShared: boolean;
  object: { first: number; last: number; head: number } | null;
  negated: boolean;
  modal: string | null;
  tense: 'past' | 'present' | 'future';
  passive: boolean;
  finite: boolean;
  kind: TextClause['kind'];
  /** The clause or one it depends on opens with "if" or "unless". */
  conditional: boolean;
  /** The clause is a question (its sentence ends in "?"). */
  question: boolean;
  /** The clause is the content of a reporting clause ("X said …", "…, X said"). */
  reported: boolean;
  /** That reporting clause. */
  reportedBy: EventClause | null;
}

const CONDITIONAL = new Set(['if', 'unless', 'whether']);

/**
 * Clauses of plain sentence `i` of `doc`, in that sentence's token indexes (the text layer tags and
 * chunks the sentence on first use, so sentences without a candidate event are never tagged).
 */
export function sentenceClauses(doc: TextDoc, i: number): EventClause[] {
  const s = doc.plainSentences[i];
  if (!s) return [];
  const all = doc.plainClauses(i);
  let q = s.last - 1;
  while (q > s.first && /^["”’')\]]$/.test(doc.tokens[q]?.text ?? '')) q--;
  const question = doc.tokens[q]?.text === '?';
  const at = (k: number) => Math.max(0, Math.min(s.last, k) - s.first);
  const local = <T extends { first: number; last: number; head: number }>(x: T | null) =>
    x ? { ...x, first: at(x.first), last: at(x.last), head: at(x.head) } : null;
  const views = all.map((c): EventClause => {
    let conditional = false;
    for (let p: TextClause | undefined = c, n = 0; p && n < 4; p = all[p.parent ?? -1], n++)
      if (p.marker && CONDITIONAL.has(p.marker) && p.kind !== 'complement') conditional = true;
    // "if" right before the subject is not always read as the clause's marker
    const before = doc.tokens[Math.min(c.first, c.subject?.first ?? c.first) - 1]?.lower;
    if (before === 'if' || before === 'unless') conditional = true;
    return {
      first: at(c.first),
      last: at(c.last),
      verb: { first: at(c.verb.first), last: at(c.verb.last), head: at(c.verb.head) },
      subject: local(c.subject),
      subjectShared: c.subjectShared,
      object: local(c.object),
      negated: c.negated,
      modal: c.modal,
      tense: c.tense,
      passive: c.passive,
      finite: c.finite,
      kind: c.kind,
      conditional,
      question,
      reported: c.reportedBy !== null,
      reportedBy: null,
    };
  });
  all.forEach((c, k) => {
    if (c.reportedBy !== null) views[k]!.reportedBy = views[c.reportedBy] ?? null;
  });
  return views;
}

/** The clause whose verb group holds token `at`, else the innermost clause whose range holds it. */
export function clauseAt(clauses: EventClause[], at: number): EventClause | null {
  const verbal = clauses.find((c) => c.verb.first <= at && at < c.verb.last);
  if (verbal) return verbal;
  let best: EventClause | null = null;
  for (const c of clauses) if (c.first <= at && at < c.last && (!best || c.first >= best.first)) best = c;
  return best;
}

/** Whether the pattern's anchor word is the clause's own verb (not a noun inside it). */
export function anchorsVerb(clause: EventClause, at: number): boolean {
  return clause.verb.first <= at && at < clause.verb.last;
}

/**
 * The modality a clause gives its verb: "did not attack" is negated, "could attack" and "if they
 * attack" hypothetical, "will attack" intended, a question not a report of anything that happened.
 * Only the clause's own verb group is read; `negativePattern` ("did not recognise") is the act itself.
 */
export function clauseModality(
  clause: EventClause,
  at: number,
  reported: boolean,
  negativePattern: boolean,
): Modality {
  if (clause.conditional || clause.question) return 'hypothetical';
  if (!anchorsVerb(clause, at)) return 'happened';
  if (clause.negated && !negativePattern) return 'negated';
  if (clause.tense === 'future') return 'intended';
  switch (clause.modal) {
    case 'would':
      return reported ? 'intended' : 'hypothetical';
    case 'could':
    case 'might':
    case 'may':
    case 'should':
    case 'can':
      return 'hypothetical';
    default:
      return 'happened';
  }
}

/**
 * The actor span a clause's subject names: the span over the subject's head ("Iran's defence
 * minister"), else the last known actor inside it ("bin Laden's al-Qaeda network" → al-Qaeda).
 */
export function subjectActor(clause: EventClause, actors: ActorSpan[]): ActorSpan | null {
  const s = clause.subject;
  if (!s) return null;
  const inside = actors.filter((a) => a.first < s.last && s.first < a.last);
  const head = inside.find((a) => a.first <= s.head && s.head < a.last);
  if (head?.actor || head?.kind === 'pronoun') return head;
  return inside.findLast((a) => a.actor) ?? head ?? inside[0] ?? null;
}
