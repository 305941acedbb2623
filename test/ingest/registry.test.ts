import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FeedRegistry, normalizeUrl } from '../../src/ingest/index.ts';

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

test('registry: add, find by id or url, health after success and failure, seen items, remove', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-registry-'));
  const registry = new FeedRegistry(join(dir, 'sitrep.db'));
  try {
    const { feed, added } = registry.add('https://news.example/feed.xml', 'News', 1000);
    assert.equal(added, true);
    assert.equal(registry.add('https://news.example/feed.xml').added, false);
    assert.equal(registry.get(String(feed.id))?.url, feed.url);
    assert.deepEqual(
      registry.due(1000).map((f) => f.id),
      [feed.id],
    );
    registry.recordFailure(feed.id, { category: 'http_5xx', message: 'HTTP 500', nextPollAt: 5000 }, 1000);
    registry.recordFailure(feed.id, { category: 'timeout', message: 'slow', nextPollAt: 9000 }, 2000);
    let health = registry.get(feed.id);
    assert.equal(health?.errorCount, 2);
    assert.equal(health?.lastErrorCategory, 'timeout');
    assert.deepEqual(registry.due(5000), [], 'not due while backing off');
    registry.recordSuccess(
      feed.id,
      {
        title: null,
        siteUrl: 'https://news.example/',
        etag: '"x"',
        lastModified: null,
        contentHash: 'abc',
        ttlMinutes: null,
        intervalMinutes: 60,
        nextPollAt: 20_000,
        newItems: 3,
        unconditional: false,
      },
      10_000,
    );
    health = registry.get(feed.id);
    assert.equal(health?.errorCount, 0);
    assert.equal(health?.title, 'News', 'kept when the poll gives none');
    assert.equal(health?.itemsSeen, 3);
    assert.equal(health?.lastSuccessAt, 10_000);
    assert.equal(health?.lastErrorCategory, 'timeout', 'the last error stays visible');

    registry.markSeen(feed.id, { guid: 'g1', link: 'https://news.example/a?utm_source=x' });
    assert.equal(registry.hasSeen(feed.id, { guid: 'g1', link: null }), true, 'by GUID');
    assert.equal(registry.hasSeen(feed.id + 1, { guid: 'g1', link: null }), false, 'GUIDs are per feed');
    assert.equal(
      registry.hasSeen(feed.id + 1, { guid: null, link: 'https://news.example/a/#top' }),
      true,
      'by URL',
    );
    const claim = registry.markSeen(feed.id, { guid: 'g2', link: null });
    registry.unmarkSeen(claim);
    assert.equal(registry.hasSeen(feed.id, { guid: 'g2', link: null }), false);

    assert.equal(registry.moveTo(feed.id, 'https://news.example/new.xml'), true);
    assert.equal(registry.get('https://news.example/new.xml')?.id, feed.id);
    assert.equal(registry.remove(feed.id), true);
    assert.equal(registry.list().length, 0);
  } finally {
    registry.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
