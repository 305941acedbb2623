import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseViaLine } from '../../src/extract/meta/via.ts';
import { cleanParagraphs } from '../../src/extract/text/clean-paragraphs.ts';
import {
  bylineFromLine,
  isBoilerplate,
  isCaptionLike,
  looksLikeName,
} from '../../src/extract/text/paragraph-rules.ts';

test('via lines give the feed name and link; the trailing author is not part of the name', () => {
  assert.deepEqual(parseViaLine('via Commodity Watch https://ift.tt/Qr7Lm2P Jonas Whitfield'), {
    name: 'Commodity Watch',
    url: 'https://ift.tt/Qr7Lm2P',
  });
  assert.deepEqual(parseViaLine('via Finance Wire https://example.com/a.'), {
    name: 'Finance Wire',
    url: 'https://example.com/a',
  });
  assert.equal(parseViaLine('via the back door, he said.'), null);
  assert.deepEqual(parseViaLine('Via: The Guardian'), { name: 'The Guardian', url: null });
  assert.deepEqual(parseViaLine('via Reuters'), { name: 'Reuters', url: null });
  assert.equal(parseViaLine('via a series of tunnels under the city'), null);
  assert.equal(parseViaLine('Richardson, via USA Today, said https://x.y'), null);
});

test('byline lines give the names', () => {
  assert.equal(bylineFromLine('By Jane Doe'), 'Jane Doe');
  assert.equal(bylineFromLine('By Jane Doe and John Roe'), 'Jane Doe and John Roe');
  assert.equal(bylineFromLine('Written by: Ana de la Cruz'), 'Ana de la Cruz');
  assert.equal(bylineFromLine('By the end of the year prices had doubled.'), null);
  assert.equal(bylineFromLine('by now'), null);
});

test('a bare name is recognised only when it looks like one', () => {
  assert.ok(looksLikeName('Tyler Durden'));
  assert.ok(looksLikeName('Mary-Ann O’Neill'));
  assert.ok(!looksLikeName('Markets'));
  assert.ok(!looksLikeName('The market fell sharply today'));
});

const BOILERPLATE = [
  'Leave a Reply',
  'Your email address will not be published. Required fields are marked *',
  'Advertisement',
  'Share this:',
  'Sign up for our free daily newsletter and get the top stories in your inbox.',
  'Tags: ukraine, grain, shipping',
  'Related Articles',
  '© 2023 The Daily Ledger Ltd. All rights reserved.',
  'Updated at 1:23 p.m.',
  '(Reporting by Ana Lima; Editing by Tom Brown)',
  'Staff writer Jo Park contributed to this report.',
  'Follow her on Twitter @janedoe or email jane@example.com.',
  'Advert',
];
for (const p of BOILERPLATE) test(`boilerplate: ${p}`, () => assert.ok(isBoilerplate(p)));

const NOT_BOILERPLATE = [
  'The committee will share its findings with the ministry next week.',
  'Related parties must disclose their interests, the regulator said.',
  'Comments from the minister drew criticism.',
  'Follow-up talks are planned for next week in Geneva.',
  'Reporting by the local paper helped expose the scandal, she said.',
];
for (const p of NOT_BOILERPLATE) test(`not boilerplate: ${p}`, () => assert.ok(!isBoilerplate(p)));

test('captions: short, no final punctuation, with a photo credit', () => {
  assert.ok(isCaptionLike('Wednesday’s meeting in the capital, Presidency Office via AP'));
  assert.ok(isCaptionLike('Harvesters at work in Minas Gerais, Bruno Costa / Reuters'));
  assert.ok(isCaptionLike('Protesters outside parliament. Getty Images'));
  assert.ok(isCaptionLike('Photo: Lani Fonoti'));
  assert.ok(!isCaptionLike('Harvesters were at work in Minas Gerais, Reuters reported.'));
  assert.ok(!isCaptionLike('The minister spoke to reporters via video link'.toLowerCase()));
});

test('cleanParagraphs drops the duplicated title, byline/date block, via line and comment form', () => {
  const out = cleanParagraphs(
    [
      'A Title Here',
      'First paragraph of the story, with real content.',
      'Second paragraph.',
      'Jonas Whitfield\nMon, 08/14/2023 – 16:30',
      'via Commodity Watch https://ift.tt/Qr7Lm2P Jonas Whitfield',
      'Leave a Reply',
      'Your email address will not be published.',
    ],
    'A Title Here',
  );
  assert.deepEqual(out.paragraphs, ['First paragraph of the story, with real content.', 'Second paragraph.']);
  assert.equal(out.byline, 'Jonas Whitfield');
  assert.equal(out.published, '2023-08-14T16:30:00');
  assert.deepEqual(out.via, { name: 'Commodity Watch', url: 'https://ift.tt/Qr7Lm2P' });
});

test('a name line alone, with no date beside it, stays in the text', () => {
  const out = cleanParagraphs(
    ['Intro paragraph of some length.', 'Ana Lopez', 'More text follows here.'],
    null,
  );
  assert.deepEqual(out.paragraphs, [
    'Intro paragraph of some length.',
    'Ana Lopez',
    'More text follows here.',
  ]);
  assert.equal(out.byline, null);
});
