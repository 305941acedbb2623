import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHtml, textOf } from '../../src/extract/html/dom.ts';
import { applySiteRule } from '../../src/extract/html/site-rules.ts';
import { loadData } from '../../src/extract/data.ts';
import { SitrepError } from '../../src/model/errors.ts';
import { extractArticle } from '../../src/extract/index.ts';

const doc = () => parseHtml('<div class="a">first</div><div class="story-text">the body</div>');

test('a site rule selects the body for its host and its subdomains', () => {
  const rules = { 'example.com': '.story-text' };
  assert.equal(textOf(applySiteRule(doc(), 'https://www.example.com/x', rules)![0]!), 'the body');
  assert.equal(textOf(applySiteRule(doc(), 'https://news.example.com/x', rules)![0]!), 'the body');
});

test('no rule, no url, or a selector that finds nothing falls back to the general extractor (null)', () => {
  assert.equal(applySiteRule(doc(), 'https://other.org/x', { 'example.com': '.story-text' }), null);
  assert.equal(applySiteRule(doc(), null, { 'example.com': '.story-text' }), null);
  assert.equal(applySiteRule(doc(), 'https://example.com/x', { 'example.com': '.missing' }), null);
});

test('the shipped site rules are valid selectors keyed by bare host names', () => {
  const rules = loadData<{ rules: Record<string, string> }>('site-rules.json').rules;
  for (const [host, selector] of Object.entries(rules)) {
    assert.match(host, /^[a-z0-9.-]+\.[a-z]{2,}$/);
    assert.doesNotThrow(() => applySiteRule(doc(), `https://${host}/`, { [host]: selector }));
  }
});

test('absurdly deep nesting is refused with a clear error instead of a stack overflow', () => {
  const html = `<html><body>${'<div>'.repeat(5000)}<p>text</p></body></html>`;
  assert.throws(
    () =>
      extractArticle({ bytes: Buffer.from(html), contentType: 'text/html', url: null, name: 'deep.html' }),
    (e: unknown) =>
      e instanceof SitrepError && e.code === 'parse_failed' && e.message.startsWith('deep.html: '),
  );
});
