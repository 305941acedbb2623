import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractArticle } from '../../src/extract/index.ts';

const story = [
  'The regional parliament voted on Thursday to extend the night-train subsidy for another five years, securing the service until 2030.',
  'Operators had warned that without the subsidy they would cut the route to three nights a week, leaving hundreds of regular passengers without an alternative.',
  'The transport minister, Ilse Brandt, said the decision showed that sleeper trains had a future, and promised to review ticket prices next spring.',
  'Opposition members voted against the extension, arguing that the money would be better spent on regional buses.',
];
const paragraphs = story.map((p) => `<p>${p}</p>`).join('\n');
const extract = (body: string, head = '') =>
  extractArticle({
    bytes: Buffer.from(`<html><head>${head}</head><body>${body}</body></html>`),
    contentType: 'text/html',
    url: null,
    name: 'test.html',
  });

test('the body wins over a sidebar full of links and a footer', () => {
  const a = extract(
    `<div class="sidebar"><ul>${'<li><a href="/x">A headline elsewhere on the site</a></li>'.repeat(12)}</ul></div><div class="main">${paragraphs}</div><footer><p>Contact us at the newsroom, any time of day.</p></footer>`,
  );
  assert.equal(a.text, story.join('\n\n'));
});

test('share bars, newsletter boxes, related links and ads inside the body are removed', () => {
  const a = extract(
    `<article><div class="share-tools"><a href="#">Facebook</a><a href="#">X</a></div>${paragraphs.replace('</p>\n<p>', '</p><div class="newsletter-box"><p>Sign up for our morning briefing, delivered free every weekday.</p></div><p>')}<div class="related-stories"><h3>Related</h3><a href="/r">Bus fares to rise in May</a></div><div class="ad-container">Advertisement</div></article>`,
  );
  assert.equal(a.text, story.join('\n\n'));
});

test('hidden elements never reach the text', () => {
  const a = extract(
    `<article>${paragraphs}<p style="display:none">Secret tracking text that no reader sees on the page.</p><div hidden>Another hidden block of text here.</div><span class="sr-only">Screen reader note</span></article>`,
  );
  assert.equal(a.text, story.join('\n\n'));
});

test('headings and lists inside the body are kept, in order', () => {
  const a = extract(
    `<article>${paragraphs}<h2>What happens next</h2><ul><li>a review of ticket prices;</li><li>new carriages from 2026.</li></ul></article>`,
  );
  assert.ok(
    a.text.endsWith('What happens next\n\na review of ticket prices;\n\nnew carriages from 2026.'),
    a.text,
  );
});

test('figcaptions and credits go to captions, not the text', () => {
  const a = extract(
    `<article><figure><img src="a.jpg"><figcaption>The night train at the central station. Photo: Karl Weiss</figcaption></figure>${paragraphs}<div class="image"><img src="b.jpg"><p>Passengers boarding in the rain.</p></div></article>`,
  );
  assert.equal(a.text, story.join('\n\n'));
  assert.deepEqual(a.captions, [
    'The night train at the central station. Photo: Karl Weiss',
    'Passengers boarding in the rain.',
  ]);
});

test('a comment section after the article is dropped', () => {
  const a = extract(
    `<article>${paragraphs}</article><section id="comments" class="comments"><h3>3 Comments</h3><div class="comment"><p>Great news, I take this train every month and love it.</p></div></section>`,
  );
  assert.equal(a.text, story.join('\n\n'));
});

test('a byline and dateline inside the body are metadata, not text', () => {
  const a = extract(
    `<article><p class="byline">By Ilse Brandt</p><p>Published: 18 July 2023, 14:05</p>${paragraphs}</article>`,
  );
  assert.equal(a.text, story.join('\n\n'));
  assert.equal(a.byline, 'Ilse Brandt');
  assert.equal(a.published, '2023-07-18T14:05:00');
});

test('an article nested in the article (a teaser) is dropped', () => {
  const a = extract(
    `<article class="post">${paragraphs}<article class="post teaser"><h3>Another story</h3><p>A teaser paragraph for a different story, long enough to be scored as a paragraph.</p></article></article>`,
  );
  assert.equal(a.text, story.join('\n\n'));
});

test('an embedded post inside a "social" box is kept as quoted content', () => {
  const a = extract(
    `<div class="entry-content">${paragraphs}<div class="social-embed"><blockquote class="twitter-tweet"><p>Great day for night trains! <a href="https://t.co/x">https://t.co/x</a></p></blockquote></div></div>`,
  );
  assert.ok(a.text.includes('Great day for night trains!'), a.text);
});

test('itemprop=articleBody is preferred when it holds the article', () => {
  const a = extract(
    `<div class="wrapper"><div class="intro-box"><p>${story[0]}</p></div><div itemprop="articleBody">${paragraphs}</div></div>`,
  );
  assert.equal(a.text, story.join('\n\n'));
});

test('text written straight into a div with <br> breaks is found', () => {
  const a = extract(
    `<div id="texto"><p class="title">Night trains saved</p>${story.join('<br><br>\n')}</div><div class="menu"><a href="/">Home</a></div>`,
    '<title>Night trains saved</title>',
  );
  assert.equal(a.text, story.join('\n\n'));
});

test('JSON-LD articleBody fills in when the page shows only a teaser', () => {
  const ld = JSON.stringify({
    '@type': 'NewsArticle',
    headline: 'Night trains saved',
    articleBody: story.join('\n'),
  });
  const a = extract(
    `<h1>Night trains saved</h1><p>${story[0]}</p><div class="paywall">Subscribe to continue reading.</div>`,
    `<script type="application/ld+json">${ld}</script>`,
  );
  assert.equal(a.text, story.join('\n\n'));
});

test('JSON-LD articleBody that disagrees with the page is not used', () => {
  const other =
    'An unrelated text about football results from the weekend, which a broken CMS put here by mistake. '.repeat(
      8,
    );
  const ld = JSON.stringify({ '@type': 'NewsArticle', articleBody: other });
  const a = extract(`<article>${paragraphs}</article>`, `<script type="application/ld+json">${ld}</script>`);
  assert.equal(a.text, story.join('\n\n'));
});

test('a section page made of teasers has no article', () => {
  const teasers = story
    .map(
      (p, i) =>
        `<div class="card"><h3><a href="/s${i}">Headline number ${i} for a teaser card</a></h3><p>${p.slice(0, 90)}</p></div>`,
    )
    .join('');
  assert.throws(() => extract(`<main>${teasers}</main>`), /no article text found/);
});

test('an article followed by a few related teasers is still an article', () => {
  const related = [1, 2, 3, 4]
    .map((i) => `<h3><a href="/r${i}">Related headline number ${i} about trains</a></h3>`)
    .join('');
  const a = extract(`<article>${paragraphs}</article><div class="more">${related}</div>`);
  assert.equal(a.text, story.join('\n\n'));
});

test('caption boxes lose widget labels; teaser links in image boxes are not captions', () => {
  const a = extract(
    `<article><figure><img src="a.jpg"><figcaption><span>Image caption</span> Trains at dawn. <button>Close</button></figcaption></figure>${paragraphs}<div class="media-teaser"><img src="t.jpg"><a href="/other">Another story about buses and trams</a></div></article>`,
  );
  assert.deepEqual(a.captions, ['Trains at dawn.']);
});
