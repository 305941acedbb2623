// Property tests on generated and mutated inputs: the feed parser, the extractor, the JSON-lines
// reader and the HTTP API's schemas never let an exception other than a SitrepError escape, and
// what they return is valid against the published reading schema. Bounded to a few seconds each.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { SitrepError } from '../../src/model/index.ts';
import { extractArticle } from '../../src/extract/index.ts';
import { parseFeed } from '../../src/ingest/index.ts';
import { readPage } from '../../src/pipeline/index.ts';
import { boundedLines, type Line } from '../../src/cli/line-reader.ts';
import { createApp } from '../../src/server/index.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { tempDir } from '../helpers/cli.ts';
import { NEWS_PAGE } from '../helpers/pages.ts';
import { mutate, seededRandom } from '../helpers/mutate.ts';

const FIXTURES = new URL('../fixtures/', import.meta.url).pathname;
const pages: Buffer[] = [
  Buffer.from(NEWS_PAGE),
  ...readdirSync(join(FIXTURES, 'extract'))
    .map((slug) => join(FIXTURES, 'extract', slug, 'source.html'))
    .filter((path) => existsSync(path))
    .map((path) => readFileSync(path)),
];
const feeds: Buffer[] = readdirSync(join(FIXTURES, 'ingest'))
  .filter((name) => /\.(xml|json)$/.test(name))
  .map((name) => readFileSync(join(FIXTURES, 'ingest', name)));

const validateReading = new Ajv2020({ strict: false }).compile(
  JSON.parse(readFileSync(new URL('../../schema/reading.schema.json', import.meta.url), 'utf8')) as object,
);

/** A mutated copy of one of `bases`, rebuilt from the seed alone. */
const mutated = (bases: Buffer[]) =>
  fc.tuple(fc.nat({ max: bases.length - 1 }), fc.integer({ min: 1 })).map(([i, seed]) => ({
    seed,
    bytes: mutate(bases[i]!, seededRandom(seed)),
  }));

function onlySitrepErrors<T>(work: () => T): T | null {
  try {
    return work();
  } catch (error) {
    if (error instanceof SitrepError) return null;
    throw error;
  }
}

test('the feed parser returns a feed or a SitrepError for any mutation of a real feed', () => {
  fc.assert(
    fc.property(mutated(feeds), ({ bytes }) => {
      const feed = onlySitrepErrors(() => parseFeed({ body: bytes, name: 'mutated.xml' }));
      if (!feed) return;
      for (const item of feed.items) {
        for (const field of [item.title, item.link, item.id, item.published])
          assert.ok(field === null || typeof field === 'string');
      }
    }),
    { numRuns: 300 },
  );
});

test('the feed parser survives arbitrary text and markup-like strings', () => {
  const markup = fc.stringMatching(/^[<>/a-z&;#"' \][!?=-]{0,200}$/);
  fc.assert(
    fc.property(fc.oneof(fc.string({ maxLength: 300 }), markup), (text) => {
      onlySitrepErrors(() => parseFeed({ body: Buffer.from(text), name: 'generated.xml' }));
    }),
    { numRuns: 300 },
  );
});

test('the extractor returns an article or a SitrepError for any mutation of a real page', () => {
  fc.assert(
    fc.property(mutated(pages), ({ bytes }) => {
      const article = onlySitrepErrors(() =>
        extractArticle({
          bytes,
          contentType: 'text/html',
          url: 'https://news.example/a',
          name: 'mutated.html',
        }),
      );
      if (!article) return;
      assert.ok(article.text.length > 0);
      assert.ok(!article.text.includes('\u0000'));
    }),
    { numRuns: 120 },
  );
});

test('whole readings of mutated pages are valid against the published schema', () => {
  fc.assert(
    fc.property(mutated(pages.slice(0, 3)), ({ bytes, seed }) => {
      const reading = onlySitrepErrors(() =>
        readPage({ bytes, contentType: 'text/html', url: null, name: 'mutated.html' }),
      );
      if (reading)
        assert.ok(validateReading(reading), `seed ${seed}: ${JSON.stringify(validateReading.errors)}`);
    }),
    { numRuns: 12 },
  );
});

async function collect(chunks: Buffer[], maxBytes: number): Promise<Line[]> {
  const out: Line[] = [];
  for await (const line of boundedLines(Readable.from(chunks), maxBytes)) out.push(line);
  return out;
}

test('the JSON-lines reader splits any chunking of any text into its lines, refusing only long ones', async () => {
  const text = fc.array(fc.oneof(fc.string({ maxLength: 40 }), fc.constant('\n'), fc.constant('é\r\n')), {
    maxLength: 30,
  });
  await fc.assert(
    fc.asyncProperty(
      text,
      fc.array(fc.nat({ max: 50 }), { maxLength: 10 }),
      fc.integer({ min: 1, max: 60 }),
      async (parts, cuts, max) => {
        const whole = Buffer.from(parts.join(''));
        const chunks: Buffer[] = [];
        let from = 0;
        for (const cut of [...cuts].sort((a, b) => a - b)) {
          if (cut > from && cut < whole.length) {
            chunks.push(whole.subarray(from, cut));
            from = cut;
          }
        }
        chunks.push(whole.subarray(from));
        const lines = await collect(chunks, max);
        const expected = whole.toString('utf8').split('\n');
        if (expected.at(-1) === '') expected.pop();
        assert.equal(lines.length, expected.length);
        lines.forEach((line, i) => {
          const want = expected[i]!;
          assert.equal(line.number, i + 1);
          if (Buffer.byteLength(want) > max) assert.ok('tooLarge' in line, `line ${i + 1} should be refused`);
          else assert.deepEqual(line, { number: i + 1, text: want.replace(/\r$/, '') });
        });
      },
    ),
    { numRuns: 300 },
  );
});

let store: Store;
let app: ReturnType<typeof createApp>;
const dir = tempDir();
before(async () => {
  store = await openStore({ kind: 'sqlite', path: join(dir.path, 'api.db') });
  app = createApp({ store });
});
after(async () => {
  await store.close();
  dir.remove();
});

test('the API answers any JSON body or query with a typed error or a result, never a 500', async () => {
  const body = fc.oneof(
    fc.jsonValue({ maxDepth: 3 }),
    fc.record(
      {
        text: fc.oneof(fc.string({ maxLength: 80 }), fc.integer()),
        html: fc.string({ maxLength: 80 }),
        url: fc.string({ maxLength: 30 }),
        title: fc.jsonValue({ maxDepth: 1 }),
      },
      { requiredKeys: [] },
    ),
  );
  await fc.assert(
    fc.asyncProperty(fc.constantFrom('/api/analyze', '/api/documents'), body, async (path, json) => {
      const response = await app.request(path, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(json),
      });
      assert.ok(response.status < 500, `${path} ${JSON.stringify(json)}: ${response.status}`);
      const answer = (await response.json()) as { error?: { code: string; message: string } };
      if (response.status >= 400) assert.match(answer.error?.code ?? '', /^[a-z_]+$/);
    }),
    { numRuns: 40 },
  );
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom('/api/documents', '/api/quotes', '/api/events'),
      fc.dictionary(
        fc.constantFrom('limit', 'offset', 'q', 'since', 'until', 'dyad', 'x'),
        fc.string({ maxLength: 12 }),
      ),
      async (path, query) => {
        const response = await app.request(`${path}?${new URLSearchParams(query).toString()}`);
        assert.ok(response.status < 500, `${path} ${JSON.stringify(query)}: ${response.status}`);
      },
    ),
    { numRuns: 60 },
  );
});
