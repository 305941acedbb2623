// Noun phrases around a cue: the speaker before a verb ("a spokesman for the ministry said"), after
// it ("…," said Karlsson), and the addressee after "told".
import { lexicon } from './lexicon.ts';
import type { Token } from '../text/index.ts';

export type PhraseKind = 'name' | 'pronoun' | 'nominal';

export interface Phrase {
  /** Token range [first, last). */
  first: number;
  last: number;
  kind: PhraseKind;
  /** For names: the token range of the capitalised run holding the name. */
  nameFirst: number;
  nameLast: number;
  /** Where the whole subject starts when the name sits in an appositive ("the governor, Tiago Mendes,"). */
  clauseFirst?: number;
  /** Found through a relative pronoun ("Ashtinai, who blasted …"): the subject of another clause. */
  viaRelative?: boolean;
}

const MAX_PHRASE = 12;
const LEADING_NOISE = new Set([
  'but',
  'and',
  'so',
  'yet',
  'however',
  'meanwhile',
  'still',
  'now',
  'then',
  'also',
  'instead',
  'indeed',
  'thus',
  'here',
  'there',
]);

function isAdverb(t: Token): boolean {
  return !t.cap && t.lower.length > 4 && t.lower.endsWith('ly') && t.lower !== 'early' && t.lower !== 'only';
}

export function isVerbForm(t: Token): boolean {
  return lexicon.verbs.has(t.lower);
}

function isNameToken(t: Token): boolean {
  return t.word && t.cap && !isDottedAbbreviation(t);
}

/** "N.S.", "U.S.": a place or body written with dots ends a name run ("Antigonish, N.S., says"). */
export function isDottedAbbreviation(t: Token): boolean {
  return t.text.length > 3 && t.text.endsWith('.') && /^(?:\p{L}\.){2,}$/u.test(t.text);
}

/** The capitalised run ending at token `end` (inclusive), allowing linking words between capitals. */
export function capitalRun(tokens: Token[], end: number, floor: number): number {
  let k = end;
  while (k - 1 >= floor) {
    const t = tokens[k - 1]!;
    if (isNameToken(t) && t.end === t.start + t.text.length) k--;
    else if (
      lexicon.npInnerLinks.has(t.lower) &&
      !t.cap &&
      k - 2 >= floor &&
      isNameToken(tokens[k - 2]!) &&
      t.lower !== 'and' &&
      t.lower !== 'to' &&
      t.lower !== 'on' &&
      t.lower !== 'in' &&
      t.lower !== 'at' &&
      t.lower !== 'with' &&
      t.lower !== 'from'
    )
      k--;
    else break;
  }
  return k;
}

/** Skips adverbs, auxiliaries and time phrases between a subject and its verb. */
export function skipToSubject(tokens: Token[], from: number, floor: number): number {
  let j = from;
  let skipped = 0;
  // "Rep. Stephen Lynch (D-Mass.) said": a parenthesis between subject and verb
  if (tokens[j]?.text === ')') {
    let k = j - 1;
    while (k >= floor && j - k < 8 && tokens[k]!.text !== '(') k--;
    if (k >= floor && tokens[k]!.text === '(') j = k - 1;
  }
  while (j >= floor && skipped < 6) {
    const t = tokens[j]!;
    const time = lexicon.timeWords.has(t.lower) && (t.lower !== 'may' || !t.cap);
    if (lexicon.skipBeforeVerb.has(t.lower) || isAdverb(t) || time || /^\d+$/.test(t.text)) {
      j--;
      skipped++;
    } else break;
  }
  return j;
}

