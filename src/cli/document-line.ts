// One document on a JSON line, as `analyze --jsonl -` and `trace --jsonl -` read it.
// Checked by hand rather than with zod: a batch of `analyze --jsonl` would load zod (about 0.07
// CPU-seconds, a few articles' reading) for seven fields. The issues read as zod's did.

export interface DocumentLine {
  id: string | number;
  text?: string;
  html?: string;
  url?: string | null;
  title?: string | null;
  site?: string | null;
  published?: string | null;
}

/** What is wrong with a line: the field (empty for the line itself) and the problem. */
export interface LineIssue {
  path: (string | number)[];
  message: string;
}

/** What a line checker gives, in the shape of zod's safeParse (json-lines.ts reads either). */
export type LineCheck<T> = { success: true; data: T } | { success: false; error: { issues: LineIssue[] } };

/** The optional string fields, in the order their issues are listed; all but text and html may be null. */
const STRINGS = ['text', 'html', 'url', 'title', 'site', 'published'] as const;
const NULLABLE = new Set<string>(['url', 'title', 'site', 'published']);

/** JSON's name for a value's type, as zod reports it ("array" and "null" apart from "object"). */
function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

const expected = (type: string, value: unknown) =>
  `Invalid input: expected ${type}, received ${typeName(value)}`;

export const DocumentLine = {
  /** The line's fields (others are dropped), or every issue with it. */
  safeParse(value: unknown): LineCheck<DocumentLine> {
    if (typeName(value) !== 'object')
      return { success: false, error: { issues: [{ path: [], message: expected('object', value) }] } };
    const fields = value as Record<string, unknown>;
    const issues: LineIssue[] = [];
    const line: Partial<DocumentLine> = {};
    const id = fields.id;
    if (typeof id === 'string' || typeof id === 'number') line.id = id;
    else issues.push({ path: ['id'], message: 'Invalid input' });
    for (const key of STRINGS) {
      if (!Object.hasOwn(fields, key)) continue;
      const field = fields[key];
      if (field === undefined) continue;
      if (typeof field === 'string' || (field === null && NULLABLE.has(key)))
        (line as Record<string, unknown>)[key] = field;
      else issues.push({ path: [key], message: expected('string', field) });
    }
    if (!issues.length && typeof line.text !== 'string' && typeof line.html !== 'string')
      issues.push({ path: [], message: 'needs "text" or "html"' });
    return issues.length
      ? { success: false, error: { issues } }
      : { success: true, data: line as DocumentLine };
  },
};
