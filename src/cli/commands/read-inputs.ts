// Shared by `extract` and `analyze`: one input, several inputs (--jsonl), or JSON lines on stdin.
import { expandInputs, loadInput } from '../../ingest/load-input.ts';
// From the pipeline's modules directly: its index would load every stage, even for `extract`.
import { SMALL_BATCH, readerForBatch, type BatchSize, type Reader } from '../../pipeline/pool.ts';
import { inOrder } from '../../pipeline/ordered.ts';
import type { ReadJob } from '../../pipeline/job.ts';
import type { ReadOptions } from '../../pipeline/read.ts';
import { SitrepError, asSitrepError } from '../../model/errors.ts';
import type { Reading } from '../../model/index.ts';
import type { CliContext } from '../context.ts';
import { formatReadable } from '../format.ts';
import { terminalSafe } from '../terminal-safe.ts';
import { eachJsonLine } from '../json-lines.ts';
import { DocumentLine } from '../document-line.ts';

export interface ReadCommandOptions {
  json?: boolean;
  jsonl?: boolean;
  allowPrivate?: boolean;
  maxSize?: number;
}

type Shape = (reading: Reading) => object;

export async function runReadCommand(
  context: CliContext,
  specs: string[],
  options: ReadCommandOptions,
  read: ReadOptions,
  shape: Shape,
): Promise<void> {
  read = { ...read, maxBytes: options.maxSize ?? read.maxBytes };
  if (specs.length === 1 && specs[0] === '-' && options.jsonl) {
    let reader: Reader | undefined;
    try {
      return await readDocumentLines(context, read, shape, (batch) => (reader = readerForBatch(batch)));
    } finally {
      await reader?.close();
    }
  }
  const inputs = await expandInputs(specs);
  if (inputs.length === 0) throw new SitrepError('usage', 'no input pages found in the given folders');
  // A few pages read faster in this thread than it takes to start worker threads.
  const reader = readerForBatch({ documents: inputs.length, complete: true });
  try {
    await readInputs(context, inputs, options, reader, read, shape);
  } finally {
    await reader.close();
  }
}

async function readInputs(
  context: CliContext,
  inputs: string[],
  options: ReadCommandOptions,
  reader: Reader,
  read: ReadOptions,
  shape: Shape,
): Promise<void> {
  const { io } = context;
  const loadOptions = { allowPrivate: options.allowPrivate, maxBytes: options.maxSize };
  const results: object[] = [];
  const readOne = async (input: string) =>
    reader.read({ kind: 'page', input: await loadInput(input, loadOptions), options: read });
  await inOrder(inputs, windowFor(reader), readOne, (result, input) => {
    if (result.status === 'rejected') {
      const failure = asSitrepError(result.reason, input);
      if (options.jsonl) io.stdout(JSON.stringify({ input, error: failure.toJSON() }) + '\n');
      else if (options.json && inputs.length > 1) results.push({ input, error: failure.toJSON() });
      io.stderr(`sitrep: ${failure.message} [${failure.code}]\n`);
      context.exitCode = 1;
      return;
    }
    const reading = result.value;
    if (options.jsonl) io.stdout(JSON.stringify({ input, ...shape(reading) }) + '\n');
    else if (options.json) results.push(inputs.length > 1 ? { input, ...shape(reading) } : shape(reading));
    else
      io.stdout(
        (inputs.length > 1 ? `==> ${terminalSafe(input)} <==\n` : '') +
          formatReadable(reading, !read.articleOnly),
      );
  });
  if (options.json && !options.jsonl && results.length) {
    io.stdout(JSON.stringify(inputs.length > 1 ? results : results[0], null, 2) + '\n');
  }
}

/** Jobs in flight: enough to keep every thread busy while the next inputs load. */
function windowFor(reader: Reader): number {
  return Math.max(1, reader.threads * 2);
}

function readDocumentLines(
  context: CliContext,
  read: ReadOptions,
  shape: Shape,
  readerFor: (batch: BatchSize) => Reader,
) {
  let reader: Reader | undefined;
  const job = (line: DocumentLine, lineNumber: number): ReadJob =>
    typeof line.text === 'string'
      ? {
          kind: 'text',
          input: { text: line.text, url: line.url, title: line.title, published: line.published },
          options: read,
        }
      : {
          kind: 'page',
          input: {
            bytes: Buffer.from(line.html ?? '', 'utf8'),
            contentType: 'text/html; charset=utf-8',
            url: line.url ?? null,
            name: `stdin line ${lineNumber} (id ${String(line.id)})`,
          },
          options: read,
        };
  return eachJsonLine(
    context,
    DocumentLine,
    async (line, lineNumber): Promise<object> => shape(await reader!.read(job(line, lineNumber))),
    {
      maxLineBytes: read.maxBytes,
      // The batch's size decides the reader (see readerForBatch), so a look at its start comes first.
      lookahead: {
        lines: SMALL_BATCH.documents,
        bytes: SMALL_BATCH.bytes,
        waitMs: SMALL_BATCH.waitMs,
        plan: (batch) => windowFor((reader = readerFor(batch))),
      },
    },
  );
}
