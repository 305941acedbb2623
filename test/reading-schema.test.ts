import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { readingJsonSchema } from '../src/model/json-schema.ts';

test('the published JSON Schema matches the zod contract (run scripts/write-schema.ts after changing it)', () => {
  const committed = readFileSync(new URL('../schema/reading.schema.json', import.meta.url), 'utf8').trim();
  assert.equal(committed, readingJsonSchema().trim());
});

test('the JSON Schema rejects a reading whose entity lacks mentions', () => {
  const ajv = new Ajv2020({ strict: false });
  const validate = ajv.compile(JSON.parse(readingJsonSchema()) as object);
  const article = {
    url: null,
    title: 'T',
    byline: null,
    published: null,
    site: null,
    language: 'en',
    text: 'Body.',
    captions: [],
    via: null,
    citedSources: [],
  };
  assert.equal(validate({ article, entities: [], quotes: [], events: [] }), true);
  const bad = {
    article,
    entities: [{ id: 'e1', type: 'PERSON', name: 'X', country: null, role: null }],
    quotes: [],
    events: [],
  };
  assert.equal(validate(bad), false);
});
