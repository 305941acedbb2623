// The feed registry, written once for both databases (`?` placeholders; RETURNING and
// INSERT … SELECT … WHERE NOT EXISTS work in SQLite and PostgreSQL alike). Times are epoch ms;
// PostgreSQL returns its bigint columns as strings, so every number is read through Number().
import { normalizeUrl } from '../../../ingest/registry/normalize-url.ts';
import type {
  FailureUpdate,
  FeedHealth,
  FeedRecord,
  FeedStore,
  SeenKey,
  SuccessUpdate,
} from '../../feed-types.ts';
import type { SqlRunner } from '../sql-runner.ts';

type Row = Record<string, unknown>;

const COLUMNS: [keyof FeedRecord, string, 'number' | 'text'][] = [
  ['id', 'id', 'number'],
  ['url', 'url', 'text'],
  ['title', 'title', 'text'],
  ['siteUrl', 'site_url', 'text'],
  ['etag', 'etag', 'text'],
  ['lastModified', 'last_modified', 'text'],
  ['contentHash', 'content_hash', 'text'],
  ['ttlMinutes', 'ttl_minutes', 'number'],
  ['intervalMinutes', 'interval_minutes', 'number'],
  ['nextPollAt', 'next_poll_at', 'number'],
  ['pollsSinceUnconditional', 'polls_since_unconditional', 'number'],
  ['errorCount', 'error_count', 'number'],
  ['lastPolledAt', 'last_polled_at', 'number'],
  ['lastSuccessAt', 'last_success_at', 'number'],
  ['lastErrorAt', 'last_error_at', 'number'],
  ['lastErrorCategory', 'last_error_category', 'text'],
  ['lastErrorMessage', 'last_error_message', 'text'],
  ['itemsSeen', 'items_seen', 'number'],
  ['addedAt', 'added_at', 'number'],
];

export function toFeedRecord(row: Row): FeedRecord {
  const record: Record<string, unknown> = {};
  for (const [key, column, kind] of COLUMNS) {
    const value = row[column] ?? null;
    record[key] = value === null ? null : kind === 'number' ? Number(value) : value;
  }
  return record as unknown as FeedRecord;
}

const isId = (idOrUrl: number | string): boolean => typeof idOrUrl === 'number' || /^\d+$/.test(idOrUrl);

export class SqlFeedStore implements FeedStore {
  constructor(
    private readonly runner: SqlRunner,
    /** The store's unit: writes of several statements are whole or not at all. */
    private readonly unit: <T>(work: () => Promise<T>) => Promise<T>,
  ) {}

  async add(url: string, title: string | null = null, now = Date.now()) {
    const existing = await this.get(url);
    if (existing) return { feed: existing, added: false };
    // Two workers adding one address at once: the second inserts nothing and reads the first's row.
    const inserted = await this.unit(() =>
      this.runner.all<Row>(
        `INSERT INTO feed_sources (url, title, next_poll_at, added_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (url) DO NOTHING RETURNING *`,
        [url, title, now, now],
      ),
    );
    if (inserted[0]) return { feed: toFeedRecord(inserted[0]), added: true };
    return { feed: (await this.get(url))!, added: false };
  }

  /**
   * One statement as a unit of its own: on SQLite, inside a poll's batch, it then commits with the
   * batch's documents instead of committing the batch early (a lone write would; see SqliteUnits.write).
   */
  private write(sql: string, params: unknown[]): Promise<number> {
    return this.unit(() => this.runner.run(sql, params));
  }

  async get(idOrUrl: number | string): Promise<FeedRecord | null> {
    const byId = isId(idOrUrl);
    if (byId && !Number.isSafeInteger(Number(idOrUrl))) return null;
    const rows = await this.runner.all<Row>(`SELECT * FROM feed_sources WHERE ${byId ? 'id' : 'url'} = ?`, [
      byId ? Number(idOrUrl) : idOrUrl,
    ]);
    return rows[0] ? toFeedRecord(rows[0]) : null;
  }

  async list(): Promise<FeedRecord[]> {
    return (await this.runner.all<Row>('SELECT * FROM feed_sources ORDER BY id')).map(toFeedRecord);
  }

  async due(now = Date.now(), limit = 100_000): Promise<FeedRecord[]> {
    const rows = await this.runner.all<Row>(
      'SELECT * FROM feed_sources WHERE next_poll_at <= ? ORDER BY next_poll_at, id LIMIT ?',
      [now, limit],
    );
    return rows.map(toFeedRecord);
  }

  async nextPollAt(): Promise<number | null> {
    const rows = await this.runner.all<{ next: number | string | null }>(
      'SELECT min(next_poll_at) AS next FROM feed_sources',
    );
    const next = rows[0]?.next ?? null;
    return next === null ? null : Number(next);
  }

  async remove(idOrUrl: number | string): Promise<boolean> {
    const feed = await this.get(idOrUrl);
    if (!feed) return false;
    return this.unit(async () => {
      await this.runner.run('DELETE FROM feed_seen_items WHERE feed_id = ?', [feed.id]);
      return (await this.runner.run('DELETE FROM feed_sources WHERE id = ?', [feed.id])) > 0;
    });
  }

  async moveTo(id: number, url: string): Promise<boolean> {
    if (await this.get(url)) return false;
    await this.unit(() => this.runner.run('UPDATE feed_sources SET url = ? WHERE id = ?', [url, id]));
    return true;
  }

