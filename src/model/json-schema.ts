import { z } from 'zod';
import { Reading } from './reading.ts';

/** The reading contract as JSON Schema (draft 2020-12), as published in schema/reading.schema.json. */
export function readingJsonSchema(): string {
  const schema = z.toJSONSchema(Reading, { target: 'draft-2020-12' });
  return JSON.stringify(
    { ...schema, $id: 'https://sitrep.invalid/schema/reading.schema.json', title: 'sitrep reading' },
    null,
    2,
  );
}
