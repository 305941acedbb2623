// What polling and the feed routes need of a feed registry. The registry itself is the store's
// (src/store: SQLite or PostgreSQL, shared by every worker of a database).
import type { FailureUpdate, FeedRecord, SeenKey, SuccessUpdate } from '../../store/feed-types.ts';

export type { FeedRecord, SeenKey, SuccessUpdate, FailureUpdate };

export interface FeedRegistryLike {
  add(url: string, title?: string | null, now?: number): Promise<{ feed: FeedRecord; added: boolean }>;
  get(idOrUrl: number | string): Promise<FeedRecord | null>;
  list(): Promise<FeedRecord[]>;
  due(now?: number, limit?: number): Promise<FeedRecord[]>;
  nextPollAt(): Promise<number | null>;
  remove(idOrUrl: number | string): Promise<boolean>;
  moveTo(id: number, url: string): Promise<boolean>;
  recordSuccess(id: number, update: SuccessUpdate, now?: number): Promise<void>;
  recordFailure(id: number, update: FailureUpdate, now?: number): Promise<void>;
  hasSeen(feedId: number, key: SeenKey): Promise<boolean>;
  markSeen(feedId: number, key: SeenKey, now?: number): Promise<number>;
  unmarkSeen(rowId: number): Promise<void>;
}
