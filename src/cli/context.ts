// What every command gets: where to write, where the data lives, and a lazily opened store.
import type { Store } from '../store/index.ts';

export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  stdin: NodeJS.ReadableStream;
  /** True when stderr is a terminal (progress bars go there). */
  interactive: boolean;
  env: NodeJS.ProcessEnv;
  /** The real stdout, for long streams that must wait when the reader is slow (exports). */
  stdoutStream?: NodeJS.WritableStream;
}

export interface CliContext {
  io: CliIO;
  /** Resolved from --data-dir, SITREP_DATA_DIR or the per-user default. */
  dataDir: () => string;
  store: () => Promise<Store>;
  /** Commands set 1 when some inputs failed; usage errors exit with 2. */
  exitCode: number;
  debug: boolean;
}

export function processIO(): CliIO {
  // A reader that closes early (`sitrep … | head`) ends the command, as it ends any Unix filter,
  // instead of crashing it with an unhandled EPIPE.
  if (process.stdout.listenerCount('error') === 0)
    process.stdout.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(0);
      throw error;
    });
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    stdin: process.stdin,
    interactive: Boolean(process.stderr.isTTY),
    env: process.env,
    stdoutStream: process.stdout,
  };
}
