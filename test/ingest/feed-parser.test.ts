import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { parseFeed } from '../../src/ingest/index.ts';

const fixture = (name: string): Buffer =>
  readFileSync(new URL(`../fixtures/ingest/${name}`, import.meta.url));
const parse = (name: string, url: string | null = null) => parseFeed({ body: fixture(name), name, url });

test('RSS 2.0: titles as text, creator, dates with offsets and zones, guid as permalink, TTL from sy:', () => {
  const feed = parse('rss2-news.xml', 'https://gazette.example/feed/');
  assert.equal(feed.format, 'rss');
  assert.equal(feed.title, 'Harbour Gazette \u2013 Local news');
  assert.equal(feed.self, 'https://gazette.example/feed/');
  assert.equal(feed.ttlMinutes, 30);
  const [first, second, third] = feed.items;
  assert.equal(first?.title, 'Council approves new ferry timetable');
  assert.equal(first?.author, 'Maria Jensen');
  assert.equal(first?.published, '2025-06-03T09:39:21.000Z');
  assert.match(first?.content ?? '', /every 40 minutes/);
  assert.equal(second?.link, 'https://gazette.example/2025/06/02/bridge-repairs/', 'relative link resolved');
  assert.equal(second?.published, '2025-06-02T21:05:00.000Z', 'EDT is UTC-4');
  assert.equal(third?.link, 'https://gazette.example/letters/parking', 'permalink guid is the link');
});

test('Atom 1.0: xml:base on feed, entry and content; xhtml and html titles; self link', () => {
  const feed = parse('atom10-blog.xml');
  assert.equal(feed.format, 'atom');
  assert.equal(feed.title, 'Field notes & dispatches');
  assert.equal(feed.link, 'https://blog.example/');
  assert.equal(feed.self, 'https://blog.example/atom.xml');
  const [first, second] = feed.items;
  assert.equal(first?.title, 'Drought hits the valley');
  assert.equal(first?.link, 'https://blog.example/posts/drought');
  assert.equal(first?.published, '2025-06-03T06:15:00.000Z', 'published wins over updated');
  assert.equal(first?.author, 'Ana Ruiz');
  assert.match(first?.content ?? '', /<p>Wells are <a href="wells">running dry<\/a>.<\/p>/);
  assert.equal(second?.title, 'Plain text title with a <tag> in it', 'type=text keeps angle brackets');
  assert.equal(second?.link, 'https://other.example/section/item?id=2');
  assert.equal(second?.author, 'Guest Writer');
  assert.equal(second?.content, '<p>Escaped &amp; HTML body</p>');
});

test('RSS 1.0 (RDF): items beside the channel, dc:date', () => {
  const feed = parse('rss10-rdf.xml');
  assert.equal(feed.format, 'rdf');
  assert.deepEqual(
    feed.items.map((i) => [i.title, i.link, i.published]),
    [
      ['Markets open higher', 'https://wire.example/a/1', '2025-06-03T11:30:00.000Z'],
      ['Rain expected in the north', 'https://wire.example/a/2', '2025-06-03T00:00:00.000Z'],
    ],
  );
});

test('RSS 0.91 in ISO-8859-1 with HTML entities from its DTD', () => {
  const feed = parse('rss091.xml');
  assert.equal(feed.title, 'Café Weekly');
  assert.equal(feed.items[0]?.title, 'Crème brûlée latte arrives');
  assert.equal(feed.items[0]?.summary, 'It\u2019s sweet.');
});

test('Atom 0.3: escaped title, issued date, base64 content', () => {
  const feed = parse('atom03.xml');
  assert.equal(feed.title, 'Old <Atom> feed');
  assert.equal(feed.items[0]?.published, '2004-12-01T03:00:00.000Z');
  assert.equal(feed.items[0]?.content, '<p>Hello <b>world</b></p>');
});

