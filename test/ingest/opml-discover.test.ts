import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildOpml, discoverFeeds, parseOpml } from '../../src/ingest/index.ts';

const OPML = `<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head><title>My subscriptions</title></head>
  <body>
    <outline text="World">
      <outline type="rss" text="Wire &amp; Co" xmlUrl="https://wire.example/rss" htmlUrl="https://wire.example/"/>
      <outline text="Europe">
        <outline type="rss" TEXT="Euro Desk" XMLURL="https://euro.example/atom.xml"/>
      </outline>
    </outline>
    <outline type="rss" title="Local" text="Local paper" xmlUrl="https://local.example/feed"/>
    <outline text="Just a note"/>
  </body>
</opml>`;

test('OPML import: nested folders, attribute case, titles', () => {
  const feeds = parseOpml(OPML, 'subs.opml');
  assert.deepEqual(
    feeds.map((f) => [f.url, f.title, f.folders.join('/')]),
    [
      ['https://wire.example/rss', 'Wire & Co', 'World'],
      ['https://euro.example/atom.xml', 'Euro Desk', 'World/Europe'],
      ['https://local.example/feed', 'Local', ''],
    ],
  );
  assert.throws(() => parseOpml('<rss/>', 'x.opml'), {
    code: 'parse_failed',
    message: /x\.opml: not an OPML file/,
  });
});

test('OPML export reads back the same feeds, with escaping', () => {
  const feeds = [
    { url: 'https://a.example/feed?x=1&y=2', title: 'A & "B"', siteUrl: 'https://a.example/' },
    { url: 'https://c.example/rss', title: null, siteUrl: null },
  ];
  const again = parseOpml(buildOpml(feeds), 'export');
  assert.deepEqual(
    again.map((f) => [f.url, f.title, f.siteUrl]),
    [
      ['https://a.example/feed?x=1&y=2', 'A & "B"', 'https://a.example/'],
      ['https://c.example/rss', 'https://c.example/rss', null],
    ],
  );
});

test('discovery: alternate links of feed types, resolved against the page and <base>', () => {
  const html = `<!doctype html><html><head>
    <link rel="stylesheet" href="/s.css">
    <link rel="alternate" type="application/rss+xml" title="All news" href="/feed/">
    <link rel="alternate" type="application/atom+xml" href="https://cdn.example/atom.xml">
    <link rel="alternate" hreflang="fr" href="/fr/">
    <link rel="Alternate" type="application/feed+json" href="feed.json">
  </head><body><a href="/rss">RSS</a></body></html>`;
  assert.deepEqual(
    discoverFeeds(html, 'https://site.example/news/').map((f) => [f.url, f.type, f.title]),
    [
      ['https://site.example/feed/', 'application/rss+xml', 'All news'],
      ['https://cdn.example/atom.xml', 'application/atom+xml', null],
      ['https://site.example/news/feed.json', 'application/feed+json', null],
    ],
  );
  assert.deepEqual(discoverFeeds('<html><head><title>x</title></head></html>', 'https://site.example/'), []);
});
