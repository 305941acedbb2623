// The feed registry: followed feeds, their health, seen items.
export { FeedRegistry } from './feed-registry.ts';
export type { FeedRecord, FeedRegistryLike, SeenKey, SuccessUpdate, FailureUpdate } from './feed-registry.ts';
export { normalizeUrl } from './normalize-url.ts';
