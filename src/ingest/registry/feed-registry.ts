// What polling and the feed routes need of a feed registry. The registry itself is the store's
// (src/store: SQLite or PostgreSQL, shared by every worker of a database).
import type { FailureUpdate, FeedRecord, FeedStore, SeenKey, SuccessUpdate } from '../../store/feed-types.ts';

export type { FeedRecord, SeenKey, SuccessUpdate, FailureUpdate };

/** The store's feed registry without its import and status counts, which polling never calls. */
export type FeedRegistryLike = Omit<FeedStore, 'importOnce' | 'health'>;
