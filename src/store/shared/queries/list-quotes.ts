import type { Quote } from '../../../model/index.ts';
import type { Page, QuoteFilter, StoredQuote } from '../../types.ts';
import { wholeWordsPattern, wordPrefixPatterns } from '../name-key.ts';
import { paging } from '../paging.ts';
import { Conditions, countRows, type SqlRunner } from '../sql-runner.ts';
import { parseJson } from './decode.ts';

interface QuoteRow {
  data: unknown;
  document_id: string;
  title: string | null;
  published: string | null;
}

/**
 * speaker: the speaker's name as whole words, any case or accents ("ruto" finds "William Ruto"),
 * or the speaker's entity id exactly. search: every word of it starts a word of the quote.
 */
export function quoteConditions(filter: QuoteFilter): Conditions {
  const conditions = new Conditions();
  if (filter.documentId !== undefined) conditions.add('q.document_id = ?', filter.documentId);
  if (filter.speaker !== undefined) {
    const pattern = wholeWordsPattern(filter.speaker);
    if (pattern) conditions.add('q.speaker_key LIKE ? OR q.speaker_entity_id = ?', pattern, filter.speaker);
    else conditions.add('q.speaker_entity_id = ?', filter.speaker);
  }
  for (const pattern of wordPrefixPatterns(filter.search ?? '')) conditions.add('q.text_key LIKE ?', pattern);
  return conditions;
}

/** One quote as several reports: the same words from the same speaker within one story (src/trace). */
const REPORTS = `SELECT q.*, coalesce(t.story_id, q.document_id) AS story_key,
    coalesce(t.origin_id, q.document_id) AS origin_key, coalesce(t.seq, 0) AS trace_seq,
    coalesce(q.speaker_key, '') AS speaker_group
  FROM quotes q LEFT JOIN trace_documents t ON t.document_id = q.document_id`;
const SAME_QUOTE = 'story_key, speaker_group, text_key';

/**
 * Newest articles first. By default a quote carried by several documents is listed once (its
 * earliest traced report) with its reports and independent origins; `allReports` lists each.
 */
export async function listQuotes(runner: SqlRunner, filter: QuoteFilter = {}): Promise<Page<StoredQuote>> {
  const { limit, offset } = paging(filter);
  const conditions = quoteConditions(filter);
  const pick = filter.allReports ? '' : 'WHERE c.nth = 1';
  const [rows, total] = await Promise.all([
    runner.all<QuoteRow & { reports: number | string; origins: number | string }>(
      `WITH r AS (${REPORTS} ${conditions.where}),
       counted AS (
         SELECT r.*, count(*) OVER (PARTITION BY ${SAME_QUOTE}) AS reports,
           row_number() OVER (PARTITION BY ${SAME_QUOTE} ORDER BY trace_seq, document_id, ordinal) AS nth
         FROM r
       ),
       origins AS (SELECT ${SAME_QUOTE}, count(DISTINCT origin_key) AS origins FROM r GROUP BY ${SAME_QUOTE})
       SELECT c.data, c.document_id, d.title, d.published, c.reports, o.origins
       FROM counted c JOIN documents d ON d.id = c.document_id
       JOIN origins o ON o.story_key = c.story_key AND o.speaker_group = c.speaker_group AND o.text_key = c.text_key
       ${pick}
       ORDER BY d.sort_at DESC, d.added_at DESC, c.document_id, c.ordinal
       LIMIT ? OFFSET ?`,
      [...conditions.params, limit, offset],
    ),
    filter.allReports
      ? countRows(runner, `SELECT count(*) AS total FROM quotes q ${conditions.where}`, conditions.params)
      : countRows(
          runner,
          `SELECT count(*) AS total FROM (SELECT DISTINCT ${SAME_QUOTE} FROM (${REPORTS} ${conditions.where}) r) g`,
          conditions.params,
        ),
  ]);
  const items = rows.map((row) => ({
    ...parseJson<Quote>(row.data),
    documentId: row.document_id,
    documentTitle: row.title,
    published: row.published,
    reports: Number(row.reports),
    origins: Number(row.origins),
  }));
  return { total, items };
}
