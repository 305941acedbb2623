// Numbered plain-SQL migrations (001_initial.sql, 002_….sql) read from a folder. They are frozen
// in time: plain SQL that never depends on the application's current types.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const FILE_NAME = /^(\d{3})_([a-z0-9_]+)\.sql$/;

export function loadMigrations(folder: string): Migration[] {
  const migrations = readdirSync(folder)
    .filter((file) => file.endsWith('.sql'))
    .map((file) => {
      const match = FILE_NAME.exec(file);
      if (!match) throw new Error(`migration file ${join(folder, file)} must be named like 001_initial.sql`);
      return { version: Number(match[1]), name: match[2]!, sql: readFileSync(join(folder, file), 'utf8') };
    })
    .sort((a, b) => a.version - b.version);
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(
        `migrations in ${folder} must be numbered 001, 002, … without gaps; found ${migration.version}`,
      );
    }
  });
  return migrations;
}

/** The message when a database was written by a newer sitrep than this one. */
export function newerSchemaMessage(database: string, found: number, known: number): string {
  return (
    `${database} has schema version ${found}, but this sitrep knows versions up to ${known}. ` +
    'It was written by a newer sitrep: upgrade sitrep, or use another data folder.'
  );
}
