// Hostile shapes are refused by the limits before the work that grows with their square; what is
// within the limits (a normal page, a deep but bounded JSON-LD block) still reads.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractArticle } from '../../src/extract/index.ts';
import { parseFeed } from '../../src/ingest/index.ts';
import { readText } from '../../src/pipeline/index.ts';
import { SitrepError } from '../../src/model/index.ts';
import { jsonDepthExceeds } from '../../src/extract/limits.ts';
import { NEWS_PAGE } from '../helpers/pages.ts';

const page = (html: string, name = 'page.html') => ({
  bytes: Buffer.from(html),
  contentType: 'text/html',
  url: null,
  name,
});

function refusedWith(code: string, pattern: RegExp) {
  return (e: unknown) => e instanceof SitrepError && e.code === code && pattern.test(e.message);
}

test('a page nested 40,000 deep is refused by the depth limit, naming the page and the limit', () => {
  const html = `<html><body>${'<div>'.repeat(40_000)}<p>text</p>${'</div>'.repeat(40_000)}</body></html>`;
  assert.throws(
    () => extractArticle(page(html, 'deep.html')),
    refusedWith('parse_failed', /^deep\.html: elements are nested more than 512 deep/),
  );
});

test('an unclosed 1.5 MB run of inline tags is refused by the depth limit', () => {
  const html = `<html><body>${'<span><b>'.repeat(170_000)}text</body></html>`;
  assert.ok(html.length > 1_400_000);
  assert.throws(() => extractArticle(page(html)), refusedWith('parse_failed', /nested more than 512 deep/));
});

test('a flood of empty elements is refused by the element limit', () => {
  const html = `<html><body>${'<i></i>'.repeat(600_000)}</body></html>`;
  assert.throws(() => extractArticle(page(html)), refusedWith('too_large', /more than 500,000 elements/));
});

test('a page over the size limit names the limit and --max-size; a larger limit admits it', () => {
  const html = NEWS_PAGE.replace('</article>', `<!-- ${'x'.repeat(3000)} --></article>`);
  assert.throws(
    () => extractArticle(page(html), { maxBytes: 2048 }),
    refusedWith('too_large', /over the 2\.0 KB limit for one page \(see --max-size\)/),
  );
  assert.match(extractArticle(page(html), { maxBytes: 8192 }).text, /grain corridor/);
});

test('text is held to the same size limit as pages', () => {
  assert.throws(
    () => readText({ text: 'word '.repeat(1000) }, { maxBytes: 1000 }, 'stdin line 4'),
    refusedWith('too_large', /^stdin line 4: .* limit for one text/),
  );
});

test('a JSON-LD block nested absurdly deep is skipped; the page still reads from its markup', () => {
  const deep = `${'['.repeat(50_000)}${']'.repeat(50_000)}`;
  const html = NEWS_PAGE.replace('</head>', `<script type="application/ld+json">${deep}</script></head>`);
  const article = extractArticle(page(html));
  assert.equal(article.title, 'Ministers agree on grain corridor extension');
});

test('jsonDepthExceeds counts brackets outside strings only', () => {
  assert.equal(jsonDepthExceeds('{"a": "[[[[[[[[[["}', 3), false);
  assert.equal(jsonDepthExceeds('{"a": [[[1]]]}', 3), true);
  assert.equal(jsonDepthExceeds('{"a\\"[[[[": 1}', 2), false);
});

test('a feed item holding XML nested thousands deep keeps the other items', () => {
  const junk = `${'<x>'.repeat(5000)}deep${'</x>'.repeat(5000)}`;
  const xml = `<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour</title>
<item><title>First</title><link>https://h.example/1</link><description>${junk}</description></item>
<item><title>Second</title><link>https://h.example/2</link></item></channel></rss>`;
  const feed = parseFeed({ body: xml, name: 'deep.xml' });
  assert.deepEqual(
    feed.items.map((i) => i.title),
    ['First', 'Second'],
  );
});

test('XML nested past the hard limit is refused as parse_failed, not a stack overflow', () => {
  const xml = `<rss><channel>${'<x>'.repeat(20_000)}</channel></rss>`;
  assert.throws(
    () => parseFeed({ body: xml, name: 'flood.xml' }),
    refusedWith('parse_failed', /^flood\.xml: elements are nested more than 10000 deep/),
  );
});