test('JSON Feed 1.1 and 1.0: authors, relative url, external_url, numeric id', () => {
  const v11 = parse('jsonfeed-11.json', 'https://night.example/feed.json');
  assert.equal(v11.format, 'json');
  assert.equal(v11.items[0]?.link, 'https://night.example/2025/06/03/power-cut');
  assert.equal(v11.items[0]?.author, 'Lee Park');
  assert.equal(v11.items[0]?.published, '2025-06-03T08:12:00.000Z');
  assert.equal(v11.items[1]?.id, '42');
  assert.equal(v11.items[1]?.link, 'https://elsewhere.example/story');
  assert.equal(v11.items[1]?.author, 'Night Desk Team', 'falls back to the feed author');
  const v10 = parse('jsonfeed-10.json');
  assert.equal(v10.items[0]?.author, 'Brief Editor');
});

test('a broken feed: text before <?xml, bare &, undefined entity, broken date, truncated end', () => {
  const feed = parse('broken-news.xml');
  assert.equal(feed.title, "Tom & Jerry's News Desk \u2014 &undefinedentity; edition");
  assert.equal(feed.items.length, 3, 'the cut-off item is kept');
  assert.equal(feed.items[0]?.title, 'Prices rise at Smith & Sons');
  assert.equal(feed.items[0]?.link, 'https://tj.example/prices?a=1&b=2');
  assert.equal(feed.items[0]?.published, '2025-06-03T09:39:21.000Z');
  assert.equal(feed.items[2]?.title, 'Third story cut off mid-wa');
});

const smallRss = (title: string, encoding: string): string =>
  `<?xml version="1.0" encoding="${encoding}"?><rss version="2.0"><channel><title>${title}</title><item><title>${title}</title></item></channel></rss>`;

test('encodings: BOM, UTF-16, windows-1252 mislabelled as UTF-8, HTTP charset over declaration', () => {
  const title = '\u201cQuoted\u201d café';
  const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(smallRss(title, 'utf-8'))]);
  assert.equal(parseFeed({ body: bom, name: 'bom' }).title, title);
  const utf16 = Buffer.concat([
    Buffer.from([0xff, 0xfe]),
    iconv.encode(smallRss(title, 'utf-16'), 'utf-16le'),
  ]);
  assert.equal(parseFeed({ body: utf16, name: 'utf16' }).title, title);
  const cp1252 = iconv.encode(smallRss(title, 'utf-8'), 'windows-1252');
  assert.equal(parseFeed({ body: cp1252, name: 'cp1252' }).title, title);
  const latin1Declared = iconv.encode(smallRss('café', 'iso-8859-1'), 'utf-8');
  const byHeader = parseFeed({
    body: latin1Declared,
    name: 'header',
    contentType: 'application/rss+xml; charset=utf-8',
  });
  assert.equal(byHeader.title, 'café');
});

test('titles: HTML stripped, scripts and comments dropped', () => {
  const rss = `<rss><channel><item><title>&lt;b&gt;Bold&lt;/b&gt; move&lt;script&gt;alert(1)&lt;/script&gt;&lt;!-- note --&gt;</title></item></channel></rss>`;
  assert.equal(parseFeed({ body: rss, name: 't' }).items[0]?.title, 'Bold move');
});

test('namespaces: any prefix for Atom inside RSS, undeclared prefixes kept', () => {
  const rss = `<rss xmlns:a="http://www.w3.org/2005/Atom" xmlns:d="http://purl.org/dc/elements/1.1/"><channel><a:link rel="self" href="https://x.example/rss"/><item><title>t</title><d:creator>Jo</d:creator><d:date>2025-01-02T03:04:05Z</d:date></item></channel></rss>`;
  const feed = parseFeed({ body: rss, name: 'ns' });
  assert.equal(feed.self, 'https://x.example/rss');
  assert.equal(feed.items[0]?.author, 'Jo');
  assert.equal(feed.items[0]?.published, '2025-01-02T03:04:05.000Z');
});

test('not a feed: an HTML page, empty input and bad JSON are parse_failed errors naming the input', () => {
  assert.throws(() => parseFeed({ body: '<html><body>hi</body></html>', name: 'page.html' }), {
    code: 'parse_failed',
    message: /page\.html: not a feed \(root element <html>/,
  });
  assert.throws(() => parseFeed({ body: '  ', name: 'empty.xml' }), { code: 'parse_failed' });
  assert.throws(() => parseFeed({ body: '{"items": 3}', name: 'x.json' }), { code: 'parse_failed' });
});
