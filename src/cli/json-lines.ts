// JSON lines on stdin: each line parsed and validated on its own; a bad line is reported as an
// error line ({"line"|"id", "error"}) and the rest go on. Lines over the size limit are refused
// without being buffered. Up to `window` lines are handled at once (for a worker pool); output
// stays in input order.
import { DEFAULT_MAX_BYTES, formatSize } from '../extract/limits.ts';
import { SitrepError, asSitrepError } from '../model/errors.ts';
import { inOrder } from '../pipeline/ordered.ts';
import type { BatchSize } from '../pipeline/pool.ts';
import type { CliContext } from './context.ts';
import { boundedLines, type Line } from './line-reader.ts';

async function* nonEmptyLines(stream: NodeJS.ReadableStream, maxBytes: number): AsyncGenerator<Line> {
  for await (const line of boundedLines(stream, maxBytes)) {
    if ('text' in line && !line.text.trim()) continue;
    yield line;
  }
}

type LineResult = { id?: string | number; value?: object; error?: SitrepError };

export interface JsonLineOptions {
  /** Lines handled at once (default 1). */
  window?: number;
  /** Largest line accepted, in bytes (default 20 MB). */
  maxLineBytes?: number;
  /**
   * Looks ahead at the batch before handling any line: up to `lines` lines or `bytes` bytes are
   * read (or the whole input, if shorter, or what arrives within `waitMs`, so a slow stream is not
   * held back) and `plan` is told what was seen; it returns the window.
   */
  lookahead?: { lines: number; bytes: number; waitMs: number; plan: (batch: BatchSize) => number };
}

type Peeked<T> = { head: T[]; bytes: number; complete: boolean; pending?: Promise<IteratorResult<T>> };

/** The first lines of `lines`, up to the limits, and whether they are all of it. */
async function peek(
  lines: AsyncIterator<Line>,
  limits: { lines: number; bytes: number; waitMs: number },
): Promise<Peeked<Line>> {
  const head: Line[] = [];
  let bytes = 0;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(resolve, limits.waitMs, 'late')));
  try {
    while (head.length <= limits.lines && bytes <= limits.bytes) {
      const pending = lines.next();
      const next = await Promise.race([pending, late]);
      // The stream is slow: the line on its way is handled with the rest.
      if (next === 'late') return { head, bytes, complete: false, pending };
      if (next.done) return { head, bytes, complete: true };
      head.push(next.value);
      bytes += 'text' in next.value ? Buffer.byteLength(next.value.text) : next.value.tooLarge;
    }
    return { head, bytes, complete: false };
  } finally {
    clearTimeout(timer);
  }
}

async function* concat<T>(peeked: Peeked<T>, rest: AsyncIterator<T>): AsyncGenerator<T> {
  yield* peeked.head;
  let next = await (peeked.pending ?? rest.next());
  for (; !next.done; next = await rest.next()) yield next.value;
}

/**
 * What checks a parsed line: a zod schema, or a checker of the same shape (document-line.ts), so
 * that reading documents does not load zod.
 */
export interface LineSchema<T extends { id: string | number }> {
  safeParse(
    value: unknown,
  ):
    | { success: true; data: T }
    | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } };
}

export async function eachJsonLine<T extends { id: string | number }>(
  context: CliContext,
  schema: LineSchema<T>,
  handle: (line: T, lineNumber: number) => object | Promise<object>,
  options: JsonLineOptions = {},
): Promise<void> {
  const { io } = context;
  const maxLineBytes = options.maxLineBytes ?? DEFAULT_MAX_BYTES;
  const work = async (line: Line): Promise<LineResult> => {
    const lineNumber = line.number;
    let id: string | number | undefined;
    try {
      if (!('text' in line)) {
        throw new SitrepError(
          'too_large',
          `stdin line ${lineNumber}: ${formatSize(line.tooLarge)} is over the ${formatSize(maxLineBytes)} limit for one line (see --max-size)`,
        );
      }
      const parsed = schema.safeParse(parseJson(line.text, lineNumber));
      if (!parsed.success) {
        const problem = parsed.error.issues
          .map((i) => `${i.path.map(String).join('.') || 'line'}: ${i.message}`)
          .join('; ');
        throw new SitrepError('invalid_input', `stdin line ${lineNumber}: ${problem}`);
      }
      id = parsed.data.id;
      return { id, value: await handle(parsed.data, lineNumber) };
    } catch (error) {
      return { id, error: asSitrepError(error, `stdin line ${lineNumber}`) };
    }
  };
  let lines: AsyncIterable<Line> = nonEmptyLines(io.stdin, maxLineBytes);
  let window = options.window ?? 1;
  if (options.lookahead) {
    const rest = lines[Symbol.asyncIterator]();
    const peeked = await peek(rest, options.lookahead);
    const { head, bytes, complete } = peeked;
    window = options.lookahead.plan({ documents: head.length, bytes, complete });
    lines = concat(peeked, rest);
  }
  await inOrder(lines, window, work, (settled, { number }) => {
    // work() never rejects: every failure is already a LineResult.
    if (settled.status === 'rejected') return;
    const { id, value, error } = settled.value;
    if (!error) return io.stdout(JSON.stringify({ id, ...value }) + '\n');
    io.stdout(
      JSON.stringify({ ...(id === undefined ? { line: number } : { id }), error: error.toJSON() }) + '\n',
    );
    io.stderr(`sitrep: ${error.message} [${error.code}]\n`);
    context.exitCode = 1;
  });
}

function parseJson(raw: string, lineNumber: number): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    throw new SitrepError('invalid_input', `stdin line ${lineNumber}: not valid JSON`);
  }
}
