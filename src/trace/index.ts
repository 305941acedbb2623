// Trace: which documents are copies of which (reposts, excerpts, rewrites, same-site updates, and
// chains of them), the origin of each copy family, and stories of independent reports.
export {
  Tracer,
  originOf,
  indexKeys,
  isSampled,
  describeInput,
  MAX_STORED_KEYS,
  type TracerOptions,
} from './tracer.ts';
export { RELATIONS, type Relation, type TraceInput, type TraceResult, type TraceDoc } from './types.ts';
export { fingerprint, type Fingerprint } from './fingerprint.ts';
export { traceInputFromArticle } from './from-article.ts';
export { freezeDoc, thawDoc, thawWords, type FrozenDoc } from './frozen.ts';
export { ReachIndex } from './reach-index.ts';
export { leadNames, storyMatches } from './stories.ts';
