// JSON lines on stdin: each line parsed and validated on its own; a bad line is reported as an
// error line ({"line"|"id", "error"}) and the rest go on.
import type { z } from 'zod';
import { DEFAULT_MAX_BYTES, formatSize } from '../extract/index.ts';
import { SitrepError, asSitrepError } from '../model/index.ts';
import type { CliContext } from './context.ts';
import { boundedLines } from './line-reader.ts';

export async function eachJsonLine<T extends z.ZodType<{ id: string | number }>>(
  context: CliContext,
  schema: T,
  handle: (line: z.infer<T>, lineNumber: number) => object,
  maxLineBytes = DEFAULT_MAX_BYTES,
): Promise<void> {
  const { io } = context;
  for await (const line of boundedLines(io.stdin, maxLineBytes)) {
    const lineNumber = line.number;
    if ('text' in line && !line.text.trim()) continue;
    let id: string | number | undefined;
    try {
      if (!('text' in line)) {
        throw new SitrepError(
          'too_large',
          `stdin line ${lineNumber}: ${formatSize(line.tooLarge)} is over the ${formatSize(maxLineBytes)} limit for one line (see --max-size)`,
        );
      }
      const raw = line.text;
      const parsed = schema.safeParse(parseJson(raw, lineNumber));
      if (!parsed.success) {
        const problem = parsed.error.issues
          .map((i) => `${i.path.join('.') || 'line'}: ${i.message}`)
          .join('; ');
        throw new SitrepError('invalid_input', `stdin line ${lineNumber}: ${problem}`);
      }
      id = parsed.data.id;
      io.stdout(JSON.stringify({ id, ...handle(parsed.data, lineNumber) }) + '\n');
    } catch (error) {
      const failure = asSitrepError(error, `stdin line ${lineNumber}`);
      io.stdout(
        JSON.stringify({ ...(id === undefined ? { line: lineNumber } : { id }), error: failure.toJSON() }) +
          '\n',
      );
      io.stderr(`sitrep: ${failure.message} [${failure.code}]\n`);
      context.exitCode = 1;
    }
  }
}

function parseJson(raw: string, lineNumber: number): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    throw new SitrepError('invalid_input', `stdin line ${lineNumber}: not valid JSON`);
  }
}
