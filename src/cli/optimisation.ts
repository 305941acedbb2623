// How soon V8 optimises the CLI's code. V8 hands a function to its optimising compiler (TurboFan, on
// background threads) once it has run a fixed amount of bytecode, the interrupt budget. A CLI run
// often reads a batch of a hundred or so articles, and at V8's default budget several hundred
// functions of the understanding stages are optimised within the first few articles (some several
// times over, after their first optimised code met an object of another shape), which costs nearly
// as much CPU as the reading: over the 131 GGT + PolNeAR development texts, V8's background threads
// (mostly the compiler) took 2.8 of 6.3 CPU-seconds (`sitrep analyze --jsonl -`, one reading thread).
// With eight times the budget only code that stays hot is optimised: the background threads take
// about 0.8 CPU-seconds while the reading thread takes about as long as before, and a long batch or a
// server reaches the same optimised code a few articles later (no slower once warm, measured over
// four passes of 300 news texts).
import { setFlagsFromString } from 'node:v8';

/** Eight times V8's default (67,584 bytes of bytecode run). */
export const INTERRUPT_BUDGET = 540_672;

let tuned = false;

/**
 * Raises V8's interrupt budget for the rest of the process (worker threads included) before the
 * command's code runs; a budget given on node's command line stands. Only on Node versions whose V8
 * is known to have the flag (an unknown flag would print an error).
 */
export function tuneOptimisation(execArgv: readonly string[] = process.execArgv): boolean {
  if (tuned) return true;
  const major = Number(process.versions.node.split('.')[0]);
  if (major < 20 || major > 24) return false;
  if (execArgv.some((arg) => /^--interrupt[-_]budget(?:=|$)/.test(arg))) return false;
  setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);
  tuned = true;
  return true;
}
