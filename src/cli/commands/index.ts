// Every command, in the order `sitrep --help` lists them.
import type { Command } from 'commander';
import type { CliContext } from '../context.ts';
import { register as extract } from './extract.ts';
import { register as analyze } from './analyze.ts';
import { register as trace } from './trace.ts';
import { register as add } from './add.ts';
import { register as list } from './list.ts';
import { register as show } from './show.ts';
import { register as search } from './search.ts';
import { register as quotes } from './quotes.ts';
import { register as events } from './events.ts';
import { register as actors } from './actors.ts';
import { register as feeds } from './feeds.ts';
import { register as poll } from './poll.ts';
import { register as serve } from './serve.ts';
import { register as user } from './user.ts';
import { register as exportCommand } from './export.ts';

export const commands: ((program: Command, context: CliContext) => void)[] = [
  extract,
  analyze,
  trace,
  add,
  list,
  show,
  search,
  quotes,
  events,
  actors,
  feeds,
  poll,
  exportCommand,
  serve,
  user,
];
