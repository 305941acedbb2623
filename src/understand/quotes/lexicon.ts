// The quote stage's word lists, read once from data/quotes/lexicon.json.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

interface LexiconFile {
  speechVerbs: {
    forms: string[];
    needsComplementizer: string[];
    takesAddressee: string[];
    objectThenQuote: string[];
  };
  beliefVerbs: { forms: string[] };
  stanceVerbs: { forms: string[] };
  reportingNouns: { verbs: string[]; nouns: string[] };
  accordingTo: string[];
  sourceOfSource: string[];
  skipBeforeVerb: string[];
  timeWords: string[];
  clauseBoundaries: string[];
  npDeterminers: string[];
  npInnerLinks: string[];
  pronouns: Record<string, string>;
  honorifics: { male: string[]; female: string[] };
  titles: string[];
  orgWords: string[];
  mediaNames: string[];
  mediumNouns: string[];
  workTitleCues: string[];
  abbreviations: string[];
}

export interface VerbInfo {
  lemma: string;
  /** A speech verb (said) or a stance (believes), which only counts with a that-clause. */
  kind: 'speech' | 'belief' | 'stance';
  /** True when a bare complement is not enough ("added", "announced" need that / a quote / a colon). */
  needsComplementizer: boolean;
  takesAddressee: boolean;
  /** Reports words only with a quotation after its object ("called the plan \"a disaster\""). */
  objectThenQuote: boolean;
  participle: boolean;
  /** The past form (said, told), which can also be a passive participle. */
  past: boolean;
  /** The base form (say, claim), which is often a noun. */
  base: boolean;
}

export interface Lexicon {
  /** Keyed by the lower-cased form; multiword verbs ("pointed out") by both words. */
  verbs: Map<string, VerbInfo>;
  reportingNounVerbs: Set<string>;
  reportingNouns: Set<string>;
  sourceOfSource: string[];
  skipBeforeVerb: Set<string>;
  timeWords: Set<string>;
  clauseBoundaries: Set<string>;
  npDeterminers: Set<string>;
  npInnerLinks: Set<string>;
  pronouns: Map<string, string>;
  maleHonorifics: Set<string>;
  femaleHonorifics: Set<string>;
  titles: Set<string>;
  orgWords: Set<string>;
  mediaNames: Set<string>;
  mediumNouns: Set<string>;
  workTitleCues: Set<string>;
  abbreviations: Set<string>;
}

function addVerbForms(
  into: Lexicon['verbs'],
  formsList: string[],
  kind: VerbInfo['kind'],
  needsThat: Set<string>,
  addressee: Set<string>,
  objectQuote: Set<string> = new Set(),
): void {
  for (const line of formsList) {
    const forms = line.split('|');
    const lemma = forms[0]!;
    forms.forEach((form, i) => {
      const key = form;
      if (into.has(key)) return;
      into.set(key, {
        lemma,
        kind,
        needsComplementizer: kind === 'belief' || needsThat.has(lemma),
        takesAddressee: addressee.has(lemma),
        objectThenQuote: objectQuote.has(lemma),
        participle: i === 3,
        past: i === 2,
        base: i === 0,
      });
    });
  }
}

function load(): Lexicon {
  const path = fileURLToPath(new URL('../../../data/quotes/lexicon.json', import.meta.url));
  const raw = JSON.parse(readFileSync(path, 'utf8')) as LexiconFile;
  const verbs: Lexicon['verbs'] = new Map();
  const needsThat = new Set(raw.speechVerbs.needsComplementizer);
  const addressee = new Set(raw.speechVerbs.takesAddressee);
  const objectQuote = new Set(raw.speechVerbs.objectThenQuote);
  addVerbForms(verbs, raw.speechVerbs.forms, 'speech', needsThat, addressee, objectQuote);
  addVerbForms(verbs, raw.beliefVerbs.forms, 'belief', needsThat, addressee);
  addVerbForms(verbs, raw.stanceVerbs.forms, 'stance', needsThat, addressee);
  const set = (xs: string[]) => new Set(xs.map((x) => x.toLowerCase()));
  return {
    verbs,
    reportingNounVerbs: set(raw.reportingNouns.verbs),
    reportingNouns: set(raw.reportingNouns.nouns),
    sourceOfSource: raw.sourceOfSource,
    skipBeforeVerb: set(raw.skipBeforeVerb),
    timeWords: set(raw.timeWords),
    clauseBoundaries: set(raw.clauseBoundaries),
    npDeterminers: set(raw.npDeterminers),
    npInnerLinks: set(raw.npInnerLinks),
    pronouns: new Map(Object.entries(raw.pronouns)),
    maleHonorifics: set(raw.honorifics.male),
    femaleHonorifics: set(raw.honorifics.female),
    titles: set(raw.titles),
    orgWords: set(raw.orgWords),
    mediaNames: set(raw.mediaNames),
    mediumNouns: set(raw.mediumNouns),
    workTitleCues: set(raw.workTitleCues),
    abbreviations: set(raw.abbreviations),
  };
}

export const lexicon: Lexicon = load();
