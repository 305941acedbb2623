// What follows a cue: an addressee ("told reporters"), a medium ("in a statement", "to IRNA"), time
// phrases, and where the reported content starts ("that …", ": …", a quotation, or a bare clause).
import type { Cue } from './cues.ts';
import { lexicon } from './lexicon.ts';
import { phraseStartingAt } from './phrase.ts';
import { finiteAuxiliaries, type Token } from '../text/index.ts';
import { insideQuote, isOpeningQuote, type SentenceView } from './view.ts';

export const PREPOSITIONS = new Set([
  'in',
  'on',
  'at',
  'to',
  'via',
  'during',
  'after',
  'before',
  'outside',
  'from',
  'over',
  'through',
  'with',
  'inside',
  'near',
  'while',
  'for',
  'later',
  'earlier',
  'last',
  'this',
  'next',
  'late',
  'early',
  'again',
  'also',
  'recently',
  'publicly',
  'privately',
  'repeatedly',
  'previously',
]);

/** Skips an addressee, prepositional phrases and time words after the cue; finds where the content starts. */
export function frameAfter(v: SentenceView, cue: Cue): void {
  const { tokens } = v;
  if (cue.verb?.objectThenQuote) {
    objectThenQuote(v, cue);
    return;
  }
  let j = cue.cueLast;
  if (cue.inverted && cue.speaker) j = cue.speaker.last;
  if (cue.verb?.takesAddressee && j < v.last && !insideQuote(v, j) && tokens[j]!.lower !== 'that') {
    const a = phraseStartingAt(tokens, j, v.last);
    if (a) {
      cue.addressee = a;
      // "told Reuters": a news outlet spoken to is also the medium
      if (isMedium(tokens, a.first, a.last)) cue.medium = { first: a.first, last: a.last };
      j = a.last;
    }
  }
  const bareStart = j;
  for (let hops = 0; hops < 4 && j < v.last; hops++) {
    const t = tokens[j]!;
    if (insideQuote(v, j)) break;
    if (t.lower === 'that' && !t.cap) {
      // "believed that, …" / "realizes that is not…": a demonstrative, not a complementizer
      const n = tokens[j + 1];
      const subordinate = n?.text === ',' && SUBORDINATORS.has(tokens[j + 2]?.lower ?? '');
      if (!n || (!n.word && !isOpeningQuote(v, j + 1) && !subordinate) || finiteAuxiliaries.has(n.lower))
        return;
      cue.contentFrom = j + 1;
      cue.introduced = true;
      return;
    }
    if (t.text === ':' || (t.text === ',' && isOpeningQuote(v, j + 1))) {
      cue.contentFrom = j + 1;
      cue.introduced = true;
      return;
    }
    if (t.text === ',' && hops > 0) {
      j++;
      continue;
    }
    if (t.word && lexicon.timeWords.has(t.lower) && !PREPOSITIONS.has(t.lower)) {
      j++;
      continue;
    }
    if (!t.word || !PREPOSITIONS.has(t.lower)) break;
    const p = phraseStartingAt(tokens, j + 1, v.last);
    const end = p ? p.last : j + 1;
    if (!cue.medium && isMedium(tokens, j, end)) cue.medium = { first: j + 1 < end ? j + 1 : j, last: end };
    j = end;
  }
  if (j < v.last && isOpeningQuote(v, j)) {
    cue.contentFrom = j;
    cue.introduced = true;
    return;
  }
  if (cue.verb?.kind === 'stance') {
    if (j === bareStart && tokens[j]?.word && !insideQuote(v, j)) cue.contentFrom = j;
    return;
  }
  // "wounds that authorities said did not appear…": the relative's gap is the reported subject
  const relative = cue.speaker && !cue.inverted && RELATIVES.has(tokens[cue.speaker.first - 1]?.lower ?? '');
  if (relative && j === bareStart && finiteAuxiliaries.has(tokens[j]?.lower ?? '')) {
    cue.contentFrom = j;
    return;
  }
  const subjectPronoun = SUBJECT_PRONOUNS.has(tokens[j]?.lower ?? '');
  if (subjectPronoun || (!cue.verb?.needsComplementizer && startsClause(v, j, j !== bareStart)))
    cue.contentFrom = j;
}

/** A bare reported clause opens with a subject: a pronoun, a determiner, a name or a number. */
function startsClause(v: SentenceView, j: number, strict: boolean): boolean {
  const t = v.tokens[j];
  if (!t || !t.word) return false;
  if (t.cap || /^\d/.test(t.text)) return true;
  const w = t.lower;
  if (strict) return lexicon.pronouns.has(w) || lexicon.npDeterminers.has(w);
  return (
    lexicon.pronouns.has(w) ||
    lexicon.npDeterminers.has(w) ||
    BARE_SUBJECTS.has(w) ||
    (!PREPOSITIONS.has(w) &&
      !lexicon.clauseBoundaries.has(w) &&
      !lexicon.npInnerLinks.has(w) &&
      !isVerbLike(w))
  );
}

const SUBORDINATORS = new Set([
  'if',
  'when',
  'while',
  'although',
  'though',
  'because',
  'as',
  'after',
  'before',
  'unless',
  'once',
  'despite',
  'in',
  'with',
  'by',
  'since',
  'until',
  'given',
  'for',
  'at',
  'on',
]);
const RELATIVES = new Set(['that', 'what', 'which', 'who']);
const SUBJECT_PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'there']);
const BARE_SUBJECTS = new Set([
  'there',
  'it',
  'this',
  'that',
  'these',
  'those',
  'people',
  'officers',
  'police',
]);

function isVerbLike(w: string): boolean {
  return lexicon.verbs.has(w) || w.endsWith('ed');
}

/** "called half of his supporters “deplorables”": the object and the quotation are the content. */
function objectThenQuote(v: SentenceView, cue: Cue): void {
  const from = cue.inverted && cue.speaker ? cue.speaker.last : cue.cueLast;
  for (let j = from; j < Math.min(v.last, from + 12); j++) {
    if (isOpeningQuote(v, j)) {
      if (j > from || cue.verb?.lemma !== 'describe') {
        cue.contentFrom = from;
        cue.introduced = true;
      }
      return;
    }
    const t = v.tokens[j]!;
    if (!t.word && t.text !== '-' && t.text !== '’' && t.text !== "'") return;
  }
}

function isMedium(tokens: Token[], first: number, last: number): boolean {
  const words = tokens.slice(first, last).map((t) => t.lower);
  const phrase = words.join(' ');
  if (words.some((w) => lexicon.mediumNouns.has(w))) return true;
  for (const m of lexicon.mediaNames) if (phrase.includes(m)) return true;
  return false;
}
