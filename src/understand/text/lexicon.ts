// Word lists of the text layer: closed-class words, suffixless adjectives and common verbs (data/text/pos-lexicon.json), and
// the reporting verbs the quote stage also reads (data/quotes/lexicon.json), kept in one place each.
import { loadData } from './data.ts';
import { stem } from './tokens.ts';

interface PosLexiconFile {
  determiners: string[];
  possessives: string[];
  pronouns: string[];
  prepositions: string[];
  coordinators: string[];
  subordinators: string[];
  relatives: string[];
  be: string[];
  have: string[];
  do: string[];
  modals: string[];
  negations: string[];
  negatedAuxiliaries: string[];
  adverbs: string[];
  numbers: string[];
  adjectives: string[];
  adjectiveLikeNouns: string[];
  verbs: string[];
}

interface QuoteLexiconFile {
  speechVerbs: { forms: string[] };
  beliefVerbs: { forms: string[] };
}

const pos = loadData<PosLexiconFile>('text/pos-lexicon.json');
const quotes = loadData<QuoteLexiconFile>('quotes/lexicon.json');

const forms = (lines: string[]) => new Set(lines.flatMap((l) => l.split('|')));
const lemmas = (lines: string[]) =>
  new Map(lines.flatMap((l) => l.split('|').map((f) => [f, l.split('|')[0]!])));

export const reportingVerbs = {
  /** say, said, told, added … (every form). */
  speech: forms(quotes.speechVerbs.forms),
  /** believe, think, hope … */
  belief: forms(quotes.beliefVerbs.forms),
  /** Any reporting form → its lemma. */
  lemma: lemmas([...quotes.speechVerbs.forms, ...quotes.beliefVerbs.forms]),
};

/** Every form of "be", contractions included ("is", "being", "'s"). */
export const beForms: ReadonlySet<string> = new Set(pos.be);

/** Forms of be, have and do that carry no tense; contractions ("'s") are left to the tagger. */
const NON_FINITE = new Set(['be', 'been', 'being', 'having', 'doing', 'done']);

/** Finite auxiliaries: the tensed forms of be, have and do, and the modals ("is", "had", "did", "could"). */
export const finiteAuxiliaries: ReadonlySet<string> = new Set(
  [...pos.be, ...pos.have, ...pos.do, ...pos.modals].filter((w) => !NON_FINITE.has(w) && !w.startsWith("'")),
);

export const words = {
  determiners: new Set(pos.determiners),
  possessives: new Set(pos.possessives),
  pronouns: new Set(pos.pronouns),
  prepositions: new Set(pos.prepositions),
  coordinators: new Set(pos.coordinators),
  subordinators: new Set(pos.subordinators),
  relatives: new Set(pos.relatives),
  be: beForms,
  have: new Set(pos.have),
  do: new Set(pos.do),
  modals: new Set(pos.modals),
  negations: new Set(pos.negations),
  negatedAuxiliaries: new Set(pos.negatedAuxiliaries),
  adverbs: new Set(pos.adverbs),
  numbers: new Set(pos.numbers),
  /** Common adjectives no suffix marks ("new", "big", "full"). */
  adjectives: new Set(pos.adjectives),
  /** Common nouns that end as adjectives do ("president", "official", "proposal"). */
  adjectiveLikeNouns: new Set(pos.adjectiveLikeNouns),
  /** Stems of the common verbs and of every reporting verb. */
  verbStems: new Set([
    ...pos.verbs.map(stem),
    ...[...reportingVerbs.speech, ...reportingVerbs.belief].map(stem),
  ]),
};
