// The feed registry an earlier sitrep kept in the data folder's sitrep.db (the SQLite store's own
// feed tables), read without writing so that a PostgreSQL store can take it over once.
import Database from 'better-sqlite3';
import type { FeedRecord, SeenKey } from '../feed-types.ts';
import { toFeedRecord } from '../shared/queries/feeds.ts';

export interface LocalFeeds {
  feeds: FeedRecord[];
  /** Every item seen, oldest first, with the address of its feed. */
  seen: (SeenKey & { feedUrl: string; seenAt: number })[];
}

/** Null when the file is no SQLite database or holds no feed tables: nothing to carry over. */
export function readLocalFeeds(path: string): LocalFeeds | null {
  let db: Database.Database;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
  } catch {
    return null;
  }
  try {
    const feeds = (
      db.prepare('SELECT * FROM feed_sources ORDER BY id').all() as Record<string, unknown>[]
    ).map(toFeedRecord);
    const urlById = new Map(feeds.map((feed) => [feed.id, feed.url]));
    const rows = db
      .prepare('SELECT feed_id, guid, link, title, seen_at FROM feed_seen_items ORDER BY id')
      .all() as {
      feed_id: number;
      guid: string | null;
      link: string | null;
      title: string | null;
      seen_at: number;
    }[];
    const seen = rows.flatMap((row) => {
      const feedUrl = urlById.get(row.feed_id);
      return feedUrl
        ? [{ guid: row.guid, link: row.link, title: row.title, feedUrl, seenAt: row.seen_at }]
        : [];
    });
    return { feeds, seen };
  } catch {
    return null; // not a registry
  } finally {
    db.close();
  }
}
