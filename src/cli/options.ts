import { InvalidArgumentError } from 'commander';

/** Parses "20MB", "512KB", "1048576" into bytes. */
export function parseSize(value: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*(b|kb|k|mb|m|gb|g)?$/i.exec(value.trim());
  if (!match?.[1])
    throw new InvalidArgumentError(`"${value}" is not a size; try 20MB, 512KB or a number of bytes`);
  const unit = (match[2] ?? 'b').toLowerCase();
  const factor = unit.startsWith('g')
    ? 1024 ** 3
    : unit.startsWith('m')
      ? 1024 ** 2
      : unit.startsWith('k')
        ? 1024
        : 1;
  return Math.round(Number(match[1]) * factor);
}

export function parsePositiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new InvalidArgumentError(`"${value}" is not a whole number above 0`);
  return n;
}
