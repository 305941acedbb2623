// One unit of reading work, as it crosses into a worker thread and back. Errors travel as plain
// {code, message, input} so a SitrepError thrown in a worker is the same SitrepError on the caller's
// side. Type-only imports: loading this module loads no stage.
import type { RawInput } from '../extract/index.ts';
import { asSitrepError, SitrepError, type ErrorCode } from '../model/errors.ts';
import type { Reading } from '../model/index.ts';
import type { ReadOptions, TextInput } from './read.ts';

export type ReadJob =
  | { kind: 'page'; input: RawInput; options?: ReadOptions }
  | { kind: 'text'; input: TextInput; options?: ReadOptions };

export type ReadOutcome =
  { ok: true; reading: Reading } | { ok: false; error: { code: ErrorCode; message: string; input?: string } };

export function outcomeReading(outcome: ReadOutcome): Reading {
  if (outcome.ok) return outcome.reading;
  throw new SitrepError(outcome.error.code, outcome.error.message, { input: outcome.error.input });
}

export function failedOutcome(thrown: unknown, job: ReadJob): ReadOutcome {
  const error = asSitrepError(thrown, jobName(job));
  return { ok: false, error: { code: error.code, message: error.message, input: error.input } };
}

export function jobName(job: ReadJob): string {
  return job.kind === 'page' ? job.input.name : (job.input.url ?? 'text');
}

/** Structured clone turns a Buffer into a plain Uint8Array; extraction wants Buffer methods. */
export function pageInput(input: RawInput): RawInput {
  const bytes: Uint8Array = input.bytes;
  return Buffer.isBuffer(bytes)
    ? input
    : { ...input, bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
}
