import type pg from 'pg';
import type { ListOptions, Page, SearchHit } from '../types.ts';
import { paging } from '../shared/paging.ts';
import { parseSearchQuery, toTsQuerySql } from '../shared/search-query.ts';
import { SUMMARY_COLUMNS, toSummary, type SummaryRow } from '../shared/queries/decode.ts';

const CONFIG = 'english';
const HEADLINE_OPTIONS =
  'StartSel=[, StopSel=], MaxWords=35, MinWords=15, ShortWord=3, MaxFragments=2, FragmentDelimiter=" … "';

/** ts_headline reads the whole text it is given: only the start of long texts is highlighted. */
const HEADLINE_SOURCE = 20000;

interface HitRow extends SummaryRow {
  score: number;
  highlight: string;
}

/** ts_rank weights title (A) 1.0 against text (B) 0.4; the highlight comes from the title and the text's start. */
export async function search(
  pool: Pick<pg.Pool, 'query'>,
  query: string,
  options?: ListOptions,
): Promise<Page<SearchHit>> {
  const { limit, offset } = paging(options);
  const parsed = parseSearchQuery(query);
  if (!parsed.length) return { total: 0, items: [] };
  const params: unknown[] = [];
  const param = (value: unknown) => `$${params.push(value)}`;
  const tsquery = toTsQuerySql(parsed, CONFIG, param);
  const countSql = `SELECT count(*) AS total FROM documents d WHERE d.search @@ (${tsquery})`;
  const countParams = [...params];
  // The tsquery is written out where it is used (same placeholders) rather than in a CTE, so the
  // planner sees it as a constant and can use the GIN index.
  const hitsSql = `SELECT ${SUMMARY_COLUMNS}, hits.score,
           ts_headline('${CONFIG}', coalesce(d.title, '') || E'\\n\\n' || left(d.text, ${HEADLINE_SOURCE}), ${tsquery}, ${param(HEADLINE_OPTIONS)}) AS highlight
      FROM (SELECT d.id, ts_rank(d.search, ${tsquery}) AS score
              FROM documents d
             WHERE d.search @@ (${tsquery})
             ORDER BY score DESC, d.sort_at DESC, d.id
             LIMIT ${param(limit)} OFFSET ${param(offset)}) hits
      JOIN documents d ON d.id = hits.id
     ORDER BY hits.score DESC, d.sort_at DESC, d.id`;
  const [hits, count] = await Promise.all([
    pool.query<HitRow>(hitsSql, params),
    pool.query<{ total: string }>(countSql, countParams),
  ]);
  const items = hits.rows.map((row) => ({
    ...toSummary(row),
    score: Number(row.score),
    highlight: row.highlight.replace(/\s+/g, ' ').trim(),
  }));
  return { total: Number(count.rows[0]?.total ?? 0), items };
}
