// Clauses over tags and chunks: each verb group (auxiliaries, negation, the main verb) with its
// subject and object, its tense, modality, negation and voice, and how it hangs on the others:
// a complement ("said that …"), an adverbial ("because …"), a relative ("who …"), a non-finite
// complement ("vowed to respond"), and reported content ("X said Y", "Y, X said").
import { reportingVerbs, words } from './lexicon.ts';
import { isParticiple, isPastForm, type Chunk, type Pos } from './pos.ts';
import type { Sentence } from './sentences.ts';
import type { Token } from './tokens.ts';

export type ClauseKind = 'main' | 'complement' | 'adverbial' | 'relative' | 'nonfinite' | 'coordinate';

export interface VerbGroup {
  /** Token range [first, last) of auxiliaries, negation, adverbs inside and the main verb. */
  first: number;
  last: number;
  /** The main verb (or the auxiliary when there is none: "Iran is ready"). */
  head: number;
}

export interface Clause {
  /** Index of the sentence (of TextDoc.sentences). */
  sentence: number;
  /** Token range [first, last) of the clause, its marker and subject included. */
  first: number;
  last: number;
  verb: VerbGroup;
  subject: Chunk | null;
  /** The subject is not in the clause but shared with the clause before ("… and warned"). */
  subjectShared: boolean;
  object: Chunk | null;
  negated: boolean;
  tense: 'past' | 'present' | 'future';
  /** Lower-case modal of the group (can, could, may, might, must, should, would), or null. */
  modal: string | null;
  passive: boolean;
  finite: boolean;
  kind: ClauseKind;
  /** The word that opens a dependent clause ("that", "because", "who", "to"), or null. */
  marker: string | null;
  /** Index (into the article's clauses) of the clause this one depends on, or null. */
  parent: number | null;
  /** The verb reports speech or belief ("said", "told", "believes"). */
  reporting: boolean;
  /** Index of the reporting clause whose content this clause is, or null. */
  reportedBy: number | null;
}

const GROUP_INNER = new Set<Pos>(['AUX', 'PART', 'ADV', 'VERB']);
/**
 * Participles that, after "be" and before "to", say how ready or likely the subject is to act
 * ("is set to visit", "is expected to sign"): the subject is the doer of what follows, not the
 * undergoer of the participle, unlike "was forced to" or "was asked to".
 */
const READINESS = new Set(
  'prepared set expected poised scheduled slated supposed due determined committed inclined likely'.split(
    ' ',
  ),
);
/** Words after a reporting verb's object that make it a complement, not an inverted subject ("accused X of"). */
const OBJECT_COMPLEMENT = new Set(['of', 'that', 'to', 'over', 'into', 'with']);
const FUTURE = new Set(['will', "'ll", 'shall', "won't", "shan't"]);
const PAST_AUX = new Set(['was', 'were', 'had', 'did', "'d", "didn't", "wasn't", "weren't", "hadn't"]);
const NEGATED_MODAL: Record<string, string> = {
  "can't": 'can',
  cannot: 'can',
  "couldn't": 'could',
  "wouldn't": 'would',
  "shouldn't": 'should',
  "mustn't": 'must',
  "mightn't": 'might',
};
const ADVERBIAL = new Set([
  'because',
  'if',
  'although',
  'though',
  'while',
  'when',
  'whereas',
  'unless',
  'since',
  'after',
  'before',
  'until',
  'once',
  'as',
  'where',
  'whenever',
  'wherever',
]);

function verbGroups(tokens: readonly Token[], s: Sentence, tags: readonly Pos[]): VerbGroup[] {
  const out: VerbGroup[] = [];
  let i = s.first;
  while (i < s.last) {
    if (tags[i] !== 'AUX' && tags[i] !== 'VERB') {
      i++;
      continue;
    }
    // "to" before the verb belongs to a non-finite group
    let first = i > s.first && tags[i - 1] === 'PART' && tokens[i - 1]!.lower === 'to' ? i - 1 : i;
    // "never confirmed", "not only …": a negation before the verb belongs to its group
    while (first > s.first && tags[first - 1] === 'PART' && words.negations.has(tokens[first - 1]!.lower))
      first--;
    let last = i;
    let head = -1;
    let k = i;
    while (k < s.last && GROUP_INNER.has(tags[k]!)) {
      if (tags[k] === 'VERB') {
        head = k;
        last = k + 1;
        // a second verb right after a main verb starts another group ("said Iran"), unless after "to"
        if (tags[k + 1] === 'VERB' || tags[k + 1] === 'AUX') break;
      } else if (tags[k] === 'AUX') last = k + 1;
      else if (tags[k] === 'PART' && tokens[k]!.lower === 'to') break;
      else if (head >= 0) break;
      else if (tags[k] === 'PART' || tags[k] === 'ADV') last = k + 1;
      k++;
    }
    if (head < 0) {
      // no main verb: the last auxiliary is the head ("Iran is ready", "they will")
      for (let j = last - 1; j >= i; j--)
        if (tags[j] === 'AUX') {
          head = j;
          break;
        }
    }
    if (head < 0) {
      i = Math.max(k, i + 1);
      continue;
    }
    while (last > head + 1 && tags[last - 1] !== 'VERB' && tags[last - 1] !== 'AUX') last--;
    out.push({ first, last: Math.max(last, head + 1), head });
    i = Math.max(last, i + 1);
  }
  return out;
}