  async recordSuccess(id: number, update: SuccessUpdate, now = Date.now()): Promise<void> {
    await this.write(
      `UPDATE feed_sources SET title = COALESCE(?, title), site_url = COALESCE(?, site_url), etag = ?,
         last_modified = ?, content_hash = COALESCE(?, content_hash), ttl_minutes = ?, interval_minutes = ?,
         next_poll_at = ?, polls_since_unconditional = CASE WHEN ? = 1 THEN 0 ELSE polls_since_unconditional + 1 END,
         error_count = 0, last_polled_at = ?, last_success_at = ?, items_seen = items_seen + ? WHERE id = ?`,
      [
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
      ],
    );
  }

  async recordFailure(id: number, update: FailureUpdate, now = Date.now()): Promise<void> {
    await this.write(
      `UPDATE feed_sources SET error_count = error_count + 1, last_polled_at = ?, last_error_at = ?,
         last_error_category = ?, last_error_message = ?, next_poll_at = ? WHERE id = ?`,
      [now, now, update.category, update.message, Math.round(update.nextPollAt), id],
    );
  }

  async hasSeen(feedId: number, key: SeenKey): Promise<boolean> {
    const normalized = key.link ? normalizeUrl(key.link) : null;
    const rows = await this.runner.all(
      `SELECT 1 AS seen FROM feed_seen_items WHERE (feed_id = ? AND guid = ?) OR link = ? OR normalized_url = ?
       LIMIT 1`,
      [feedId, key.guid, key.link, normalized],
    );
    return rows.length > 0;
  }

  markSeen(feedId: number, key: SeenKey, now = Date.now()): Promise<number> {
    return this.unit(() => this.insertSeen(feedId, key, now));
  }

  private async insertSeen(feedId: number, key: SeenKey, now: number): Promise<number> {
    const normalized = key.link ? normalizeUrl(key.link) : null;
    const inserted = await this.runner.all<{ id: number | string }>(
      `INSERT INTO feed_seen_items (feed_id, guid, link, normalized_url, title, seen_at)
       SELECT CAST(? AS INTEGER), CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS TEXT),
              CAST(? AS BIGINT)
        WHERE NOT EXISTS (
         SELECT 1 FROM feed_seen_items WHERE feed_id = ? AND guid IS NOT DISTINCT FROM ?
           AND link IS NOT DISTINCT FROM ?)
       RETURNING id`,
      [feedId, key.guid, key.link, normalized, key.title ?? null, now, feedId, key.guid, key.link],
    );
    if (inserted[0]) return Number(inserted[0].id);
    const rows = await this.runner.all<{ id: number | string }>(
      `SELECT id FROM feed_seen_items WHERE feed_id = ? AND guid IS NOT DISTINCT FROM ?
         AND link IS NOT DISTINCT FROM ? ORDER BY id LIMIT 1`,
      [feedId, key.guid, key.link],
    );
    return Number(rows[0]!.id);
  }

  async unmarkSeen(rowId: number): Promise<void> {
    await this.write('DELETE FROM feed_seen_items WHERE id = ?', [rowId]);
  }

  importOnce(
    source: string,
    feeds: FeedRecord[],
    seen: (SeenKey & { feedUrl: string; seenAt: number })[],
  ): Promise<{ feeds: number; seen: number } | null> {
    return this.unit(async () => {
      const claimed = await this.runner.run(
        `INSERT INTO feed_imports (source, feeds, imported_at) VALUES (?, ?, ?) ON CONFLICT (source) DO NOTHING`,
        [source, feeds.length, Date.now()],
      );
      if (claimed === 0) return null;
      let added = 0;
      const ids = new Map<string, number>();
      for (const feed of feeds) {
        const inserted = await this.runner.all<{ id: number | string }>(
          `INSERT INTO feed_sources (url, title, site_url, etag, last_modified, content_hash, ttl_minutes,
             interval_minutes, next_poll_at, polls_since_unconditional, error_count, last_polled_at,
             last_success_at, last_error_at, last_error_category, last_error_message, items_seen, added_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (url) DO NOTHING RETURNING id`,
          [
            feed.url,
            feed.title,
            feed.siteUrl,
            feed.etag,
            feed.lastModified,
            feed.contentHash,
            feed.ttlMinutes,
            feed.intervalMinutes,
            feed.nextPollAt,
            feed.pollsSinceUnconditional,
            feed.errorCount,
            feed.lastPolledAt,
            feed.lastSuccessAt,
            feed.lastErrorAt,
            feed.lastErrorCategory,
            feed.lastErrorMessage,
            feed.itemsSeen,
            feed.addedAt,
          ],
        );
        if (inserted[0]) {
          added++;
          ids.set(feed.url, Number(inserted[0].id));
        }
      }
      let copied = 0;
      for (const item of seen) {
        const feedId = ids.get(item.feedUrl);
        if (feedId === undefined) continue;
        await this.insertSeen(feedId, item, item.seenAt);
        copied++;
      }
      return { feeds: added, seen: copied };
    });
  }

  async health(now = Date.now()): Promise<FeedHealth> {
    const rows = await this.runner.all<Record<string, number | string | null>>(
      `SELECT count(*) AS feeds,
              sum(CASE WHEN next_poll_at <= ? THEN 1 ELSE 0 END) AS due,
              sum(CASE WHEN error_count > 0 THEN 1 ELSE 0 END) AS failing,
              min(next_poll_at) AS next
         FROM feed_sources`,
      [now],
    );
    const row = rows[0] ?? {};
    return {
      feeds: Number(row.feeds ?? 0),
      due: Number(row.due ?? 0),
      failing: Number(row.failing ?? 0),
      nextPollAt: row.next === null || row.next === undefined ? null : Number(row.next),
    };
  }
}
