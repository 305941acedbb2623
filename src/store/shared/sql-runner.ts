// What the shared read queries need from a database. Queries are written once with `?`
// placeholders in SQL that SQLite and PostgreSQL both accept; the PostgreSQL runner numbers them.
export interface SqlRunner {
  all<T>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs a statement and returns how many rows it changed. */
  run(sql: string, params?: readonly unknown[]): Promise<number>;
}

/** A WHERE clause built from conditions, each with its own parameters. */
export class Conditions {
  private readonly parts: string[] = [];
  readonly params: unknown[] = [];

  add(sql: string, ...params: unknown[]): this {
    this.parts.push(sql);
    this.params.push(...params);
    return this;
  }

  /** A condition that no row meets, for a filter that cannot match anything. */
  none(): this {
    return this.add('1 = 0');
  }

  get where(): string {
    return this.parts.length ? `WHERE ${this.parts.map((p) => `(${p})`).join(' AND ')}` : '';
  }
}

export async function countRows(runner: SqlRunner, sql: string, params: readonly unknown[]): Promise<number> {
  const rows = await runner.all<{ total: number | string }>(sql, params);
  return Number(rows[0]?.total ?? 0);
}
