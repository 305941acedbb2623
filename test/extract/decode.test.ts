import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeBytes, extractArticle, type RawInput } from '../../src/extract/index.ts';

const raw = (bytes: Buffer, contentType: string | null = null): RawInput => ({
  bytes,
  contentType,
  url: null,
  name: 't',
});
// “Quoted” — it’s in windows-1252: 0x93 0x94 0x97 0x92
const cp1252 = Buffer.concat([
  Buffer.from('<p>'),
  Buffer.from([0x93]),
  Buffer.from('Quoted'),
  Buffer.from([0x94, 0x20, 0x97, 0x20]),
  Buffer.from('it'),
  Buffer.from([0x92]),
  Buffer.from('s</p>'),
]);

test('a UTF-8 BOM wins and is stripped', () => {
  const out = decodeBytes(
    raw(
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<p>café</p>')]),
      'text/html; charset=windows-1252',
    ),
  );
  assert.equal(out.encoding, 'utf-8');
  assert.equal(out.text, '<p>café</p>');
});

test('a UTF-16LE BOM decodes UTF-16', () => {
  const body = Buffer.from('<p>naïve</p>', 'utf16le');
  const out = decodeBytes(raw(Buffer.concat([Buffer.from([0xff, 0xfe]), body])));
  assert.equal(out.text, '<p>naïve</p>');
});

test('windows-1252 from the HTTP header maps 0x80-0x9F to curly quotes and dashes, not C1 controls', () => {
  const out = decodeBytes(raw(cp1252, 'text/html; charset=windows-1252'));
  assert.equal(out.text, '<p>“Quoted” — it’s</p>');
});

test('iso-8859-1 is read as windows-1252, as browsers do', () => {
  assert.equal(decodeBytes(raw(cp1252, 'text/html; charset=ISO-8859-1')).text, '<p>“Quoted” — it’s</p>');
});

test('<meta charset> and <meta http-equiv> declare the encoding', () => {
  const withMeta = Buffer.concat([Buffer.from('<html><head><meta charset="windows-1252"></head>'), cp1252]);
  assert.ok(decodeBytes(raw(withMeta)).text.includes('“Quoted”'));
  const httpEquiv = Buffer.concat([
    Buffer.from('<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'),
    cp1252,
  ]);
  assert.equal(decodeBytes(raw(httpEquiv)).encoding, 'windows-1252');
});

test('the XML declaration declares the encoding', () => {
  const xml = Buffer.concat([Buffer.from('<?xml version="1.0" encoding="windows-1252"?><html>'), cp1252]);
  assert.equal(decodeBytes(raw(xml)).encoding, 'windows-1252');
});

test('declared UTF-8 with invalid bytes falls back to windows-1252', () => {
  const out = decodeBytes(raw(cp1252, 'text/html; charset=utf-8'));
  assert.equal(out.encoding, 'windows-1252');
  assert.ok(out.text.includes('“Quoted”'));
});

test('no declaration: valid UTF-8 is UTF-8, invalid is windows-1252', () => {
  assert.equal(decodeBytes(raw(Buffer.from('<p>Zürich – “ok”</p>'))).text, '<p>Zürich – “ok”</p>');
  assert.equal(decodeBytes(raw(cp1252)).encoding, 'windows-1252');
});

test('a single-byte declaration on real multi-byte UTF-8 is overruled', () => {
  const out = decodeBytes(raw(Buffer.from('<p>Zürich – “ok”</p>'), 'text/html; charset=iso-8859-1'));
  assert.equal(out.text, '<p>Zürich – “ok”</p>');
});

test('other declared encodings are honoured (Shift_JIS, KOI8-R)', () => {
  const sjis = Buffer.from([0x93, 0xfa, 0x96, 0x7b]); // 日本
  assert.equal(decodeBytes(raw(sjis, 'text/html; charset=Shift_JIS')).text, '日本');
  const koi = Buffer.from([0xed, 0xcf, 0xd3, 0xcb, 0xd7, 0xc1]); // Москва
  assert.equal(decodeBytes(raw(koi, 'text/plain; charset=koi8-r')).text, 'Москва');
});

test('a wrong charset does not break extraction of a whole page', () => {
  const page = Buffer.concat([
    Buffer.from('<html><head><meta charset="utf-8"><title>T</title></head><body><article>'),
    Buffer.concat(
      Array(4).fill(
        Buffer.concat([
          cp1252.subarray(0, -4),
          Buffer.from(' said the mayor, who spoke to reporters after the vote on the new bridge.</p>'),
        ]),
      ),
    ),
    Buffer.from('</article></body></html>'),
  ]);
  const article = extractArticle({ bytes: page, contentType: null, url: null, name: 'mislabelled.html' });
  assert.ok(article.text.includes('“Quoted” — it’s said the mayor'), article.text);
});

const withBadByte = (prefix: string, suffix: string): Buffer =>
  Buffer.concat([Buffer.from(prefix), Buffer.from([0xff]), Buffer.from(suffix)]);

test('one invalid byte in a UTF-8 page is replaced; the rest keeps its accents', () => {
  const bytes = withBadByte('<html><head><meta charset="utf-8"></head><body><p>Zürich, Genève ', ' Bern</p>');
  for (const contentType of ['text/html; charset=utf-8', null]) {
    const out = decodeBytes(raw(bytes, contentType));
    assert.equal(out.encoding, 'utf-8');
    assert.ok(out.text.includes('Zürich, Genève \ufffd Bern'), out.text);
  }
});

test('bytes mostly invalid as UTF-8 still fall back to windows-1252, declared or not', () => {
  for (const contentType of ['text/html; charset=utf-8', null]) {
    assert.equal(decodeBytes(raw(cp1252, contentType)).text, '<p>“Quoted” — it’s</p>');
  }
});

test('a feed declared UTF-8 with one bad byte keeps its other accents', async () => {
  const { parseFeed } = await import('../../src/ingest/index.ts');
  const xml = withBadByte(
    '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Zürich news</title><item><title>Genève ',
    '</title><link>https://z.example/1</link></item></channel></rss>',
  );
  const feed = parseFeed({ body: xml, name: 'z.xml' });
  assert.equal(feed.title, 'Zürich news');
  assert.equal(feed.items[0]?.title, 'Genève \ufffd');
});
