import type Database from 'better-sqlite3';
import type { ListOptions, Page, SearchHit } from '../types.ts';
import { paging } from '../shared/paging.ts';
import { parseSearchQuery, toFts5Match } from '../shared/search-query.ts';
import { SUMMARY_COLUMNS, toSummary, type SummaryRow } from '../shared/queries/decode.ts';

/** bm25 column weights (title, head, body): a match in the title counts five times one in the text. */
const RANK = 'bm25(documents_fts, 5.0, 1.0, 1.0)';

interface HitRow extends SummaryRow {
  score: number;
  head_highlight: string;
  title_highlight: string;
}

/** The text around a match at its start, else the title if the match is only there. */
function pickHighlight(row: HitRow): string {
  const head = row.head_highlight ?? '';
  const chosen =
    !head.includes('[') && (row.title_highlight ?? '').includes('[') ? row.title_highlight : head;
  return chosen.replace(/\s+/g, ' ').trim();
}

export function prepareSearch(db: Database.Database) {
  const hits = db.prepare(
    `SELECT ${SUMMARY_COLUMNS}, -${RANK} AS score,
            snippet(documents_fts, 1, '[', ']', '…', 24) AS head_highlight,
            snippet(documents_fts, 0, '[', ']', '…', 24) AS title_highlight
       FROM documents_fts JOIN documents d ON d.seq = documents_fts.rowid
      WHERE documents_fts MATCH ?
      ORDER BY ${RANK}, d.sort_at DESC, d.id
      LIMIT ? OFFSET ?`,
  );
  const count = db.prepare('SELECT count(*) AS total FROM documents_fts WHERE documents_fts MATCH ?');
  return (query: string, options?: ListOptions): Page<SearchHit> => {
    const { limit, offset } = paging(options);
    const parsed = parseSearchQuery(query);
    if (!parsed.length) return { total: 0, items: [] };
    const match = toFts5Match(parsed);
    const rows = hits.all(match, limit, offset) as HitRow[];
    const { total } = count.get(match) as { total: number };
    const items = rows.map((row) => ({
      ...toSummary(row),
      score: row.score,
      highlight: pickHighlight(row),
    }));
    return { total, items };
  };
}
