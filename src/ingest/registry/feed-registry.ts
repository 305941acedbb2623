// The followed feeds, their health and the items already seen, in SQLite (better-sqlite3).
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { SitrepError } from '../../model/index.ts';
import type { FailureUpdate, FeedRecord, SeenKey, SuccessUpdate } from '../../store/feed-types.ts';
import { normalizeUrl } from './normalize-url.ts';
import { FEED_SCHEMA } from './schema.ts';

export type { FeedRecord, SeenKey, SuccessUpdate, FailureUpdate };

type Awaitable<T> = T | Promise<T>;

/**
 * What polling needs of a registry: the store's (src/store, async, shared by every worker of a
 * database) or this one (a local SQLite file, synchronous).
 */
export interface FeedRegistryLike {
  add(url: string, title?: string | null, now?: number): Awaitable<{ feed: FeedRecord; added: boolean }>;
  get(idOrUrl: number | string): Awaitable<FeedRecord | null>;
  list(): Awaitable<FeedRecord[]>;
  due(now?: number, limit?: number): Awaitable<FeedRecord[]>;
  nextPollAt(): Awaitable<number | null>;
  remove(idOrUrl: number | string): Awaitable<boolean>;
  moveTo(id: number, url: string): Awaitable<boolean>;
  recordSuccess(id: number, update: SuccessUpdate, now?: number): Awaitable<void>;
  recordFailure(id: number, update: FailureUpdate, now?: number): Awaitable<void>;
  hasSeen(feedId: number, key: SeenKey): Awaitable<boolean>;
  markSeen(feedId: number, key: SeenKey, now?: number): Awaitable<number>;
  unmarkSeen(rowId: number): Awaitable<void>;
}

type Row = Record<string, unknown>;

const COLUMNS: [keyof FeedRecord, string][] = [
  ['id', 'id'],
  ['url', 'url'],
  ['title', 'title'],
  ['siteUrl', 'site_url'],
  ['etag', 'etag'],
  ['lastModified', 'last_modified'],
  ['contentHash', 'content_hash'],
  ['ttlMinutes', 'ttl_minutes'],
  ['intervalMinutes', 'interval_minutes'],
  ['nextPollAt', 'next_poll_at'],
  ['pollsSinceUnconditional', 'polls_since_unconditional'],
  ['errorCount', 'error_count'],
  ['lastPolledAt', 'last_polled_at'],
  ['lastSuccessAt', 'last_success_at'],
  ['lastErrorAt', 'last_error_at'],
  ['lastErrorCategory', 'last_error_category'],
  ['lastErrorMessage', 'last_error_message'],
  ['itemsSeen', 'items_seen'],
  ['addedAt', 'added_at'],
];

function toRecord(row: Row): FeedRecord {
  const record: Record<string, unknown> = {};
  for (const [key, column] of COLUMNS) record[key] = row[column] ?? null;
  return record as unknown as FeedRecord;
}

export class FeedRegistry implements FeedRegistryLike {
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();

