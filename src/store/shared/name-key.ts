// Case- and accent-insensitive matching of names and words, done the same way in SQLite and
// PostgreSQL: both stores keep a "key" column, normalised here, and match it with LIKE. SQLite's
// lower() only folds ASCII, so the folding cannot be left to the database.

/** Lower case, accents removed, every run of non-alphanumerics one space. */
export function normalizeWords(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The stored form: normalised words padded with spaces, so ' putin ' can be found inside it. */
export function nameKey(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return ` ${normalizeWords(value)} `;
}

/**
 * A LIKE pattern matching a key that contains the query as whole words: 'putin' matches
 * 'Vladimir Putin' but 'put' does not. Keys hold only letters, digits and spaces, so the
 * pattern needs no escaping. Null when the query has no letters or digits.
 */
export function wholeWordsPattern(query: string): string | null {
  const words = normalizeWords(query);
  return words ? `% ${words} %` : null;
}

/** LIKE patterns for each word of a free-text query, each matching a word that starts with it. */
export function wordPrefixPatterns(query: string): string[] {
  const words = normalizeWords(query);
  return words ? words.split(' ').map((word) => `% ${word}%`) : [];
}
