import type { StoreStats } from '../../types.ts';
import { countRows, type SqlRunner } from '../sql-runner.ts';

export async function stats(runner: SqlRunner): Promise<StoreStats> {
  const count = (table: string) => countRows(runner, `SELECT count(*) AS total FROM ${table}`, []);
  return {
    documents: await count('documents'),
    entities: await count('entities'),
    quotes: await count('quotes'),
    events: await count('events'),
  };
}
