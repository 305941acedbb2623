// Shared by `extract` and `analyze`: one input, several inputs (--jsonl), or JSON lines on stdin.
import { z } from 'zod';
import { expandInputs, loadInput } from '../../ingest/load-input.ts';
import { readPage, readText, type ReadOptions } from '../../pipeline/index.ts';
import { SitrepError, asSitrepError, type Reading } from '../../model/index.ts';
import type { CliContext } from '../context.ts';
import { formatReadable } from '../format.ts';
import { eachJsonLine } from '../json-lines.ts';

export interface ReadCommandOptions {
  json?: boolean;
  jsonl?: boolean;
  allowPrivate?: boolean;
  maxSize?: number;
}

const StdinLine = z
  .object({
    id: z.union([z.string(), z.number()]),
    text: z.string().optional(),
    html: z.string().optional(),
    url: z.string().nullable().optional(),
    title: z.string().nullable().optional(),
    published: z.string().nullable().optional(),
  })
  .refine((line) => typeof line.text === 'string' || typeof line.html === 'string', {
    message: 'needs "text" or "html"',
  });

type Shape = (reading: Reading) => object;

export async function runReadCommand(
  context: CliContext,
  specs: string[],
  options: ReadCommandOptions,
  read: ReadOptions,
  shape: Shape,
): Promise<void> {
  const { io } = context;
  if (specs.length === 1 && specs[0] === '-' && options.jsonl) return readStdinLines(context, read, shape);
  const inputs = await expandInputs(specs);
  if (inputs.length === 0) throw new SitrepError('usage', 'no input pages found in the given folders');
  const loadOptions = { allowPrivate: options.allowPrivate, maxBytes: options.maxSize };
  if (options.jsonl) {
    for (const input of inputs) {
      try {
        const reading = readPage(await loadInput(input, loadOptions), read);
        io.stdout(JSON.stringify({ input, ...shape(reading) }) + '\n');
      } catch (error) {
        const failure = asSitrepError(error, input);
        io.stdout(JSON.stringify({ input, error: failure.toJSON() }) + '\n');
        io.stderr(`sitrep: ${failure.message} [${failure.code}]\n`);
        context.exitCode = 1;
      }
    }
    return;
  }
  const results: object[] = [];
  for (const input of inputs) {
    try {
      const reading = readPage(await loadInput(input, loadOptions), read);
      if (options.json) results.push(inputs.length > 1 ? { input, ...shape(reading) } : shape(reading));
      else
        io.stdout(
          (inputs.length > 1 ? `==> ${input} <==\n` : '') + formatReadable(reading, !read.articleOnly),
        );
    } catch (error) {
      const failure = asSitrepError(error, input);
      io.stderr(`sitrep: ${failure.message} [${failure.code}]\n`);
      if (options.json && inputs.length > 1) results.push({ input, error: failure.toJSON() });
      context.exitCode = 1;
    }
  }
  if (options.json && results.length) {
    io.stdout(JSON.stringify(inputs.length > 1 ? results : results[0], null, 2) + '\n');
  }
}

function readStdinLines(context: CliContext, read: ReadOptions, shape: Shape): Promise<void> {
  return eachJsonLine(context, StdinLine, (line, lineNumber) => {
    const reading =
      typeof line.text === 'string'
        ? readText({ text: line.text, url: line.url, title: line.title, published: line.published }, read)
        : readPage(
            {
              bytes: Buffer.from(line.html ?? '', 'utf8'),
              contentType: 'text/html; charset=utf-8',
              url: line.url ?? null,
              name: `stdin line ${lineNumber} (id ${String(line.id)})`,
            },
            read,
          );
    return shape(reading);
  });
}
