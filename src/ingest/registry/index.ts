// The feed registry's contract (the registry lives in the store) and address normalisation.
export type { FeedRecord, FeedRegistryLike, SeenKey, SuccessUpdate, FailureUpdate } from './feed-registry.ts';
export { normalizeUrl } from './normalize-url.ts';
