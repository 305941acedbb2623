// The user's search syntax, parsed once in JavaScript and rendered for each database, so that
// both stores read a query the same way and no input can reach the database as syntax:
//   words            all must match (stemmed)         ruto protest
//   "a phrase"       words in this order              "finance bill"
//   word*            words starting with it           protest*
//   -word, NOT word  must not match                   kenya -ruto
//   OR               either side                      lula OR milei
// Anything else (parentheses, stray quotes, AND, punctuation) is read as a separator, so malformed
// input such as `"unbalanced` or `AND OR (` gives a plain query or an empty one, never an error.

export type TermKind = 'word' | 'prefix' | 'phrase';

export interface SearchTerm {
  kind: TermKind;
  text: string;
}

/** Terms that must all match, and terms that must not. */
export interface SearchClause {
  include: SearchTerm[];
  exclude: SearchTerm[];
}

/** Clauses joined by OR; empty when the query can match nothing. */
export type SearchQuery = SearchClause[];

import { cleanString } from './records.ts';

const MAX_TERMS = 32;
const hasWordCharacter = /[\p{L}\p{N}]/u;
const onlyWordCharacters = /^[\p{L}\p{N}]+$/u;

interface Token {
  text: string;
  quoted: boolean;
}

function tokenize(query: string): Token[] {
  const tokens: Token[] = [];
  const pattern = /"([^"]*)"?|[^\s"()]+/g;
  // NUL and lone surrogates cannot be sent to PostgreSQL; stored text has them as U+FFFD too.
  for (const match of cleanString(query).normalize('NFC').matchAll(pattern)) {
    if (match[1] !== undefined) tokens.push({ text: match[1], quoted: true });
    else tokens.push({ text: match[0], quoted: false });
  }
  return tokens;
}

function toTerm(token: Token): SearchTerm | null {
  const text = token.text.trim();
  if (!hasWordCharacter.test(text)) return null;
  if (token.quoted) return { kind: /\s/.test(text) ? 'phrase' : 'word', text };
  const stem = text.replace(/\*+$/, '');
  if (stem !== text && onlyWordCharacters.test(stem)) return { kind: 'prefix', text: stem };
  return { kind: 'word', text: stem };
}

export function parseSearchQuery(query: string): SearchQuery {
  const clauses: SearchClause[] = [{ include: [], exclude: [] }];
  let negateNext = false;
  let count = 0;
  for (const token of tokenize(query)) {
    if (!token.quoted && token.text === 'OR') {
      clauses.push({ include: [], exclude: [] });
      negateNext = false;
      continue;
    }
    if (!token.quoted && (token.text === 'AND' || token.text === 'NOT')) {
      negateNext = token.text === 'NOT';
      continue;
    }
    let negated = negateNext;
    negateNext = false;
    if (!token.quoted && token.text.startsWith('-')) {
      negated = true;
      token.text = token.text.slice(1);
    }
    const term = toTerm(token);
    if (!term || count >= MAX_TERMS) continue;
    count++;
    (negated ? clauses.at(-1)!.exclude : clauses.at(-1)!.include).push(term);
  }
  // A clause of exclusions alone would match almost everything; neither database can rank it.
  return clauses.filter((clause) => clause.include.length > 0);
}

function fts5String(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}

function fts5Term(term: SearchTerm): string {
  return term.kind === 'prefix' ? `${fts5String(term.text)}*` : fts5String(term.text);
}

/** An FTS5 MATCH expression in which every term is a quoted string. */
export function toFts5Match(query: SearchQuery): string {
  return query
    .map((clause) => {
      const include = clause.include.map(fts5Term).join(' AND ');
      if (!clause.exclude.length) return `(${include})`;
      return `(${include} NOT (${clause.exclude.map(fts5Term).join(' OR ')}))`;
    })
    .join(' OR ');
}

/**
 * A PostgreSQL tsquery expression built from plainto_tsquery, phraseto_tsquery and (for prefixes
 * of letters and digits only) to_tsquery, each given its term as a bound parameter.
 * `param` adds a value and returns its placeholder ($1, $2, …).
 */
export function toTsQuerySql(query: SearchQuery, config: string, param: (value: string) => string): string {
  const term = (t: SearchTerm): string => {
    if (t.kind === 'phrase') return `phraseto_tsquery('${config}', ${param(t.text)})`;
    if (t.kind === 'prefix') return `to_tsquery('${config}', ${param(`${t.text}:*`)})`;
    return `plainto_tsquery('${config}', ${param(t.text)})`;
  };
  return query
    .map((clause) => {
      const parts = [...clause.include.map(term), ...clause.exclude.map((t) => `!!${term(t)}`)];
      return `(${parts.join(' && ')})`;
    })
    .join(' || ');
}
