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

/** A calendar date: YYYY, YYYY-MM or YYYY-MM-DD (with `dayOnly`, only the last), and a real one. */
export function parseCalendarDate(value: string, dayOnly = false): string {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value.trim());
  const [, year, month, day] = match ?? [];
  const shape = dayOnly ? 'YYYY-MM-DD' : 'YYYY, YYYY-MM or YYYY-MM-DD';
  if (!year || (dayOnly && !day)) throw new InvalidArgumentError(`"${value}" is not a date; use ${shape}`);
  const m = month ? Number(month) : 1;
  const d = day ? Number(day) : 1;
  const date = new Date(Date.UTC(Number(year), m - 1, d));
  if (m < 1 || m > 12 || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
    throw new InvalidArgumentError(`"${value}" is not a calendar date (month ${m}, day ${d})`);
  return value.trim();
}

export function parseNonNegativeInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new InvalidArgumentError(`"${value}" is not a whole number of 0 or more`);
  return n;
}
