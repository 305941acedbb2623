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

export async function listQuotes(runner: SqlRunner, filter: QuoteFilter = {}): Promise<Page<StoredQuote>> {
  const { limit, offset } = paging(filter);
  const conditions = quoteConditions(filter);
  const [rows, total] = await Promise.all([
    runner.all<QuoteRow>(
      `SELECT q.data, q.document_id, d.title, d.published
       FROM quotes q JOIN documents d ON d.id = q.document_id
       ${conditions.where}
       ORDER BY d.sort_at DESC, d.added_at DESC, q.document_id, q.ordinal
       LIMIT ? OFFSET ?`,
      [...conditions.params, limit, offset],
    ),
    countRows(runner, `SELECT count(*) AS total FROM quotes q ${conditions.where}`, conditions.params),
  ]);
  const items = rows.map((row) => ({
    ...parseJson<Quote>(row.data),
    documentId: row.document_id,
    documentTitle: row.title,
    published: row.published,
  }));
  return { total, items };
}
