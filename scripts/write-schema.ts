// Writes schema/reading.schema.json from the zod reading contract (run: node --import tsx scripts/write-schema.ts).
import { writeFileSync } from 'node:fs';
import { readingJsonSchema } from '../src/model/json-schema.ts';

writeFileSync(new URL('../schema/reading.schema.json', import.meta.url), readingJsonSchema() + '\n');
