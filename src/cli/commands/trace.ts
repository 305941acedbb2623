import { Command } from 'commander';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { extractArticle } from '../../extract/index.ts';
import { SitrepError, asSitrepError } from '../../model/index.ts';
import { Tracer, traceInputFromArticle, type TraceInput } from '../../trace/index.ts';
import type { CliContext } from '../context.ts';
import { DocumentLine } from '../document-line.ts';

export function register(program: Command, context: CliContext): void {
  program
    .command('trace')
    .description(
      'trace copies to their origin: one line {id, parent, origin, relation, story, shared} per document',
    )
    .argument(
      '[input]',
      'JSON lines {"id","text"|"html","title"?,"url"?,"site"?,"published"?} in arrival order; - for stdin',
    )
    .option('--jsonl', 'print JSON lines (the only output format; accepted for symmetry with analyze)')
    .option('--stored', 'trace stored documents not traced yet (stored before tracing was), oldest first')
    .action(async (input: string | undefined, options: { stored?: boolean }) => {
      if (options.stored) {
        const { traceUntraced } = await import('../../pipeline/trace-stored.ts');
        const traced = await traceUntraced(await context.store());
        context.io.stdout(`traced ${traced} stored document${traced === 1 ? '' : 's'}\n`);
        return;
      }
      if (input === undefined)
        throw new SitrepError('invalid_input', 'trace needs an input file (- for stdin) or --stored');
      await traceLines(context, input);
    });
}

/** Reads every line, then prints the final decisions in input order (a later original re-parents earlier copies). */
async function traceLines(context: CliContext, input: string): Promise<void> {
  const { io } = context;
  const stream = input === '-' ? io.stdin : createReadStream(input);
  const tracer = new Tracer();
  const out: ({ id: string } | { line: number; id?: string | number; error: object })[] = [];
  let lineNumber = 0;
  try {
    for await (const raw of createInterface({ input: stream, crlfDelay: Infinity })) {
      lineNumber++;
      if (!raw.trim()) continue;
      try {
        const line = parseLine(raw, lineNumber);
        const doc = toTraceInput(line, lineNumber);
        if (tracer.has(doc.id))
          throw new SitrepError('invalid_input', `stdin line ${lineNumber}: id ${doc.id} was already given`);
        tracer.add(doc);
        out.push({ id: doc.id });
      } catch (error) {
        const failure = asSitrepError(error, `line ${lineNumber}`);
        out.push({ line: lineNumber, error: failure.toJSON() });
        io.stderr(`sitrep: ${failure.message} [${failure.code}]\n`);
        context.exitCode = 1;
      }
    }
  } catch (error) {
    throw new SitrepError('invalid_input', `cannot read ${input}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  for (const entry of out) {
    if ('error' in entry) io.stdout(JSON.stringify(entry) + '\n');
    else io.stdout(JSON.stringify(tracer.resultOf(entry.id)!) + '\n');
  }
}

function parseLine(raw: string, lineNumber: number): DocumentLine {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new SitrepError('invalid_input', `line ${lineNumber}: not valid JSON`);
  }
  const parsed = DocumentLine.safeParse(json);
  if (!parsed.success) {
    const problem = parsed.error.issues.map((i) => `${i.path.join('.') || 'line'}: ${i.message}`).join('; ');
    throw new SitrepError('invalid_input', `line ${lineNumber}: ${problem}`);
  }
  return parsed.data;
}

/** Text is traced as given (no extraction, no understanding); HTML goes through extract first. */
function toTraceInput(line: DocumentLine, lineNumber: number): TraceInput {
  const id = String(line.id);
  if (typeof line.text === 'string') {
    return {
      id,
      text: line.text,
      title: line.title,
      url: line.url,
      site: line.site,
      published: line.published,
    };
  }
  const article = extractArticle({
    bytes: Buffer.from(line.html ?? '', 'utf8'),
    contentType: 'text/html; charset=utf-8',
    url: line.url ?? null,
    name: `line ${lineNumber} (id ${id})`,
  });
  const input = traceInputFromArticle(id, article, line.site);
  return {
    ...input,
    title: line.title ?? input.title,
    published: line.published ?? input.published,
  };
}
