// Nouns naming acts ("Iran's threats", "drew criticism"). Such a noun mentions the act as background,
// not as something the sentence reports, when it is the complement of a preposition ("despite Iran's
// threats", "amid the talks") or the object of a verb of undergoing ("drew criticism", "faced
// sanctions"). As an argument of a clause ("the visit ended", "his visit to X", "Iran's threats were
// rejected") it is kept; as a predicate ("is a threat", "poses a threat") it names no act either.
// Acts of violence are exempt: "after the attack" still reports an attack.
import type { ActorSpan } from './actors.ts';
import type { PatternMatch } from './lexicon.ts';
import type { Token } from './text.ts';

const DETERMINERS = /^(?:the|a|an|this|that|these|those|such|no|any|another|further|fresh|new)$/;
const POSSESSIVE_PRONOUNS = /^(?:his|her|its|their|our)$/;
const POSSESSIVE = /['’]s$|s['’]$/;
/** Verbs whose object names an act done to the subject, by someone unnamed ("drew criticism"). */
const UNDERGOING = new Set(
  'draw drew drawn draws drawing face faced faces facing spark sparked sparks prompt prompted prompts trigger triggered triggers attract attracted attracts provoke provoked provokes'.split(
    ' ',
  ),
);
/** Adverbial prepositions whose complement is background ("after his visit" still reports the visit). */
const BACKGROUND = new Set(
  'despite amid amidst over about without regarding concerning before since ahead like'.split(' '),
);
/**
 * Words before a predicate noun: "is a threat", "considered a threat", "poses a threat", "seen as a
 * threat" say what something is, they report no act of it.
 */
const PREDICATIVE = new Set(
  'is was are were be been being becomes became remain remains remained considered deemed seen viewed regarded as pose poses posed posing'.split(
    ' ',
  ),
);
const AUXILIARY = /^(?:is|was|were|are|be|been|has|have|had|will|would|to|and|or|not|n't|also)$/;
const VIOLENT = /^(?:18|19|20)/;

/** True when the match is a noun naming a non-violent act that the sentence does not report as an event. */
export function unreportedNominal(m: PatternMatch, tokens: Token[], actors: ActorSpan[]): boolean {
  if (VIOLENT.test(m.pattern.code)) return false;
  const inActor = (i: number) => actors.some((a) => a.first <= i && i < a.last);
  const prev = tokens[m.first - 1];
  // "drew criticism from Y" names who criticised (undergone.ts); "drew criticism" does not.
  if (prev && UNDERGOING.has(prev.lower)) return !/^from$/.test(tokens[m.last]?.lower ?? '');
  // "regarding US pressure": a name used as a modifier opens the noun phrase as a determiner does.
  const modifier = actors.find(
    (a) => a.last === m.first && a.kind === 'named' && !POSSESSIVE.test(tokens[a.last - 1]?.text ?? ''),
  );
  if (modifier && BACKGROUND.has(tokens[modifier.first - 1]?.lower ?? '')) return true;
  // Back over up to two modifiers ("the harshest and", "its new") to the determiner or possessor.
  let k = m.first - 1;
  for (let n = 0; n < 3 && k >= 0; n++, k--) {
    const t = tokens[k];
    if (!t) return false;
    if (DETERMINERS.test(t.lower) || POSSESSIVE_PRONOUNS.test(t.lower) || POSSESSIVE.test(t.text)) break;
    if (n === 2 || inActor(k) || !/^\p{Ll}+$/u.test(t.text) || AUXILIARY.test(t.lower)) return false;
  }
  const det = tokens[k];
  if (!det) return false;
  const possessor = POSSESSIVE_PRONOUNS.test(det.lower) || (POSSESSIVE.test(det.text) && inActor(k));
  const phraseStart = possessor ? (actors.find((a) => a.first <= k && k < a.last)?.first ?? k) : k;
  const before = tokens[phraseStart - 1]?.lower ?? '';
  return BACKGROUND.has(before) || (!possessor && PREDICATIVE.has(before));
}
