import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractArticle } from '../../src/extract/index.ts';
import { stripSiteName, tidySiteName } from '../../src/extract/html/metadata.ts';
import { guessLanguage } from '../../src/extract/meta/language.ts';

const body =
  '<article>' +
  '<p>The water board said on Thursday that reservoir levels had recovered after a wet autumn, and lifted the hosepipe ban.</p>'.repeat(
    3,
  ) +
  '</article>';
const page = (head: string, extraBody = '', htmlAttrs = '') =>
  `<html${htmlAttrs}><head>${head}</head><body>${extraBody}${body}</body></html>`;
const extract = (html: string, url: string | null = null) =>
  extractArticle({ bytes: Buffer.from(html), contentType: 'text/html', url, name: 'm.html' });

test('title: og:title first, then JSON-LD headline, then <h1>, then <title> minus the site name', () => {
  assert.equal(
    extract(page('<meta property="og:title" content="OG title"><title>Doc title | Site</title>')).title,
    'OG title',
  );
  assert.equal(
    extract(
      page(
        '<script type="application/ld+json">{"@type":"NewsArticle","headline":"LD headline"}</script><title>T</title>',
      ),
    ).title,
    'LD headline',
  );
  assert.equal(extract(page('<title>Doc title | Site</title>', '<h1>Heading one</h1>')).title, 'Heading one');
  assert.equal(
    extract(page('<title>Reservoirs recover after wet autumn | The Herald</title>')).title,
    'Reservoirs recover after wet autumn',
  );
});

test('stripSiteName removes the site part, on either side, and leaves real titles alone', () => {
  assert.equal(stripSiteName('Reservoirs recover - The Herald', 'The Herald'), 'Reservoirs recover');
  assert.equal(
    stripSiteName('The Herald | Reservoirs recover after a wet autumn', 'The Herald'),
    'Reservoirs recover after a wet autumn',
  );
  assert.equal(
    stripSiteName('Reservoirs recover after a wet autumn – Herald', null),
    'Reservoirs recover after a wet autumn',
  );
  assert.equal(stripSiteName('Biden - Xi summit: what to expect', null), 'Biden - Xi summit: what to expect');
});

test('byline: JSON-LD author, meta author, rel=author, .byline', () => {
  assert.equal(
    extract(
      page(
        '<script type="application/ld+json">{"@type":"Article","author":[{"name":"A One"},{"name":"B Two"}]}</script>',
      ),
    ).byline,
    'A One, B Two',
  );
  assert.equal(extract(page('<meta name="author" content="Meta Author">')).byline, 'Meta Author');
  assert.equal(extract(page('', '<a rel="author" href="/u/x">Rel Author</a>')).byline, 'Rel Author');
  assert.equal(extract(page('', '<div class="byline">By Class Author</div>')).byline, 'Class Author');
});

test('published: meta, JSON-LD, <time>, keeping the zone', () => {
  assert.equal(
    extract(page('<meta property="article:published_time" content="2023-10-01T09:00:00+02:00">')).published,
    '2023-10-01T09:00:00+02:00',
  );
  assert.equal(
    extract(
      page(
        '<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","datePublished":"2023-10-02T10:00:00Z"}]}</script>',
      ),
    ).published,
    '2023-10-02T10:00:00Z',
  );
  assert.equal(extract(page('', '<time datetime="2023-10-03">3 October</time>')).published, '2023-10-03');
});

test('site and canonical url (resolved against the page address)', () => {
  const a = extract(
    page('<meta property="og:site_name" content="The Herald"><link rel="canonical" href="/news/reservoirs">'),
    'https://herald.example/amp/news/reservoirs?x=1',
  );
  assert.equal(a.site, 'The Herald');
  assert.equal(a.url, 'https://herald.example/news/reservoirs');
  assert.equal(extract(page(''), 'https://herald.example/a').url, 'https://herald.example/a');
});

test('language: <html lang> first, else guessed from the text', () => {
  assert.equal(extract(page('', '', ' lang="en-GB"')).language, 'en');
  assert.equal(extract(page('')).language, 'en');
});

test('language guess covers the main European languages and scripts', () => {
  assert.equal(
    guessLanguage(
      'Le gouvernement a annoncé mardi que les prix de l’énergie seront gelés pour les ménages et les petites entreprises.',
    ),
    'fr',
  );
  assert.equal(
    guessLanguage(
      'Die Regierung hat am Dienstag angekündigt, dass die Energiepreise für Haushalte und kleine Unternehmen eingefroren werden.',
    ),
    'de',
  );
  assert.equal(
    guessLanguage(
      'El gobierno anunció el martes que los precios de la energía se congelarán para los hogares y las pequeñas empresas.',
    ),
    'es',
  );
  assert.equal(
    guessLanguage(
      'Il governo ha annunciato martedì che i prezzi dell’energia saranno congelati per le famiglie e le piccole imprese.',
    ),
    'it',
  );
  assert.equal(
    guessLanguage(
      'O governo anunciou na terça-feira que os preços da energia serão congelados para as famílias e as pequenas empresas.',
    ),
    'pt',
  );
  assert.equal(
    guessLanguage(
      'De regering heeft dinsdag aangekondigd dat de energieprijzen voor huishoudens en kleine bedrijven worden bevroren.',
    ),
    'nl',
  );
  assert.equal(
    guessLanguage(
      'Правительство во вторник объявило, что цены на энергию для домохозяйств и малого бизнеса будут заморожены.',
    ),
    'ru',
  );
  assert.equal(guessLanguage('政府は火曜日、家庭と中小企業向けのエネルギー価格を凍結すると発表した。'), 'ja');
  assert.equal(guessLanguage('short'), null);
});

test('stripSiteName works for non-Latin site names', () => {
  assert.equal(
    stripSiteName('商品の改造が商標法違反に - 国際特許事務所', '国際特許事務所'),
    '商品の改造が商標法違反に',
  );
});

test('site names: the brand before a pipe, a host for a URL', () => {
  assert.equal(tidySiteName('Autoracing | F1 | Indy'), 'Autoracing');
  assert.equal(tidySiteName('https://www.newsdesk.example.in'), 'newsdesk.example.in');
  assert.equal(tidySiteName('The Daily Ledger'), 'The Daily Ledger');
});
