// Every command, in the order `sitrep --help` lists them. Only the command being run is imported
// (start-up stays fast); the others are listed by name, usage and description from this table.
// test/cli/lazy-commands.test.ts checks that the table matches what each module registers.
import type { Command } from 'commander';
import type { CliContext } from '../context.ts';

export type RegisterCommand = (program: Command, context: CliContext) => void;

export interface CommandEntry {
  name: string;
  /** What follows the name in the command list, as commander would print it. */
  usage: string;
  description: string;
  load: () => Promise<{ register: RegisterCommand }>;
}

export const commands: CommandEntry[] = [
  {
    name: 'extract',
    usage: '[options] <inputs...>',
    description: 'print the clean article of a page (file, URL, folder, or - for stdin)',
    load: () => import('./extract.ts'),
  },
  {
    name: 'analyze',
    usage: '[options] <inputs...>',
    description: 'print the whole reading of a page: article, entities, quotes and events',
    load: () => import('./analyze.ts'),
  },
  {
    name: 'trace',
    usage: '[options] [input]',
    description:
      'trace copies to their origin: one line {id, parent, origin, relation, story, shared} per document',
    load: () => import('./trace.ts'),
  },
  {
    name: 'add',
    usage: '[options] <inputs...>',
    description: 'read pages and store them (a folder adds every .html, .htm and .txt in it)',
    load: () => import('./add.ts'),
  },
  {
    name: 'list',
    usage: '[options]',
    description: 'list stored articles, newest first, copies folded under their origin',
    load: () => import('./list.ts'),
  },
  {
    name: 'show',
    usage: '[options] <id>',
    description: 'print a stored article with its entities, quotes and events',
    load: () => import('./show.ts'),
  },
  {
    name: 'search',
    usage: '[options] <query...>',
    description: 'full-text search over stored titles and texts, best match first',
    load: () => import('./search.ts'),
  },
  {
    name: 'quotes',
    usage: '[options]',
    description: 'list stored quotes with their speakers',
    load: () => import('./quotes.ts'),
  },
  {
    name: 'events',
    usage: '[options]',
    description: 'list stored political events with their evidence',
    load: () => import('./events.ts'),
  },
  {
    name: 'actors',
    usage: '',
    description: 'the actor knowledge base',
    load: () => import('./actors.ts'),
  },
  {
    name: 'feeds',
    usage: '',
    description: 'follow feeds: add, import, export, list, remove, parse',
    load: () => import('./feeds.ts'),
  },
  {
    name: 'poll',
    usage: '[options]',
    description: 'fetch due feeds and store their new items (--once, or --watch to keep going)',
    load: () => import('./poll.ts'),
  },
  {
    name: 'worker',
    usage: '[options]',
    description:
      'run jobs from the PostgreSQL job queue (poll feeds; read, trace and store pages); start as many as you like',
    load: () => import('./worker.ts'),
  },
  {
    name: 'enqueue',
    usage: '[options] [inputs...]',
    description: 'queue pages (files, folders, URLs) for `sitrep worker`; --feeds queues polls of due feeds',
    load: () => import('./worker.ts'),
  },
  {
    name: 'status',
    usage: '[options]',
    description: 'documents and how fast they arrive, feed health, job queue depth and failures',
    load: () => import('./status.ts'),
  },
  {
    name: 'export',
    usage: '[options] <what>',
    description: 'export stored events, quotes or documents as JSON lines, CSV or GDELT 2.0 event rows',
    load: () => import('./export.ts'),
  },
  {
    name: 'serve',
    usage: '[options]',
    description: 'serve the dashboard and the HTTP JSON API',
    load: () => import('./serve.ts'),
  },
  {
    name: 'start',
    usage: '[options]',
    description:
      'set up (first admin account, bundled sample article) and serve the dashboard (what `npm start` runs)',
    load: () => import('./serve.ts'),
  },
  {
    name: 'user',
    usage: '',
    description: 'manage accounts: add, list, remove, passwd, token',
    load: () => import('./user.ts'),
  },
];

/** The command a command line runs: the first word that is not a global option (or `help <name>`). */
export function commandNameIn(argv: string[]): string | undefined {
  const words: string[] = [];
  for (let i = 0; i < argv.length && words.length < 2; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') break;
    if (arg === '--data-dir') i++;
    else if (!arg.startsWith('-')) words.push(arg);
  }
  return words[0] === 'help' ? words[1] : words[0];
}
