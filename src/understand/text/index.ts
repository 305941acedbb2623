// The text layer of understand: one tokenizer, one list of abbreviations, one sentence splitter, a
// part-of-speech and chunk layer and clauses, built once per article (readText) and read by
// entities, quotes, events and actors.
export { readText, textDocFor, TextDoc } from './doc.ts';
export {
  tokenize,
  tokenAt,
  normalizeKey,
  stem,
  wordToken,
  withPlurals,
  stripPossessive,
  type Token,
} from './tokens.ts';
export { isAbbreviation, isTitleAbbreviation } from './abbreviations.ts';
export { findQuotedSpans, findSingleQuoted, type QuotedSpan } from './marks.ts';
export type { Sentence } from './sentences.ts';
export { isParticiple, isPastForm, type Chunk, type Pos } from './pos.ts';
export type { Clause, ClauseKind, VerbGroup } from './clauses.ts';
export { beForms, finiteAuxiliaries, reportingVerbs } from './lexicon.ts';
