// The JSON-line document checker of `analyze --jsonl -` and `trace --jsonl -` (written without zod):
// fields kept, others dropped, and each problem named by its field as zod named it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DocumentLine } from '../../src/cli/document-line.ts';

const problems = (value: unknown) => {
  const checked = DocumentLine.safeParse(value);
  assert.equal(checked.success, false);
  return checked.success
    ? []
    : checked.error.issues.map((i) => `${i.path.join('.') || 'line'}: ${i.message}`);
};

test('a document line keeps its known fields and drops the others', () => {
  const line = {
    id: 'wire-17',
    text: 'Ministers met in Lisbon on Tuesday to discuss the fishing quotas.',
    url: null,
    title: 'Quota talks',
    published: '2024-03-05',
    source: 'wire',
  };
  assert.deepEqual(DocumentLine.safeParse(line), {
    success: true,
    data: {
      id: 'wire-17',
      text: line.text,
      url: null,
      title: 'Quota talks',
      published: '2024-03-05',
    },
  });
  assert.deepEqual(DocumentLine.safeParse({ id: 3, html: '<p>Hello</p>' }), {
    success: true,
    data: { id: 3, html: '<p>Hello</p>' },
  });
});

test('each problem of a document line is named by its field, in field order', () => {
  assert.deepEqual(problems({ text: 'A page.' }), ['id: Invalid input']);
  assert.deepEqual(problems({ id: true, text: 'A page.' }), ['id: Invalid input']);
  assert.deepEqual(problems({ id: 'a', text: 5 }), ['text: Invalid input: expected string, received number']);
  assert.deepEqual(problems({ id: null, text: null }), [
    'id: Invalid input',
    'text: Invalid input: expected string, received null',
  ]);
  assert.deepEqual(problems({ id: 'a', html: '<p>x</p>', site: 3, published: [] }), [
    'site: Invalid input: expected string, received number',
    'published: Invalid input: expected string, received array',
  ]);
  assert.deepEqual(problems({ id: 'a' }), ['line: needs "text" or "html"']);
  assert.deepEqual(problems([1]), ['line: Invalid input: expected object, received array']);
  assert.deepEqual(problems(null), ['line: Invalid input: expected object, received null']);
  assert.deepEqual(problems('text'), ['line: Invalid input: expected object, received string']);
});