function describeGroup(tokens: readonly Token[], tags: readonly Pos[], g: VerbGroup) {
  let negated = false;
  let modal: string | null = null;
  let future = false;
  let past = false;
  let finite = true;
  let sawBe = false;
  let sawHave = false;
  let passive = false;
  let firstVerbal = -1;
  for (let k = g.first; k < g.last; k++) {
    const w = tokens[k]!.lower;
    if (k === g.first && w === 'to') finite = false;
    if (words.negations.has(w) || words.negatedAuxiliaries.has(w)) negated = true;
    if (tags[k] !== 'AUX' && tags[k] !== 'VERB') continue;
    if (firstVerbal < 0) firstVerbal = k;
    if (FUTURE.has(w)) future = true;
    else if (words.modals.has(w)) modal = w;
    else if (NEGATED_MODAL[w]) modal = NEGATED_MODAL[w]!;
    if (words.have.has(w) || /^(?:hasn't|haven't|hadn't)$/.test(w)) sawHave = true;
    if (words.be.has(w) || /^(?:isn't|aren't|wasn't|weren't)$/.test(w)) sawBe = true;
    else if (sawBe && k === g.head && isParticiple(w)) passive = true;
  }
  if (firstVerbal >= 0) {
    const w = tokens[firstVerbal]!.lower;
    past = PAST_AUX.has(w) || (tags[firstVerbal] === 'VERB' && isPastForm(w));
    if (modal === 'would' || modal === 'could' || modal === 'might') past = false;
    // the perfect reports a completed act: "Iran has launched", "may have collapsed"
    if (sawHave && tags[g.head] === 'VERB' && isParticiple(tokens[g.head]!.lower)) past = true;
    // a bare participle or gerund opening a group is not finite ("… killing two", "… backed by Iran")
    if (tags[firstVerbal] === 'VERB' && firstVerbal === g.first && /ing$/.test(w)) finite = false;
  }
  if (passive && READINESS.has(tokens[g.head]!.lower) && tokens[g.last]?.lower === 'to') passive = false;
  const tense: Clause['tense'] = future ? 'future' : past ? 'past' : 'present';
  return { negated, modal, tense, passive, finite };
}

/** Nouns of a span of time, which "last" or "next" make an adverb of time ("last week"). */
const TIME_NOUNS = new Set(
  'year years month months week weeks weekend day days night nights hour hours decade decades century spring summer autumn fall winter time'.split(
    ' ',
  ),
);

/**
 * "(who was accused) several years ago was arrested", "last week signed": a noun phrase that says
 * when is an adverb of time, never the subject of the verb after it.
 */
function isTimePhrase(tokens: readonly Token[], chunk: Chunk): boolean {
  if (tokens[chunk.last - 1]!.lower === 'ago') return true;
  return (
    chunk.last - chunk.first === 2 &&
    /^(?:last|next)$/.test(tokens[chunk.first]!.lower) &&
    TIME_NOUNS.has(tokens[chunk.last - 1]!.lower)
  );
}

/** Coordinators that join two noun phrases into one subject. */
const COORDINATED = new Set(['and', 'or']);

/** Clauses of one sentence; `offset` is the index of its first clause among the article's clauses. */
export function sentenceClauses(
  tokens: readonly Token[],
  s: Sentence,
  sentenceIndex: number,
  tags: readonly Pos[],
  chunks: readonly Chunk[],
  offset: number,
): Clause[] {
  const groups = verbGroups(tokens, s, tags);
  const chunkEndingAt = new Map<number, Chunk>();
  const chunkStartingAt = new Map<number, Chunk>();
  for (const c of chunks) {
    chunkEndingAt.set(c.last, c);
    chunkStartingAt.set(c.first, c);
  }
  const clauses: Clause[] = [];
  let previousEnd = s.first;
  for (const [gi, g] of groups.entries()) {
    const d = describeGroup(tokens, tags, g);
    // the subject: the chunk just before the group (over adverbs), or a relative pronoun
    let k = g.first;
    while (k > previousEnd && tags[k - 1] === 'ADV') k--;
    let subject = chunkEndingAt.get(k) ?? null;
    if (subject && subject.first < previousEnd) subject = null;
    if (subject && subject.first > s.first && tags[subject.first - 1] === 'ADP') subject = null;
    if (subject && isTimePhrase(tokens, subject)) subject = null;
    // "Ann Lee (left) spoke …", "The Ministry of Trade (MOTI) has unveiled …": the first clause's
    // subject stands before a parenthesis. (Commas are left alone: ", X," may be a list or a clause.)
    if (!subject && previousEnd === s.first)
      subject = beforeParenthesis(tokens, tags, chunkEndingAt, s.first, k);
    let marker: string | null = null;
    let markerAt = -1;
    let relative = false;
    if (!subject && k > previousEnd && words.relatives.has(tokens[k - 1]!.lower) && tags[k - 1] === 'PRON') {
      relative = true;
      marker = tokens[k - 1]!.lower;
      markerAt = k - 1;
    }
    let left = subject ? subject.first : markerAt >= 0 ? markerAt : g.first;
    // "Obama and Clinton withdrew": a noun phrase, "and", a noun phrase and a verb group, with no verb
    // between, is one coordinated subject, not a verbless clause and a coordinate one.
    const partner =
      subject && COORDINATED.has(tokens[left - 1]?.lower ?? '') ? chunkEndingAt.get(left - 1) : null;
    if (subject && partner && partner.first >= previousEnd && !partner.pronoun) {
      subject = { first: partner.first, last: subject.last, head: subject.head, pronoun: false };
      left = subject.first;
    }
    if (markerAt < 0 && left > previousEnd) {
      const before = tokens[left - 1]!;
      if (tags[left - 1] === 'SCONJ' || tags[left - 1] === 'CCONJ') {
        marker = before.lower;
        markerAt = left - 1;
      }
    }
    if (!d.finite && tokens[g.first]!.lower === 'to') marker = 'to';
    // the object: the chunk right after the verb, not a preposition's
    let o = g.last;
    while (o < s.last && tags[o] === 'ADV') o++;
    let object = chunkStartingAt.get(o) ?? null;
    // "said the government must act": a reporting verb's noun phrase followed by a finite verb group is
    // the subject of its content clause ("that" left out), not the verb's object.
    if (
      object &&
      reportingVerbs.lemma.has(tokens[g.head]!.lower) &&
      opensClause(tokens, tags, object, groups[gi + 1])
    )
      object = null;
    const kind: ClauseKind = !d.finite
      ? 'nonfinite'
      : relative
        ? 'relative'
        : marker && ADVERBIAL.has(marker)
          ? 'adverbial'
          : marker === 'that' || marker === 'whether'
            ? 'complement'
            : marker && words.coordinators.has(marker)
              ? 'coordinate'
              : 'main';
    const first = clauses.length === 0 && !relative ? s.first : markerAt >= 0 ? markerAt : left;
    const headWord = tokens[g.head]!.lower;
    clauses.push({
      sentence: sentenceIndex,
      first,
      last: s.last,
      verb: g,
      subject,
      subjectShared: false,
      object,
      ...d,
      kind,
      marker,
      parent: null,
      reporting: reportingVerbs.lemma.has(headWord) && tags[g.head] === 'VERB' && !d.passive,
      reportedBy: null,
    });
    previousEnd = Math.max(g.last, object ? object.last : g.last);
  }
  // ranges, parents, shared subjects, reported content
  for (let c = 0; c < clauses.length; c++) {
    const clause = clauses[c]!;
    const next = clauses[c + 1];
    if (next) clause.last = Math.max(clause.verb.last, next.first);
    if (clause.kind === 'relative') {
      // "The talks, which were held in Geneva, failed": the antecedent is the subject of the clause
      // the relative one interrupts
      let a = clause.first;
      while (a > s.first && tags[a - 1] === 'PUNCT') a--;
      const antecedent = chunkEndingAt.get(a) ?? null;
      const host = clauses.slice(c + 1).find((h) => h.kind !== 'relative' && !h.subject);
      if (antecedent && host && host.kind === 'main') {
        host.subject = antecedent;
        clause.parent = offset + clauses.indexOf(host);
        continue;
      }
    }
    const prev = clauses[c - 1];
    if (!prev) {
      // "When the army withdrew, rebels took the town": a leading dependent clause hangs on the main one
      if (clause.kind === 'adverbial' || clause.kind === 'complement') {
        const main = clauses.findIndex((h, j) => j > c && h.kind === 'main');
        if (main >= 0) clause.parent = offset + main;
      }
      continue;
    }
    if (clause.kind !== 'main') clause.parent = offset + c - 1;
    if (!clause.subject && (clause.kind === 'coordinate' || clause.kind === 'nonfinite')) {
      clause.subject = prev.subject;
      clause.subjectShared = prev.subject !== null;
    }
  }
  markReported(tokens, tags, clauses, offset);
  return clauses;
}

/**
 * "X said (that) Y": the clauses after a reporting verb are its content, up to the sentence's end or
 * another main clause. "Y, X said": a reporting clause after a comma or a closing quote reports
 * everything before it in the sentence.
 */
function markReported(
  tokens: readonly Token[],
  tags: readonly Pos[],
  clauses: Clause[],
  offset: number,
): void {
  for (let c = 0; c < clauses.length; c++) {
    const r = clauses[c]!;
    if (!r.reporting) continue;
    const before = r.first > 0 ? tokens[r.first - 1] : undefined;
    const trailing =
      c > 0 && !!before && /^[,"”’']$/.test(before.text) && (r.kind === 'main' || r.kind === 'coordinate');
    if (trailing && !r.subject && r.object && !invertedSubject(tokens, r.object)) {
      // "X shelled the town, accused Y of …": a second act of the same subject, reporting nothing before it
      const prev = clauses[c - 1]!;
      r.subject = prev.subject;
      r.subjectShared = prev.subject !== null;
      r.kind = 'coordinate';
      r.parent = offset + c - 1;
      continue;
    }
    if (trailing) {
      // "…," said the minister: the subject follows the verb
      if (!r.subject && r.object) [r.subject, r.object] = [r.object, null];
      for (let k = c - 1; k >= 0 && clauses[k]!.reportedBy === null; k--) clauses[k]!.reportedBy = offset + c;
      continue;
    }
    for (let k = c + 1; k < clauses.length; k++) {
      const q = clauses[k]!;
      // the content of "said that …" ends with its sentence (a quote may hold several)
      if (hasTerminal(tokens, r.verb.last, q.first)) break;
      if (q.kind === 'main' && k > c + 1 && tags[q.first - 1] !== 'PUNCT') break;
      if (q.reportedBy !== null) continue;
      q.reportedBy = offset + c;
      if (q.kind === 'main' && k === c + 1) q.kind = 'complement';
      if (q.kind === 'complement' && q.parent === null) q.parent = offset + c;
    }
  }
}

/** The next verb group stands right after the chunk (over adverbs) and is finite: the chunk is its subject. */
function opensClause(
  tokens: readonly Token[],
  tags: readonly Pos[],
  chunk: Chunk,
  next: VerbGroup | undefined,
): boolean {
  if (!next) return false;
  let k = chunk.last;
  while (k < next.first && tags[k] === 'ADV') k++;
  if (k !== next.first) return false;
  return describeGroup(tokens, tags, next).finite;
}

function invertedSubject(tokens: readonly Token[], object: Chunk): boolean {
  if (OBJECT_COMPLEMENT.has(tokens[object.last]?.lower ?? '')) return false;
  return !/^(?:him|her|them|us|me|it)$/.test(tokens[object.first]?.lower ?? '');
}

function hasTerminal(tokens: readonly Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (/^[.!?…]$/.test(tokens[k]!.text)) return true;
  return false;
}

/**
 * The noun chunk before a parenthesis ("(left)", "(MOTI)") that ends right before token `k`, when no
 * verb stands inside it; null otherwise.
 */
function beforeParenthesis(
  tokens: readonly Token[],
  tags: readonly Pos[],
  chunkEndingAt: Map<number, Chunk>,
  first: number,
  k: number,
): Chunk | null {
  if (tokens[k - 1]?.text !== ')') return null;
  for (let j = k - 2; j > first && j >= k - 8; j--) {
    if (tags[j] === 'VERB' || tags[j] === 'AUX') return null;
    if (tokens[j]!.text !== '(') continue;
    const chunk = chunkEndingAt.get(j) ?? null;
    return chunk && (tags[chunk.last - 1] === 'PROPN' || tags[chunk.last - 1] === 'NOUN') ? chunk : null;
  }
  return null;
}