/** The noun phrase whose last token is `end`, going left no further than `floor`. */
export function phraseEndingAt(tokens: Token[], end: number, floor: number): Phrase | null {
  const head = tokens[end];
  if (!head || !head.word || isDottedAbbreviation(head)) return null;
  const pron = lexicon.pronouns.get(head.lower);
  if (pron) return { first: end, last: end + 1, kind: 'pronoun', nameFirst: end, nameLast: end + 1 };
  if (lexicon.clauseBoundaries.has(head.lower) || lexicon.npInnerLinks.has(head.lower) || isVerbForm(head))
    return null;
  if (/['’](?:d|ve|ll|re|m)$/i.test(head.text)) return null;
  let k = end;
  while (k - 1 >= floor && end - k < MAX_PHRASE) {
    const t = tokens[k - 1]!;
    if (!t.word) break;
    if (!t.cap && (lexicon.clauseBoundaries.has(t.lower) || isVerbForm(t) || lexicon.pronouns.has(t.lower)))
      break;
    if (t.cap && lexicon.pronouns.has(t.lower) && t.lower !== 'i') break;
    k--;
  }
  while (
    k < end &&
    tokens[k + 1]?.lower !== "'s" &&
    (lexicon.npInnerLinks.has(tokens[k]!.lower) ||
      LEADING_NOISE.has(tokens[k]!.lower) ||
      lexicon.timeWords.has(tokens[k]!.lower) ||
      isAdverb(tokens[k]!) ||
      /^\d+$/.test(tokens[k]!.text))
  )
    k++;
  if (head.cap) {
    const runStart = capitalRun(tokens, end, k);
    const before = tokens[runStart - 1];
    if (runStart > k && before && lexicon.npInnerLinks.has(before.lower)) {
      return { first: k, last: end + 1, kind: 'nominal', nameFirst: k, nameLast: end + 1 };
    }
    let nameFirst = runStart;
    while (nameFirst < end && isTitleLike(tokens[nameFirst]!)) nameFirst++;
    return { first: k, last: end + 1, kind: 'name', nameFirst, nameLast: end + 1 };
  }
  return { first: k, last: end + 1, kind: 'nominal', nameFirst: k, nameLast: end + 1 };
}

function isTitleLike(t: Token): boolean {
  const w = t.lower.replace(/\.$/, '');
  return (
    lexicon.titles.has(w) ||
    lexicon.maleHonorifics.has(w) ||
    lexicon.femaleHonorifics.has(w) ||
    w === 'the' ||
    w === 'assistant' ||
    w === 'acting' ||
    w === 'former' ||
    w === 'interim' ||
    w === 'deputy'
  );
}

/** The speaker standing before a verb at `verb`, looking through appositives ("X, the mayor of Y, said"). */
export function speakerBefore(tokens: Token[], verb: number, floor: number): Phrase | null {
  const j = skipToSubject(tokens, verb - 1, floor);
  if (j < floor) return null;
  const t = tokens[j]!;
  if (t.text === ',') return throughAppositive(tokens, j, floor);
  if (t.lower === 'who' || t.lower === 'which') {
    if (j - 1 >= floor && tokens[j - 1]!.text === ',') {
      const p = phraseEndingAt(tokens, j - 2, floor);
      return p && { ...p, viaRelative: true };
    }
    return null;
  }
  return phraseEndingAt(tokens, j, floor);
}

function throughAppositive(tokens: Token[], comma: number, floor: number): Phrase | null {
  let commas = 0;
  for (let k = comma - 1; k >= floor && comma - k <= 30; k--) {
    const t = tokens[k]!;
    if (t.text === ',') {
      const p = phraseEndingAt(tokens, k - 1, floor);
      if (p && (p.kind === 'name' || p.kind === 'pronoun')) return p;
      const inner = commas === 0 ? phraseEndingAt(tokens, comma - 1, k + 1) : null;
      if (inner && inner.kind === 'name' && inner.first === k + 1) {
        return { ...inner, clauseFirst: p ? p.first : inner.first };
      }
      if (p && p.kind === 'nominal' && p.first === floor) return p;
      if (++commas >= 3) return null;
      continue;
    }
    if (!t.word && !'-().&'.includes(t.text)) return null;
  }
  return null;
}

/** The speaker after an inverted verb ("…," said the rookie defenceman). */
export function speakerAfter(tokens: Token[], from: number, ceil: number): Phrase | null {
  const t = tokens[from];
  if (!t || from >= ceil || !t.word) return null;
  if (lexicon.pronouns.has(t.lower))
    return { first: from, last: from + 1, kind: 'pronoun', nameFirst: from, nameLast: from + 1 };
  return phraseStartingAt(tokens, from, ceil);
}

/** A noun phrase going right from `from`: a name run or a determiner phrase, stopping at prepositions. */
export function phraseStartingAt(tokens: Token[], from: number, ceil: number): Phrase | null {
  const t = tokens[from];
  if (!t || !t.word) return null;
  if (!t.cap && !lexicon.npDeterminers.has(t.lower) && lexicon.clauseBoundaries.has(t.lower)) return null;
  let k = from;
  while (k < ceil && k - from < MAX_PHRASE) {
    const u = tokens[k]!;
    if (!u.word) break;
    const afterNounMarker = /['’]s$/.test(tokens[k - 1]?.text ?? '') || tokens[k - 1]?.lower === 'the';
    // the possessive is a token of its own ("Iran" "'s")
    if (k > from && u.lower === "'s") {
      k++;
      continue;
    }
    if (k > from && !u.cap && (lexicon.clauseBoundaries.has(u.lower) || (isVerbForm(u) && !afterNounMarker)))
      break;
    if (k > from && (lexicon.pronouns.has(u.lower) || /['’](?:d|ve|ll|re|m)$/i.test(u.text))) break;
    if (k > from && lexicon.npDeterminers.has(u.lower) && !lexicon.npInnerLinks.has(tokens[k - 1]!.lower))
      break;
    if (k > from && lexicon.npInnerLinks.has(u.lower) && !u.cap) {
      const n = tokens[k + 1];
      if (!(u.lower === 'of' || u.lower === 'for') || !n || !n.word) break;
    }
    k++;
  }
  if (k === from) return null;
  let nameFirst = from;
  let nameLast = k;
  // name run inside: the last capitalised run of the phrase
  let e = k - 1;
  while (e >= from && !tokens[e]!.cap) e--;
  if (e >= from) {
    nameLast = e + 1;
    nameFirst = capitalRun(tokens, e, from);
    while (nameFirst < e && isTitleLike(tokens[nameFirst]!)) nameFirst++;
  }
  const titledName = !t.cap && lexicon.titles.has(t.lower) && e === k - 1 && nameFirst > from;
  const kind: PhraseKind = (t.cap && !lexicon.npDeterminers.has(t.lower)) || titledName ? 'name' : 'nominal';
  if (kind === 'nominal') {
    nameFirst = from;
    nameLast = k;
  }
  return { first: from, last: k, kind, nameFirst, nameLast };
}
