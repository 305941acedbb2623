import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SitrepError } from '../../src/model/errors.ts';
import { parsePage } from '../../src/extract/html/page-shape.ts';
import { descendants } from '../../src/extract/html/dom.ts';
import { extractArticle } from '../../src/extract/index.ts';

const paragraph =
  '<p>The harbour board agreed on Monday to dredge the inner basin, which has silted up since the storms of last winter.</p>';

test('a fragment gets one body around its top-level nodes, head elements stay outside', () => {
  const doc = parsePage(`<title>Dredging</title>${paragraph}${paragraph}<div>${paragraph}</div>`, 'f.html');
  const bodies = descendants(doc).filter((el) => el.name === 'body');
  assert.equal(bodies.length, 1);
  assert.deepEqual(
    bodies[0]!.children.map((n) => (n as { name?: string }).name),
    ['p', 'p', 'div'],
  );
  assert.ok(descendants(doc).some((el) => el.name === 'title' && el.parent?.type === 'root'));
});

test('a page with a body is left as it is', () => {
  const doc = parsePage(`<html><body>${paragraph}</body></html>`, 'p.html');
  assert.equal(descendants(doc).filter((el) => el.name === 'body').length, 1);
});

test('a frameset page reads its <noframes> text; one without any names the framed pages', () => {
  const doc = parsePage(
    `<html><frameset><frame src="nav.htm"><noframes><body>${paragraph}</body></noframes></frameset></html>`,
    'fs.html',
  );
  const body = descendants(doc).find((el) => el.name === 'body');
  assert.ok(body && descendants(body).some((el) => el.name === 'p'));
  assert.throws(
    () => parsePage('<frameset><frame src="nav.htm"><frame src="main.htm"></frameset>', 'fs.html'),
    (error: unknown) =>
      error instanceof SitrepError && error.code === 'no_article' && /main\.htm/.test(error.message),
  );
});

const page = (body: string): Buffer =>
  Buffer.from(`<html><head><title>Basin dredging approved</title></head><body>${body}</body></html>`);
const extract = (body: string): string =>
  extractArticle({ bytes: page(body), contentType: 'text/html', url: null, name: 't.html' }).text;

test('a form that wraps most of the page is a container; a small form is still dropped', () => {
  const text = extract(
    `<form action="/x"><a href="/">Home</a>${paragraph.repeat(3)}</form><form><label>Search</label><p>Search the site for news, events and notices from the harbour board.</p></form>`,
  );
  assert.match(text, /dredge the inner basin/);
  assert.doesNotMatch(text, /Search the site/);
});

test('a box named like chrome that holds most of the page text is not pruned', () => {
  const text = extract(
    `<div class="widget Blog">${paragraph.repeat(3)}</div><div class="about"><p>I write about boats, tides and harbours in the evenings, from a small house on the quay.</p></div>`,
  );
  assert.match(text, /dredge the inner basin/);
  assert.doesNotMatch(text, /I write about boats/);
});

test('a one-sentence article is an article; a short error page is not', () => {
  assert.equal(
    extract('<article><p>The harbour reopened at noon.</p></article>'),
    'The harbour reopened at noon.',
  );
  assert.throws(
    () =>
      extractArticle({
        bytes: Buffer.from(
          '<html><head><title>404 Not Found</title></head><body><p>The page could not be found.</p></body></html>',
        ),
        contentType: 'text/html',
        url: null,
        name: 'e.html',
      }),
    (error: unknown) => error instanceof SitrepError && error.code === 'no_article',
  );
});
