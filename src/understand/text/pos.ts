// A compact part-of-speech tagger (closed-class words from a lexicon, open-class words by suffix and
// by the tag before them) and noun chunks over its tags. Universal POS tags, with possessive
// determiners ("his", "Iran's" 's) read as DET / PART so that chunks hold them.
import { reportingVerbs, words } from './lexicon.ts';
import type { Sentence } from './sentences.ts';
import type { Token } from './tokens.ts';

export type Pos =
  | 'DET'
  | 'PRON'
  | 'ADP'
  | 'AUX'
  | 'VERB'
  | 'NOUN'
  | 'PROPN'
  | 'ADJ'
  | 'ADV'
  | 'NUM'
  | 'CCONJ'
  | 'SCONJ'
  | 'PART'
  | 'PUNCT'
  | 'SYM'
  | 'X';

/** A noun phrase: [first, last) tokens, its head (the last noun) and whether it is a pronoun. */
export interface Chunk {
  first: number;
  last: number;
  head: number;
  pronoun: boolean;
}

const SYMBOL = /^[$€£¥%&@#+=<>~^|\\/*]$/;
const ADJ_SUFFIX = /(?:ous|ful|ive|able|ible|ical|al|ic|ish|less|ian|ese|ern|ary|ant|ent)$/;
const NOUN_SUFFIX =
  /(?:tion|sion|ment|ness|ity|ship|ism|ist|ists|ers|ors|ies|ians|ance|ence|age|ure|dom|hood|cy)$/;
const PAST_IRREGULAR =
  /^(?:said|told|met|made|took|gave|went|came|saw|found|left|held|led|sent|won|lost|fought|thought|brought|bought|spoke|wrote|rose|fell|began|began|broke|chose|drew|drove|flew|forgot|froze|got|grew|hid|hit|hurt|kept|knew|laid|lay|meant|paid|put|ran|read|rang|said|sat|set|shot|shut|sold|sought|spent|stood|stole|struck|swore|taught|threw|understood|withdrew|woke|wore)$/;
const PARTICIPLE_IRREGULAR =
  /^(?:been|done|gone|seen|taken|given|made|known|shown|written|spoken|broken|chosen|driven|eaten|fallen|forgotten|frozen|grown|hidden|ridden|risen|shaken|stolen|sworn|thrown|woken|worn|withdrawn|begun|drawn|flown|held|led|met|said|told|sent|won|lost|fought|brought|bought|found|left|kept|paid|put|set|shot|sold|sought|spent|stood|struck|taught|understood|hit|hurt|let|cut|beaten|bitten|forbidden|forgiven|arisen|sunk|sprung|sung|swum|undertaken|overtaken|mistaken|born|borne)$/;

export function isPastForm(lower: string): boolean {
  return (lower.endsWith('ed') && lower.length > 3) || PAST_IRREGULAR.test(lower);
}

export function isParticiple(lower: string): boolean {
  return (lower.endsWith('ed') && lower.length > 3) || PARTICIPLE_IRREGULAR.test(lower);
}

function isVerbWord(t: Token): boolean {
  return words.verbStems.has(t.stem) || PAST_IRREGULAR.test(t.lower) || PARTICIPLE_IRREGULAR.test(t.lower);
}

function isClosedWord(w: string): boolean {
  return (
    words.prepositions.has(w) ||
    words.coordinators.has(w) ||
    words.subordinators.has(w) ||
    words.be.has(w) ||
    words.have.has(w) ||
    words.modals.has(w) ||
    words.determiners.has(w) ||
    words.pronouns.has(w) ||
    w === 'to'
  );
}

const NOMINAL_BEFORE = new Set<Pos>(['DET', 'ADJ', 'ADP', 'NUM', 'PART']);
const SUBJECT_BEFORE = new Set<Pos>(['PRON', 'NOUN', 'PROPN', 'AUX', 'ADV']);
const RELATIVE_ANTECEDENT = new Set<Pos>(['NOUN', 'PROPN', 'PRON']);

function closedClass(
  t: Token,
  prev: Pos | null,
  prevToken: Token | undefined,
  next: Token | undefined,
): Pos | null {
  const w = t.lower;
  if (words.negatedAuxiliaries.has(w)) return 'AUX';
  if (w === "'s")
    return prevToken && /^(?:he|she|it|that|there|what|who|here|where)$/.test(prevToken.lower)
      ? 'AUX'
      : 'PART';
  if (words.modals.has(w)) return 'AUX';
  if (words.be.has(w) || words.have.has(w) || words.do.has(w)) return 'AUX';
  if (w === 'not' || w === "n't" || w === 'never') return 'PART';
  if (w === 'to') return next && isBaseVerb(next) ? 'PART' : 'ADP';
  if (w === 'that') {
    // "the deal that was signed" (a relative pronoun before a verb) or "said on Monday that Iran …"
    if (prev && RELATIVE_ANTECEDENT.has(prev) && next && !opensSubject(next)) return 'PRON';
    if (next && next.word && !opensSubject(next) && !words.prepositions.has(next.lower)) return 'DET';
    return 'SCONJ';
  }
  if (w === 'her')
    return next && next.word && !words.prepositions.has(next.lower) && !words.coordinators.has(next.lower)
      ? 'DET'
      : 'PRON';
  if (words.determiners.has(w) || words.possessives.has(w)) return 'DET';
  if (words.pronouns.has(w)) return 'PRON';
  if (words.coordinators.has(w)) return 'CCONJ';
  if (words.prepositions.has(w)) return 'ADP';
  if (words.subordinators.has(w)) return 'SCONJ';
  if (words.adverbs.has(w)) return 'ADV';
  if (words.numbers.has(w)) return 'NUM';
  return null;
}

/** A word that may begin a clause's subject: a pronoun, determiner, number or capitalised name. */
function opensSubject(t: Token): boolean {
  return (
    t.cap ||
    /^\p{N}/u.test(t.text) ||
    (words.pronouns.has(t.lower) && !words.relatives.has(t.lower)) ||
    words.determiners.has(t.lower) ||
    words.possessives.has(t.lower)
  );
}

/** A determiner, possessive, pronoun in the object case, number or name: an object follows. */
function opensObject(t: Token): boolean {
  return (
    t.cap ||
    /^\p{N}/u.test(t.text) ||
    words.determiners.has(t.lower) ||
    words.possessives.has(t.lower) ||
    /^(?:him|them|us|it)$/.test(t.lower)
  );
}

/** An object's first word in lower case: a determiner, a possessive or an object pronoun. */
function objectFollows(t: Token): boolean {
  return (
    words.determiners.has(t.lower) || words.possessives.has(t.lower) || /^(?:him|them|us|me)$/.test(t.lower)
  );
}

function isBaseVerb(t: Token): boolean {
  return t.word && words.verbStems.has(t.stem) && !/(?:s|ed|ing)$/.test(t.lower);
}

function openClass(
  t: Token,
  prev: Pos | null,
  prevToken: Token | undefined,
  next: Token | undefined,
  afterModal = false,
  verbBefore = true,
): Pos {
  const w = t.lower;
  // "not", "never" stand inside a verb group; only the possessive 's opens a noun phrase
  if (prev === 'PART' && !(prevToken && isPossessiveMark(prevToken))) prev = 'ADV';
  // after a modal or "did" comes a verb's base form: "will retaliate", "did not respond"
  if (afterModal && !/(?:s|ed)$/.test(w)) return 'VERB';
  if (w.endsWith('ly') && w.length > 4) return 'ADV';
  // "new rules", "big fights": a common adjective before a noun or after "be"
  if (words.adjectives.has(w)) return 'ADJ';
  if (isVerbWord(t)) {
    if (w.endsWith('ing')) return prev === 'DET' || prev === 'ADJ' || prev === 'PART' ? 'NOUN' : 'VERB';
    if (isParticiple(w) && !w.endsWith('s')) {
      // "the signed deal", but "the general told reporters"
      if ((prev === 'DET' || prev === 'ADJ') && !reportingVerbs.lemma.has(w)) return 'ADJ';
      return 'VERB';
    }
    if (prev === 'PART' && prevToken?.lower === 'to') return 'VERB';
    if (prev && NOMINAL_BEFORE.has(prev)) return 'NOUN';
    if (prev && SUBJECT_BEFORE.has(prev)) return 'VERB';
    // "Ann Lee, the foreign minister, speaks at …", "The president (left) addresses the …": after an
    // apposition or a parenthesis, a present verb form with its object or preposition after it is the
    // verb of a sentence that has none before it.
    if (
      !verbBefore &&
      /[^s]s$/.test(w) &&
      (prevToken?.text === ',' || prevToken?.text === ')') &&
      next?.word &&
      (opensObject(next) || words.prepositions.has(next.lower))
    )
      return 'VERB';
    return 'NOUN';
  }
  if (
    w.includes('-') &&
    /-(?:based|led|backed|made|born|owned|funded|run|allied|controlled|linked|aligned|sponsored|old|year)$/.test(
      w,
    )
  )
    return 'ADJ';
  // "lied", "vied", "tied": a short past form of a verb in -ie
  if (w.endsWith('ed') && (w.length > 4 || /^\p{Ll}ied$/u.test(w))) {
    if (prev === 'AUX' || prev === 'NOUN' || prev === 'PROPN' || prev === 'PRON') return 'VERB';
    // "reportedly stormed the building", "…, stormed the town": a past form with an object after it
    if ((prev === 'ADV' || prevToken?.text === ',') && next?.word && opensObject(next)) return 'VERB';
    return 'ADJ';
  }
  if (w.endsWith('ing') && w.length > 5) {
    if (prev === 'DET' || prev === 'ADJ') return 'NOUN';
    if (prev === 'AUX') return 'VERB';
    // "…, nudging his caucus to", "while mocking them": a participle with its object after it
    if (
      (prev === null || prev === 'PUNCT' || prev === 'ADV' || prev === 'SCONJ') &&
      next &&
      objectFollows(next)
    )
      return 'VERB';
    return 'NOUN';
  }
  if (NOUN_SUFFIX.test(w) || words.adjectiveLikeNouns.has(w)) return 'NOUN';
  // "a diplomatic solution" but "the proposal."
  if (ADJ_SUFFIX.test(w) && next?.word && !isClosedWord(next.lower) && !reportingVerbs.lemma.has(next.lower))
    return 'ADJ';
  return 'NOUN';
}

/** The possessive mark: "'s", or the apostrophe of a plural possessive ("the Democrats' plan"). */
function isPossessiveMark(t: Token): boolean {
  return t.lower === "'s" || APOSTROPHE.test(t.text);
}

// The expressions read at every token are made once (a literal in a function is a new object per call).
const APOSTROPHE = /^['’]$/;
const OPENS_SENTENCE = /^[:"“«„‘(.!?…]$/;
const ADDRESS = /^(?:https?:|www\.)|@/;
const NUMBER_START = /^\p{N}/u;

/**
 * "the Democrats' plan", "the unions’ leaders": an apostrophe attached to a noun in -s, with a word
 * right after it, is the possessive of a plural (a closing single quotation mark is followed by
 * punctuation or stands after a word not in -s).
 */
function pluralPossessive(tokens: readonly Token[], i: number, last: number, prev: Pos | null): boolean {
  const t = tokens[i]!;
  const before = tokens[i - 1];
  const after = tokens[i + 1];
  if (!APOSTROPHE.test(t.text) || !before || !after || i + 1 >= last) return false;
  if ((prev !== 'NOUN' && prev !== 'PROPN') || !/s$/i.test(before.text) || before.end !== t.start)
    return false;
  return after.word && after.start > t.end && !/^\p{N}/u.test(after.text);
}

/** Tags of one sentence's tokens, written into `tags` at the tokens' indexes. */
export function tagSentence(tokens: readonly Token[], s: Sentence, tags: Pos[]): void {
  let initial = true;
  let verbBefore = false;
  for (let i = s.first; i < s.last; i++) {
    if (i > s.first && (tags[i - 1] === 'VERB' || tags[i - 1] === 'AUX')) verbBefore = true;
    const t = tokens[i]!;
    const prev = i > s.first ? tags[i - 1]! : null;
    const prevToken = i > s.first ? tokens[i - 1] : undefined;
    let m = i - 1;
    while (m > s.first && (tags[m] === 'PART' || tags[m] === 'ADV') && !isPossessiveMark(tokens[m]!)) m--;
    const afterModal =
      m >= s.first &&
      m < i &&
      tags[m] === 'AUX' &&
      (words.modals.has(tokens[m]!.lower) ||
        words.do.has(tokens[m]!.lower) ||
        words.negatedAuxiliaries.has(tokens[m]!.lower));
    if (!t.word && pluralPossessive(tokens, i, s.last, prev)) {
      tags[i] = 'PART';
      initial = false;
      continue;
    }
    if (!t.word) {
      tags[i] = SYMBOL.test(t.text) ? 'SYM' : 'PUNCT';
      // a sentence opens again after a colon or an opening quotation mark
      if (OPENS_SENTENCE.test(t.text)) initial = true;
      continue;
    }
    if (ADDRESS.test(t.lower)) tags[i] = 'X';
    else if (NUMBER_START.test(t.text)) tags[i] = 'NUM';
    else if (t.cap && !initial) {
      // "May" the month, "US" and any capitalised word inside a sentence: a proper noun, unless a
      // closed-class word written in capitals in a headline
      tags[i] =
        t.text === t.text.toUpperCase() && t.text.length > 1 && closedClass(t, prev, prevToken, tokens[i + 1])
          ? closedClass(t, prev, prevToken, tokens[i + 1])!
          : 'PROPN';
    } else {
      const closed = closedClass(t, prev, prevToken, tokens[i + 1]);
      if (closed) tags[i] = closed;
      else if (t.cap && initial) {
        const open = openClass(t, prev, prevToken, tokens[i + 1], afterModal);
        tags[i] = open === 'NOUN' && !NOUN_SUFFIX.test(t.lower) && !isVerbWord(t) ? 'PROPN' : open;
      } else tags[i] = openClass(t, prev, prevToken, tokens[i + 1], afterModal, verbBefore);
    }
    initial = false;
  }
  // have / do with no verb after them are main verbs: "Iran has the oil", "they did it"
  for (let i = s.first; i < s.last; i++) {
    const w = tokens[i]!.lower;
    if (tags[i] !== 'AUX' || !(words.have.has(w) || words.do.has(w))) continue;
    let k = i + 1;
    let auxiliary = false;
    while (k < s.last && (tags[k] === 'ADV' || tags[k] === 'PART' || tags[k] === 'AUX')) {
      // "have been able to", "has been unable": the perfect of "be", whose group "be" heads
      if (tags[k] === 'AUX' && words.be.has(tokens[k]!.lower)) auxiliary = true;
      k++;
    }
    if (!auxiliary && (k >= s.last || tags[k] !== 'VERB')) tags[i] = 'VERB';
  }
}

/** Noun chunks of one sentence: DET? (ADJ|NUM|NOUN|PROPN)* (NOUN|PROPN), joined over a possessive 's; pronouns alone. */
export function chunkSentence(tokens: readonly Token[], s: Sentence, tags: readonly Pos[]): Chunk[] {
  const out: Chunk[] = [];
  let i = s.first;
  while (i < s.last) {
    const tag = tags[i]!;
    if (tag === 'PRON' && !words.relatives.has(tokens[i]!.lower)) {
      out.push({ first: i, last: i + 1, head: i, pronoun: true });
      i++;
      continue;
    }
    if (tag !== 'DET' && tag !== 'ADJ' && tag !== 'NUM' && tag !== 'NOUN' && tag !== 'PROPN') {
      i++;
      continue;
    }
    const first = i;
    let head = -1;
    let possessor = -1;
    let k = i;
    while (k < s.last) {
      const g = tags[k]!;
      if (g === 'NOUN' || g === 'PROPN') head = k;
      else if (g === 'PART' && isPossessiveMark(tokens[k]!) && head >= 0) [possessor, head] = [head, -1];
      else if (g === 'DET' && k > first && !(tags[k - 1] === 'PART')) break;
      else if (g !== 'DET' && g !== 'ADJ' && g !== 'NUM' && !(g === 'ADV' && tags[k + 1] === 'ADJ')) break;
      k++;
    }
    if (head < 0 && possessor >= 0) head = possessor;
    if (head >= 0) {
      out.push({ first, last: head + 1, head, pronoun: false });
      i = head + 1;
    } else i = Math.max(k, i + 1);
  }
  return out;
}
