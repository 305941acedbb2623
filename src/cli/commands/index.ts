// Every command, in the order `sitrep --help` lists them.
import type { Command } from 'commander';
import type { CliContext } from '../context.ts';
import { register as extract } from './extract.ts';
import { register as analyze } from './analyze.ts';
import { register as feeds } from './feeds.ts';
import { register as poll } from './poll.ts';

export const commands: ((program: Command, context: CliContext) => void)[] = [extract, analyze, feeds, poll];
