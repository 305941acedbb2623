// JSON lines on stdin: each line parsed and validated on its own; a bad line is reported as an
// error line ({"line"|"id", "error"}) and the rest go on.
import { createInterface } from 'node:readline';
import type { z } from 'zod';
import { SitrepError, asSitrepError } from '../model/index.ts';
import type { CliContext } from './context.ts';

export async function eachJsonLine<T extends z.ZodType<{ id: string | number }>>(
  context: CliContext,
  schema: T,
  handle: (line: z.infer<T>, lineNumber: number) => object,
): Promise<void> {
  const { io } = context;
  let lineNumber = 0;
  for await (const raw of createInterface({ input: io.stdin, crlfDelay: Infinity })) {
    lineNumber++;
    if (!raw.trim()) continue;
    let id: string | number | undefined;
    try {
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
