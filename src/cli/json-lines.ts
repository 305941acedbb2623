// JSON lines on stdin: each line parsed and validated on its own; a bad line is reported as an
// error line ({"line"|"id", "error"}) and the rest go on. Up to `window` lines are handled at once
// (for a worker pool); output stays in input order.
import { createInterface } from 'node:readline';
import type { z } from 'zod';
import { SitrepError, asSitrepError } from '../model/index.ts';
import { inOrder } from '../pipeline/ordered.ts';
import type { CliContext } from './context.ts';

interface NumberedLine {
  raw: string;
  lineNumber: number;
}

async function* numberedLines(input: NodeJS.ReadableStream): AsyncGenerator<NumberedLine> {
  let lineNumber = 0;
  for await (const raw of createInterface({ input, crlfDelay: Infinity })) {
    lineNumber++;
    if (raw.trim()) yield { raw, lineNumber };
  }
}

type LineResult = { id?: string | number; value?: object; error?: SitrepError };

export async function eachJsonLine<T extends z.ZodType<{ id: string | number }>>(
  context: CliContext,
  schema: T,
  handle: (line: z.infer<T>, lineNumber: number) => object | Promise<object>,
  options: { window?: number } = {},
): Promise<void> {
  const { io } = context;
  const work = async ({ raw, lineNumber }: NumberedLine): Promise<LineResult> => {
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
      return { id, value: await handle(parsed.data, lineNumber) };
    } catch (error) {
      return { id, error: asSitrepError(error, `stdin line ${lineNumber}`) };
    }
  };
  await inOrder(numberedLines(io.stdin), options.window ?? 1, work, (settled, { lineNumber }) => {
    // work() never rejects: every failure is already a LineResult.
    if (settled.status === 'rejected') return;
    const { id, value, error } = settled.value;
    if (!error) return io.stdout(JSON.stringify({ id, ...value }) + '\n');
    io.stdout(
      JSON.stringify({ ...(id === undefined ? { line: lineNumber } : { id }), error: error.toJSON() }) + '\n',
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
