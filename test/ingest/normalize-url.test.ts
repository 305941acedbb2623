import { test } from 'node:test';
import assert from 'node:assert/strict';
// The registry's behaviour (both databases) is in the store contract: test/store/feeds-cases.ts.
import { normalizeUrl } from '../../src/ingest/index.ts';

test('normalised URLs: tracking parameters, fragments, trailing slash, case, www and scheme', () => {
  const same = [
    'https://www.News.example/a/story/?utm_source=rss&utm_medium=feed#comments',
    'http://news.example/a/story',
    'https://news.example/a/story/index.html',
    'https://news.example:443/a/story?fbclid=xyz',
  ];
  const forms = new Set(same.map(normalizeUrl));
  assert.equal(forms.size, 1, [...forms].join(' | '));
  assert.notEqual(
    normalizeUrl('https://news.example/a/story?id=1'),
    normalizeUrl('https://news.example/a/story?id=2'),
  );
  assert.equal(normalizeUrl('https://news.example/?b=2&a=1'), normalizeUrl('https://news.example/?a=1&b=2'));
  assert.equal(normalizeUrl('mailto:x@example.com'), null);
});