  /** Prepared once per SQL text: preparing costs more than running these small statements. */
  private sql(text: string): Database.Statement {
    let statement = this.statements.get(text);
    if (!statement) {
      statement = this.db.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }

  /** readOnly: open an existing file to read it (for importing it elsewhere); nothing is created. */
  constructor(path: string, options: { readOnly?: boolean } = {}) {
    if (options.readOnly) {
      this.db = new Database(path, { readonly: true, fileMustExist: true });
      this.db.prepare('SELECT 1 FROM feed_sources LIMIT 1').get();
      return;
    }
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    try {
      this.db = new Database(path);
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('busy_timeout = 5000');
      // WAL with NORMAL sync is safe against corruption and avoids an fsync per seen item.
      this.db.pragma('synchronous = NORMAL');
      this.db.exec(FEED_SCHEMA);
    } catch (error) {
      throw new SitrepError(
        'store_failed',
        `${path}: cannot open the feed registry (${(error as Error).message})`,
        {
          input: path,
          cause: error,
        },
      );
    }
  }

  /** Adds a feed (due now); an address already followed is returned unchanged. */
  add(url: string, title: string | null = null, now = Date.now()): { feed: FeedRecord; added: boolean } {
    const existing = this.get(url);
    if (existing) return { feed: existing, added: false };
    const info = this.sql(
      'INSERT INTO feed_sources (url, title, next_poll_at, added_at) VALUES (?, ?, ?, ?)',
    ).run(url, title, now, now);
    return { feed: this.get(Number(info.lastInsertRowid)) as FeedRecord, added: true };
  }

  /** By id (a number or its decimal string) or by address. */
  get(idOrUrl: number | string): FeedRecord | null {
    const byId = typeof idOrUrl === 'number' || /^\d+$/.test(idOrUrl);
    const row = this.sql(`SELECT * FROM feed_sources WHERE ${byId ? 'id' : 'url'} = ?`).get(
      byId ? Number(idOrUrl) : idOrUrl,
    ) as Row | undefined;
    return row ? toRecord(row) : null;
  }

  list(): FeedRecord[] {
    return (this.sql('SELECT * FROM feed_sources ORDER BY id').all() as Row[]).map(toRecord);
  }

  /** Feeds whose next poll time has come, soonest first. */
  due(now = Date.now(), limit = 100_000): FeedRecord[] {
    const rows = this.sql(
      'SELECT * FROM feed_sources WHERE next_poll_at <= ? ORDER BY next_poll_at LIMIT ?',
    ).all(now, limit) as Row[];
    return rows.map(toRecord);
  }

  nextPollAt(): number | null {
    const row = this.sql('SELECT MIN(next_poll_at) AS next FROM feed_sources').get() as {
      next: number | null;
    };
    return row.next;
  }

  remove(idOrUrl: number | string): boolean {
    const feed = this.get(idOrUrl);
    if (!feed) return false;
    this.db.transaction(() => {
      this.sql('DELETE FROM feed_seen_items WHERE feed_id = ?').run(feed.id);
      this.sql('DELETE FROM feed_sources WHERE id = ?').run(feed.id);
    })();
    return true;
  }

  /** A permanent redirect: follow the feed at its new address (unless that one is followed already). */
  moveTo(id: number, url: string): boolean {
    if (this.get(url)) return false;
    this.sql('UPDATE feed_sources SET url = ? WHERE id = ?').run(url, id);
    return true;
  }

  recordSuccess(id: number, update: SuccessUpdate, now = Date.now()): void {
    this.sql(
      `UPDATE feed_sources SET title = COALESCE(?, title), site_url = COALESCE(?, site_url), etag = ?,
         last_modified = ?, content_hash = COALESCE(?, content_hash), ttl_minutes = ?, interval_minutes = ?,
         next_poll_at = ?, polls_since_unconditional = CASE WHEN ? THEN 0 ELSE polls_since_unconditional + 1 END,
         error_count = 0, last_polled_at = ?, last_success_at = ?, items_seen = items_seen + ? WHERE id = ?`,
    ).run(
      update.title,
      update.siteUrl,
      update.etag,
      update.lastModified,
      update.contentHash,
      update.ttlMinutes,
      update.intervalMinutes,
      Math.round(update.nextPollAt),
      update.unconditional ? 1 : 0,
      now,
      now,
      update.newItems,
      id,
    );
  }

  recordFailure(id: number, update: FailureUpdate, now = Date.now()): void {
    this.sql(
      `UPDATE feed_sources SET error_count = error_count + 1, last_polled_at = ?, last_error_at = ?,
         last_error_category = ?, last_error_message = ?, next_poll_at = ? WHERE id = ?`,
    ).run(now, now, update.category, update.message, Math.round(update.nextPollAt), id);
  }

  /** True when an item with this GUID (in this feed), link or normalised address was seen before. */
  hasSeen(feedId: number, key: SeenKey): boolean {
    const normalized = key.link ? normalizeUrl(key.link) : null;
    const row = this.sql(
      `SELECT 1 FROM feed_seen_items WHERE (guid IS NOT NULL AND feed_id = ? AND guid = ?)
         OR (link IS NOT NULL AND link = ?) OR (normalized_url IS NOT NULL AND normalized_url = ?) LIMIT 1`,
    ).get(feedId, key.guid, key.link, normalized);
    return row !== undefined;
  }

  /** Returns the row id, for unmarkSeen. */
  markSeen(feedId: number, key: SeenKey, now = Date.now()): number {
    const info = this.sql(
      'INSERT INTO feed_seen_items (feed_id, guid, link, normalized_url, title, seen_at) VALUES (?, ?, ?, ?, ?, ?)',
    ).run(feedId, key.guid, key.link, key.link ? normalizeUrl(key.link) : null, key.title ?? null, now);
    return Number(info.lastInsertRowid);
  }

  /** Every item seen, oldest first. */
  seenItems(): (SeenKey & { feedId: number; seenAt: number })[] {
    const rows = this.sql(
      'SELECT feed_id, guid, link, title, seen_at FROM feed_seen_items ORDER BY id',
    ).all() as {
      feed_id: number;
      guid: string | null;
      link: string | null;
      title: string | null;
      seen_at: number;
    }[];
    return rows.map((r) => ({
      feedId: r.feed_id,
      guid: r.guid,
      link: r.link,
      title: r.title,
      seenAt: r.seen_at,
    }));
  }

  unmarkSeen(rowId: number): void {
    this.sql('DELETE FROM feed_seen_items WHERE id = ?').run(rowId);
  }

  close(): void {
    this.db.close();
  }
}
