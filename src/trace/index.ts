// Trace: which documents are copies of which (reposts, excerpts, rewrites, same-site updates, and
// chains of them), the origin of each copy family, and stories of independent reports.
export { Tracer, originOf, indexKeys, type TracerOptions } from './tracer.ts';
export { RELATIONS, type Relation, type TraceInput, type TraceResult, type TraceDoc } from './types.ts';
export { fingerprint, type Fingerprint } from './fingerprint.ts';
export { traceInputFromArticle } from './from-article.ts';
