import { test } from 'node:test';
import assert from 'node:assert/strict';
import { articleFromText, extractArticle } from '../../src/extract/index.ts';

const page = [
  'Port Strike Ends After Nine Days',
  'Port Strike Ends After Nine Days',
  'Dock workers returned to work on Friday after their union accepted a pay offer, ending a nine-day strike that had left dozens of ships waiting offshore.',
  'Cargo handlers said it would take about two weeks to clear the backlog, Reuters reported.',
  'Container ships waiting at anchor outside the port, Getty Images',
  'The union had asked for a 12% raise; the final deal gives 9% over two years.',
  'Leila Haddad\nFri, 06/09/2023 – 08:05',
  'via Harbour Report https://ift.tt/AbC123x Leila Haddad',
  'Leave a Reply',
  'Your email address will not be published. Required fields are marked *',
].join('\n\n');

test('a plain-text page: title once, body, captions apart, byline, date, via, cited sources', () => {
  const a = extractArticle({
    bytes: Buffer.from(page),
    contentType: 'text/plain',
    url: 'https://agg.example/port',
    name: 'port.txt',
  });
  assert.equal(a.title, 'Port Strike Ends After Nine Days');
  assert.equal(
    a.text,
    [
      'Dock workers returned to work on Friday after their union accepted a pay offer, ending a nine-day strike that had left dozens of ships waiting offshore.',
      'Cargo handlers said it would take about two weeks to clear the backlog, Reuters reported.',
      'The union had asked for a 12% raise; the final deal gives 9% over two years.',
    ].join('\n\n'),
  );
  assert.deepEqual(a.captions, ['Container ships waiting at anchor outside the port, Getty Images']);
  assert.equal(a.byline, 'Leila Haddad');
  assert.equal(a.published, '2023-06-09T08:05:00');
  assert.deepEqual(a.via, { name: 'Harbour Report', url: 'https://ift.tt/AbC123x' });
  assert.deepEqual(a.citedSources, ['Reuters']);
  assert.equal(a.language, 'en');
  assert.equal(a.url, 'https://agg.example/port');
});

test('a .txt with Windows line endings reads the same', () => {
  const a = extractArticle({
    bytes: Buffer.from(page.replace(/\n/g, '\r\n')),
    contentType: null,
    url: null,
    name: 'port.txt',
  });
  assert.equal(a.title, 'Port Strike Ends After Nine Days');
  assert.equal(a.byline, 'Leila Haddad');
});

test('articleFromText keeps the text exactly, so offsets line up', () => {
  const text =
    '  Leave a Reply\n\nPort Strike Ends. Officials told IRNA that the talks with the union were going well and that the port would be open by the end of the week.\n';
  const a = articleFromText(text, {
    url: 'https://x.example/a',
    title: 'Given title',
    published: 'Fri, 06/09/2023 – 08:05',
  });
  assert.equal(a.text, text);
  assert.equal(a.title, 'Given title');
  assert.equal(a.published, '2023-06-09T08:05:00');
  assert.equal(a.url, 'https://x.example/a');
  assert.deepEqual(a.citedSources, ['IRNA']);
  assert.equal(a.language, 'en');
});

test('a text file with one paragraph per line and no blank lines', () => {
  const lines = page.replace(/\n\n/g, '\n');
  const a = extractArticle({
    bytes: Buffer.from(lines),
    contentType: 'text/plain',
    url: null,
    name: 'lines.txt',
  });
  assert.equal(a.title, 'Port Strike Ends After Nine Days');
  assert.ok(a.text.startsWith('Dock workers returned to work on Friday'), a.text);
  assert.ok(!a.text.includes('Leave a Reply'));
  assert.equal(a.byline, 'Leila Haddad');
  assert.equal(a.published, '2023-06-09T08:05:00');
  assert.deepEqual(a.via, { name: 'Harbour Report', url: 'https://ift.tt/AbC123x' });
});
