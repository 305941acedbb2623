// `sitrep`: the command-line edge. Each command lives in commands/<name>.ts; this file wires them,
// maps errors to messages and exit codes (0 ok, 1 some inputs failed, 2 usage error).
import { Command, CommanderError } from 'commander';
import { SitrepError } from '../model/errors.ts';
import { processIO, type CliContext, type CliIO } from './context.ts';
import { createContext, closeContext } from './create-context.ts';
import { commandNameIn, commands } from './commands/index.ts';
import { terminalSafe } from './terminal-safe.ts';
import { tuneOptimisation } from './optimisation.ts';

export async function main(argv: string[], rawIO: CliIO = processIO()): Promise<number> {
  // Before any command's code runs: a batch of a hundred articles should not pay for optimising
  // code it barely reuses (see optimisation.ts).
  tuneOptimisation();
  // stderr is always for people; messages there may quote a page's or a feed's text.
  const io: CliIO = { ...rawIO, stderr: (text) => rawIO.stderr(terminalSafe(text)) };
  const program = new Command('sitrep')
    .description('Self-hosted news intelligence: extract, trace and understand the news.')
    .option(
      '--data-dir <dir>',
      'where sitrep keeps its database (default: $SITREP_DATA_DIR or a per-user folder)',
    )
    .option('--debug', 'print stack traces with errors')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });

  const context: CliContext = createContext(io, () => program.opts<{ dataDir?: string; debug?: boolean }>());
  await registerCommands(program, context, commandNameIn(argv));
  for (const command of program.commands)
    command.exitOverride().configureOutput({ writeOut: io.stdout, writeErr: io.stderr });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return context.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return 0;
      if (error.code === 'commander.help') return 0;
      return 2;
    }
    reportError(io, error, context.debug);
    return error instanceof SitrepError && error.code === 'usage' ? 2 : 1;
  } finally {
    await closeContext(context);
  }
}

/**
 * Imports and registers the command being run; the others are listed by name only, so that
 * `sitrep --help` and light commands do not load the whole pipeline.
 */
async function registerCommands(program: Command, context: CliContext, name: string | undefined) {
  const wanted = commands.find((entry) => entry.name === name);
  if (wanted) (await wanted.load()).register(program, context);
  const terms = new Map<string, string>();
  for (const entry of commands) {
    if (program.commands.some((command) => command.name() === entry.name)) continue;
    program.command(entry.name).description(entry.description);
    terms.set(entry.name, `${entry.name} ${entry.usage}`.trim());
  }
  const order = commands.map((entry) => entry.name);
  (program.commands as Command[]).sort((a, b) => order.indexOf(a.name()) - order.indexOf(b.name()));
  const help = program.createHelp();
  program.configureHelp({
    subcommandTerm: (command) => terms.get(command.name()) ?? help.subcommandTerm(command),
  });
}

export function reportError(io: CliIO, error: unknown, debug: boolean): void {
  if (error instanceof SitrepError) io.stderr(`sitrep: ${error.message} [${error.code}]\n`);
  else io.stderr(`sitrep: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`);
  if (debug && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
}
