// Property tests: whatever is cut off or garbled, the parser returns a feed or a parse_failed
// error, never anything else, and a truncated feed keeps the items before the cut.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { SitrepError } from '../../src/model/index.ts';
import { parseFeed } from '../../src/ingest/index.ts';

const FIXTURES = [
  'rss2-news.xml',
  'atom10-blog.xml',
  'rss10-rdf.xml',
  'rss091.xml',
  'atom03.xml',
  'jsonfeed-11.json',
];

// A small deterministic generator, so a failure can be replayed.
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
}

function parseOrParseError(body: Buffer, name: string): number | null {
  try {
    return parseFeed({ body, name }).items.length;
  } catch (error) {
    assert.ok(error instanceof SitrepError, `${name}: threw ${String(error)}`);
    assert.equal(error.code, 'parse_failed', `${name}: ${error.message}`);
    return null;
  }
}

for (const name of FIXTURES) {
  const bytes = readFileSync(new URL(`../fixtures/ingest/${name}`, import.meta.url));
  const full = parseFeed({ body: bytes, name }).items.length;

  test(`${name}: every truncation parses or fails cleanly, never with more items`, () => {
    for (let cut = 0; cut < bytes.length; cut += 7) {
      const count = parseOrParseError(bytes.subarray(0, cut), `${name}[0:${cut}]`);
      if (count !== null) assert.ok(count <= full, `${name}[0:${cut}]: ${count} items > ${full}`);
    }
  });

  test(`${name}: random byte damage parses or fails cleanly`, () => {
    const next = random(bytes.length);
    for (let round = 0; round < 200; round++) {
      const damaged = Buffer.from(bytes);
      for (let i = 0; i < 5; i++) damaged[Math.floor(next() * damaged.length)] = Math.floor(next() * 256);
      parseOrParseError(damaged, `${name} round ${round}`);
    }
  });
}
