import { Command } from 'commander';
import { z } from 'zod';
import { describeActor, findActor, resolveActor, toIsoDay, type Actor } from '../../understand/index.ts';
import { toResolution } from '../../understand/actors/index.ts';
import { SitrepError } from '../../model/index.ts';
import type { CliContext } from '../context.ts';
import { eachJsonLine } from '../json-lines.ts';
import { parseCalendarDate } from '../options.ts';

const ResolveLine = z.object({
  id: z.union([z.string(), z.number()]),
  text: z.string(),
  context: z.string().nullable().optional(),
  date: z
    .string()
    .nullable()
    .optional()
    .refine((d) => d == null || isReadableDay(d), {
      message: 'not a date (YYYY-MM-DD, "today", or a written date such as "10 May 2015")',
    }),
});

/** An ISO day must be a real one (2022-13-45 is refused); other forms must be readable as a date. */
function isReadableDay(value: string): boolean {
  const iso = /^\d{4}-\d{2}-\d{2}/.exec(value)?.[0];
  if (!iso) return toIsoDay(value) !== null;
  try {
    parseCalendarDate(iso, true);
    return true;
  } catch {
    return false;
  }
}

export function register(program: Command, context: CliContext): void {
  const actors = program.command('actors').description('the actor knowledge base');

  actors
    .command('resolve')
    .description('resolve short texts to known actors (country, sector, role on a date)')
    .argument(
      '<text...>',
      'a text such as "Iranian police", or - with --jsonl for JSON lines {"id","text","context"?,"date"?}',
    )
    .option('--jsonl', 'read JSON lines from stdin (with -) and print {"id","actor"} per line')
    .option('--date <date>', 'the date roles are looked up on (YYYY-MM-DD)', (v: string) =>
      parseCalendarDate(v, true),
    )
    .option('--context <text>', 'surrounding text that may disambiguate')
    .action(async (words: string[], options: { jsonl?: boolean; date?: string; context?: string }) => {
      if (options.jsonl) {
        if (words.length !== 1 || words[0] !== '-')
          throw new SitrepError('usage', 'with --jsonl give - and JSON lines on stdin');
        return resolveLines(context);
      }
      const actor = resolveActor(words.join(' '), { date: options.date, context: options.context });
      context.io.stdout(JSON.stringify({ text: words.join(' '), actor: resolution(actor) }, null, 2) + '\n');
    });
  registerShow(actors, context);
}

/** The resolution record (country falls back to the bloc for IGOs) with the actor's code, type and role. */
function resolution(actor: Actor | null) {
  const base = toResolution(actor);
  return base && actor ? { ...base, code: actor.code, type: actor.type, role: actor.role } : null;
}

function resolveLines(context: CliContext): Promise<void> {
  return eachJsonLine(context, ResolveLine, ({ text, context: near, date }) => ({
    actor: resolution(resolveActor(text, { date, context: near })),
  }));
}

export function registerShow(actors: Command, context: CliContext): void {
  actors
    .command('show')
    .description('what the knowledge base knows of an actor: roles over time, aliases, codes')
    .argument('<name...>', 'a name, alias, code or description ("Raisi", "IRN", "the Iranian president")')
    .option('--json', 'print JSON')
    .action((words: string[], options: { json?: boolean }) => {
      const name = words.join(' ');
      // A code or id (IRN, IGONAT, person:ebrahim-raisi) names the same actor as its name.
      const canonical = findActor(name);
      const known = describeActor(name) ?? (canonical ? describeActor(canonical.name) : null);
      if (!known)
        throw new SitrepError('not_found', `the knowledge base knows no actor "${name}"`, { input: name });
      if (options.json) return context.io.stdout(JSON.stringify(known, null, 2) + '\n');
      const lines = [
        `${known.name}  (${[known.type, known.country, known.sector, known.code].filter(Boolean).join(', ')})`,
        `id ${known.entityId}`,
      ];
      if (known.aliases.length) lines.push(`also: ${known.aliases.join(', ')}`);
      if (known.demonyms.length) lines.push(`demonyms: ${known.demonyms.join(', ')}`);
      if (known.capitals.length) lines.push(`capital: ${known.capitals.join(', ')}`);
      if (known.roles.length) {
        lines.push('roles:');
        for (const r of known.roles) {
          lines.push(
            `  ${r.from} – ${r.to ?? 'now'}  ${r.role}${r.country ? ` (${r.country})` : ''}${r.uncertain ? '  [dates uncertain]' : ''}`,
          );
        }
      }
      if (known.source) lines.push(`source: ${known.source}`);
      context.io.stdout(lines.join('\n') + '\n');
    });
}
