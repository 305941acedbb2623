import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SitrepError } from '../../src/model/errors.ts';
import { extractArticle, type RawInput } from '../../src/extract/index.ts';

const input = (
  bytes: Buffer,
  contentType: string | null = 'text/html',
  name = 'page-under-test.html',
): RawInput => ({
  bytes,
  contentType,
  url: null,
  name,
});

function assertRejects(raw: RawInput, code: string, options?: { maxBytes?: number }): void {
  assert.throws(
    () => extractArticle(raw, options),
    (error: unknown) => {
      assert.ok(error instanceof SitrepError, 'a SitrepError');
      assert.equal(error.code, code);
      assert.ok(error.message.includes(raw.name), `message names the input: ${error.message}`);
      return true;
    },
  );
}

const article = `<html><body><article>${'<p>The council met on Tuesday to discuss the budget, and members agreed to fund two new libraries in the east of the city.</p>'.repeat(4)}</article></body></html>`;

test('an empty file is empty_input', () => assertRejects(input(Buffer.alloc(0)), 'empty_input'));

test('a file of only whitespace is empty_input', () =>
  assertRejects(input(Buffer.from(' \n\t\r\n ')), 'empty_input'));

test('a page with a few stray control bytes is text: they are dropped from the article', () => {
  const page = article.replace('budget,', 'budget,\u0000').replace('libraries', 'libra\u000bries');
  const result = extractArticle(input(Buffer.from(page)));
  assert.match(result.text, /discuss the budget, and members agreed to fund two new libraries/);
});

test('random bytes (mostly control bytes) are binary_input even without a magic number', () => {
  const bytes = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
  assertRejects(input(bytes, null, 'blob.bin'), 'binary_input');
});

test('bytes with NULs are binary_input', () => {
  const bytes = Buffer.from([0x3c, 0x70, 0x3e, 0x00, 0x01, 0x02, 0x00, 0x41, 0x42, 0x00, 0x03]);
  assertRejects(input(bytes, null, 'blob.bin'), 'binary_input');
});

test('a page over the size cap is too_large (50 MB against the 20 MB default)', () => {
  const big = Buffer.alloc(50 * 1024 * 1024, 0x61);
  assertRejects(input(big), 'too_large');
});

test('the size cap is an option', () => {
  assertRejects(input(Buffer.from(article)), 'too_large', { maxBytes: 100 });
  assert.ok(extractArticle(input(Buffer.from(article)), { maxBytes: 10_000 }).text.includes('council'));
});

test('a PDF by its magic bytes is unsupported_type, whatever the name or type says', () => {
  assertRejects(
    input(Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n'), 'text/html', 'report.html'),
    'unsupported_type',
  );
});

test('PNG, JPEG and GIF images by magic bytes are unsupported_type', () => {
  assertRejects(
    input(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), null, 'a.png'),
    'unsupported_type',
  );
  assertRejects(input(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), null, 'a.jpg'), 'unsupported_type');
  assertRejects(input(Buffer.from('GIF89a\x01\x00'), null, 'a.gif'), 'unsupported_type');
});

test('a non-HTML, non-text content type is unsupported_type and the message names the type', () => {
  const raw = input(Buffer.from(article), 'application/pdf', 'https://example.com/report');
  assert.throws(() => extractArticle(raw), /application\/pdf/);
  assertRejects(input(Buffer.from(article), 'image/jpeg', 'https://example.com/photo'), 'unsupported_type');
});

test('application/octet-stream is decided from the bytes', () => {
  assert.ok(
    extractArticle(input(Buffer.from(article), 'application/octet-stream')).text.includes('libraries'),
  );
});

test('a page with no article is no_article', () => {
  const nav =
    '<html><body><nav><a href="/">Home</a> <a href="/a">About</a></nav><ul><li><a href="/x">One</a></li><li><a href="/y">Two</a></li></ul></body></html>';
  assertRejects(input(Buffer.from(nav)), 'no_article');
});

test('a text page with only a title is no_article', () => {
  assertRejects(input(Buffer.from('Just a title\n'), 'text/plain', 'title-only.txt'), 'no_article');
});
