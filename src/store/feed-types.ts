// The feed registry's records, as the store keeps them (both dialects).

export interface FeedRecord {
  id: number;
  url: string;
  title: string | null;
  siteUrl: string | null;
  etag: string | null;
  lastModified: string | null;
  contentHash: string | null;
  ttlMinutes: number | null;
  intervalMinutes: number | null;
  /** Epoch milliseconds, as every time here. */
  nextPollAt: number;
  pollsSinceUnconditional: number;
  errorCount: number;
  lastPolledAt: number | null;
  lastSuccessAt: number | null;
  lastErrorAt: number | null;
  /** A fetch category (see src/ingest/fetch). */
  lastErrorCategory: string | null;
  lastErrorMessage: string | null;
  itemsSeen: number;
  addedAt: number;
}

export interface SeenKey {
  guid: string | null;
  link: string | null;
  title?: string | null;
}

export interface SuccessUpdate {
  title: string | null;
  siteUrl: string | null;
  etag: string | null;
  lastModified: string | null;
  contentHash: string | null;
  ttlMinutes: number | null;
  intervalMinutes: number;
  nextPollAt: number;
  newItems: number;
  unconditional: boolean;
}

export interface FailureUpdate {
  category: string;
  message: string;
  nextPollAt: number;
}

/** The registry in the store: every method may be called by many workers of one database at once. */
export interface FeedStore {
  /** Adds a feed (due now); an address already followed is returned unchanged. */
  add(url: string, title?: string | null, now?: number): Promise<{ feed: FeedRecord; added: boolean }>;
  /** By id (a number or its decimal string) or by address. */
  get(idOrUrl: number | string): Promise<FeedRecord | null>;
  list(): Promise<FeedRecord[]>;
  /** Feeds whose next poll time has come, soonest first. */
  due(now?: number, limit?: number): Promise<FeedRecord[]>;
  nextPollAt(): Promise<number | null>;
  remove(idOrUrl: number | string): Promise<boolean>;
  /** A permanent redirect: follow the feed at its new address (unless that one is followed already). */
  moveTo(id: number, url: string): Promise<boolean>;
  recordSuccess(id: number, update: SuccessUpdate, now?: number): Promise<void>;
  recordFailure(id: number, update: FailureUpdate, now?: number): Promise<void>;
  /** True when an item with this GUID (in this feed), link or normalised address was seen before. */
  hasSeen(feedId: number, key: SeenKey): Promise<boolean>;
  /** Marks it seen (once: a key seen already is not added again); returns the row id. */
  markSeen(feedId: number, key: SeenKey, now?: number): Promise<number>;
  unmarkSeen(rowId: number): Promise<void>;
  /**
   * Copies feeds and seen items from another registry once per `source` name (a second call with
   * the same name does nothing and returns null); feeds already followed here are kept as they are.
   */
  importOnce(
    source: string,
    feeds: FeedRecord[],
    seen: (SeenKey & { feedUrl: string; seenAt: number })[],
  ): Promise<{ feeds: number; seen: number } | null>;
  /** Counts for `sitrep status`. */
  health(now?: number): Promise<FeedHealth>;
}

export interface FeedHealth {
  feeds: number;
  due: number;
  /** Feeds whose last poll failed. */
  failing: number;
  /** The soonest next poll, epoch ms. */
  nextPollAt: number | null;
}
