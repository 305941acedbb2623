// Every behaviour of the Store interface, written once; contract.test.ts runs each case on every
// implementation against a real, empty database.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { SitrepError } from '../../src/model/index.ts';
import type { Page, Store } from '../../src/store/index.ts';
import { buildDocument, type StorySpec } from './news-builder.ts';
import { allStories, brazil, germany, japan, kenya, zurich } from './stories.ts';
import type { StoreHarness } from './targets.ts';

type Case = (h: StoreHarness) => Promise<void>;

async function addAll(store: Store, stories: StorySpec[] = allStories): Promise<Map<StorySpec, string>> {
  const ids = new Map<StorySpec, string>();
  for (const story of stories) ids.set(story, (await store.addDocument(buildDocument(story))).id);
  return ids;
}

function titles<T extends { title?: string | null; documentTitle?: string | null }>(page: Page<T>): string[] {
  return page.items.map((item) => (item.title ?? item.documentTitle)!);
}

async function rejectsWith(
  promise: Promise<unknown>,
  code: string,
  includes: string[],
): Promise<SitrepError> {
  const error = await promise.then(
    () => assert.fail(`expected a ${code} error`),
    (e: unknown) => e,
  );
  assert.ok(error instanceof SitrepError, `expected a SitrepError, got ${String(error)}`);
  assert.equal(error.code, code, error.message);
  for (const part of includes)
    assert.ok(error.message.includes(part), `'${error.message}' should mention '${part}'`);
  return error;
}

async function assertEmpty(store: Store): Promise<void> {
  assert.deepEqual(await store.stats(), { documents: 0, entities: 0, quotes: 0, events: 0 });
  assert.equal((await store.listDocuments()).total, 0);
  assert.equal((await store.search('finance')).total, 0);
}

export const contractCases: Record<string, Case> = {
  async 'a stored document comes back with its reading exactly'({ store }) {
    const doc = buildDocument(kenya);
    const result = await store.addDocument(doc);
    const sha256 = createHash('sha256').update(doc.raw).digest('hex');
    assert.deepEqual(result, { id: sha256.slice(0, 16), status: 'added' });
    const stored = await store.getDocument(result.id);
    assert.ok(stored);
    assert.deepEqual(stored.reading, doc.reading);
    assert.equal(stored.sha256, sha256);
    assert.equal(stored.origin, kenya.url);
    assert.equal(stored.contentType, 'text/html; charset=utf-8');
    assert.equal(stored.title, kenya.title);
    assert.equal(stored.byline, kenya.byline);
    assert.equal(stored.published, '2024-06-20');
    assert.ok(!Number.isNaN(Date.parse(stored.addedAt)) && stored.addedAt.endsWith('Z'), stored.addedAt);
    assert.ok(stored.snippet.startsWith('Thousands of protesters marched'), stored.snippet);
    assert.ok(stored.snippet.length <= 241, `snippet is ${stored.snippet.length} long`);
    assert.deepEqual(await store.getDocument(sha256), stored, 'the full SHA-256 finds it too');
  },

  async 'the same raw bytes added twice are stored once, under the same id'({ store }) {
    const first = await store.addDocument(buildDocument(brazil));
    const again = await store.addDocument(buildDocument(brazil, '/home/me/saved/brazil.html'));
    assert.deepEqual(again, { id: first.id, status: 'unchanged' });
    assert.equal((await store.listDocuments()).total, 1);
    assert.equal((await store.getDocument(first.id))?.origin, brazil.url, 'the first origin is kept');
    assert.equal((await store.listQuotes()).total, 2, 'quotes are not doubled');
  },

  async 'the raw bytes come back byte for byte, whatever their encoding'({ store }) {
    // windows-1252 curly quotes (0x93, 0x94) and a pound sign (0xA3): not valid UTF-8.
    const raw = Buffer.concat([
      Buffer.from('<html><head><meta charset="windows-1252"></head><body><p>'),
      Buffer.from([0x93, 0x48, 0x69, 0x94, 0x20, 0xa3, 0x35]),
      Buffer.from('</p></body></html>'),
    ]);
    const doc = { ...buildDocument(zurich), raw, contentType: 'text/html; charset=windows-1252' };
    const { id } = await store.addDocument(doc);
    const back = await store.getRaw(id);
    assert.ok(back);
    assert.ok(back.raw.equals(raw));
    assert.equal(back.contentType, 'text/html; charset=windows-1252');
    assert.equal(back.sha256, createHash('sha256').update(raw).digest('hex'));
  },

  async 'unknown ids are null, not errors'({ store }) {
    await addAll(store, [kenya]);
    assert.equal(await store.getDocument('0000000000000000'), null);
    assert.equal(await store.getRaw('0000000000000000'), null);
    assert.equal(await store.deleteDocument('0000000000000000'), false);
    assert.equal(await store.getDocument('bad\u0000id'), null, 'even with a NUL in it');
    assert.equal((await store.listQuotes({ speaker: 'Ruto\u0000' })).total, 2, 'NUL is a separator');
    assert.equal((await store.listEvents({ actor: '\u0000', documentId: '\uD800' })).total, 0);
  },

  async 'a write that fails part-way (a bad event, after the document, entities and quotes) leaves nothing'(
    h,
  ) {
    const doc = buildDocument(kenya);
    const event = doc.reading.events[2]!;
    // Evidence that ends before it starts passes the zod contract but not the events table's CHECK.
    doc.reading.events[2] = { ...event, evidence: { ...event.evidence, end: event.evidence.start - 1 } };
    await rejectsWith(h.store.addDocument(doc), 'store_failed', [h.store.location, kenya.url!]);
    await assertEmpty(h.store);
    assert.equal((await h.store.listQuotes({ speaker: 'ruto' })).total, 0);
    const fixed = await h.store.addDocument(buildDocument(kenya));
    assert.equal(fixed.status, 'added', 'the same page can be added once it is fixed');
    assert.equal((await h.store.search('finance')).total, 1);
  },

  async 'two entities with the same id in one reading are refused and nothing is kept'({ store }) {
    const doc = buildDocument(japan);
    doc.reading.entities.push({ ...doc.reading.entities[0]!, name: 'Nippon' });
    await rejectsWith(store.addDocument(doc), 'store_failed', [japan.url!]);
    await assertEmpty(store);
  },

  async 'a reading that breaks the contract is refused as invalid_input naming where'({ store }) {
    const doc = buildDocument(germany);
    const broken = {
      ...doc,
      reading: { ...doc.reading, quotes: [{ ...doc.reading.quotes[0]!, kind: 'rumour' }] },
    };
    await rejectsWith(store.addDocument(broken as never), 'invalid_input', [germany.url!, 'quotes.0.kind']);
    await assertEmpty(store);
  },

  async 'documents are listed newest first: publication date, else time added'({ store }) {
    await addAll(store);
    const page = await store.listDocuments();
    assert.equal(page.total, 5);
    // Zürich has no date, so it sorts by when it was added: today.
    assert.deepEqual(titles(page), [zurich.title, kenya.title, japan.title, brazil.title, germany.title]);
    const second = await store.listDocuments({ limit: 2, offset: 1 });
    assert.equal(second.total, 5);
    assert.deepEqual(titles(second), [kenya.title, japan.title]);
    assert.deepEqual((await store.listDocuments({ offset: 10 })).items, []);
  },

  async 'search finds stemmed words and highlights them'({ store }) {
    await addAll(store);
    const page = await store.search('protest');
    assert.equal(page.total, 2);
    // Kenya's and Japan's titles and texts both say protest (protesters, protests: stemmed).
    const tram = await store.search('council');
    assert.deepEqual(titles(tram), [zurich.title]);
    const coast = await store.search('coast guard');
    assert.deepEqual(titles(coast), [japan.title]);
    assert.ok(coast.items[0]!.highlight.includes('[coast]'), coast.items[0]!.highlight);
    const paris = await store.search('paris');
    // "Paris" is in Germany's title and text; no other story has it.
    assert.deepEqual(titles(paris), [germany.title]);
    assert.ok(paris.items[0]!.score > 0);
  },

  async 'title matches outrank text matches'({ store }) {
    const inText = buildDocument({
      ...zurich,
      title: 'City news in brief',
      paragraphs: ['The tram depot was closed on Monday while repairs went on.'],
      entities: [],
    });
    const inTitle = buildDocument({
      ...zurich,
      title: 'Tram drivers strike',
      paragraphs: ['Drivers walked out on Monday after talks over pay failed.'],
      entities: [],
    });
    await store.addDocument(inText);
    await store.addDocument(inTitle);
    const page = await store.search('tram');
    assert.deepEqual(titles(page), ['Tram drivers strike', 'City news in brief']);
    assert.ok(page.items[0]!.score > page.items[1]!.score);
    assert.ok(page.items[0]!.highlight.includes('[Tram]'), page.items[0]!.highlight);
    assert.ok(page.items[1]!.highlight.includes('[tram]'), page.items[1]!.highlight);
  },

  async 'search understands phrases, prefixes, exclusion and OR'({ store }) {
    await addAll(store);
    assert.deepEqual(titles(await store.search('"finance bill"')), [kenya.title]);
    assert.deepEqual(titles(await store.search('"bill finance"')), [], 'a phrase keeps its order');
    assert.deepEqual(titles(await store.search('patrol*')), [japan.title]);
    const presidents = await store.search('president -milei');
    assert.deepEqual(new Set(titles(presidents)), new Set([kenya.title, germany.title]));
    assert.deepEqual(
      new Set(titles(await store.search('senkaku OR tram'))),
      new Set([japan.title, zurich.title]),
    );
    assert.deepEqual(titles(await store.search('Senkaku tram')), [], 'words are all required');
    assert.deepEqual(titles(await store.search('MARCHING')), [kenya.title], 'any case, stemmed');
  },

  async 'malformed or hostile queries never raise an SQL error'({ store }) {
    await addAll(store);
    const queries = [
      '"unbalanced',
      'AND OR (',
      '***',
      '-',
      'NOT',
      ')(*&^%$#@!',
      "'; DROP TABLE documents; --",
      'title:kenya',
      'NEAR(finance bill)',
      '^finance',
      'a"b"c',
      '\\',
      '   ',
      '',
      'kenya:*',
      '!!finance | & <->',
      '-finance',
      'x'.repeat(5000),
      'ー 〃 ـ ゛', // letters (Lm) that tokenizers may drop
      '\u0000 \uD800 tram\u0000line "a\uDC00b"',
      '東京 北京',
    ];
    for (const query of queries) {
      const page = await store.search(query);
      assert.equal(typeof page.total, 'number', query);
      assert.ok(Array.isArray(page.items), query);
    }
    assert.deepEqual(
      titles(await store.search('"finance bill')),
      [kenya.title],
      'an open quote runs to the end',
    );
    assert.equal((await store.stats()).documents, 5, 'and the data is still there');
  },

  async 'search pages keep the total'({ store }) {
    await addAll(store);
    const all = await store.search('president');
    assert.equal(all.total, 3);
    const pages = [0, 1, 2].map((offset) => store.search('president', { limit: 1, offset }));
    const items = (await Promise.all(pages)).map((page) => {
      assert.equal(page.total, 3);
      return page.items[0]!.id;
    });
    assert.deepEqual(
      items,
      all.items.map((item) => item.id),
    );
  },

  async 'quotes by speaker: whole words of the name, any case or accent, or the entity id'({ store }) {
    const ids = await addAll(store);
    const ruto = await store.listQuotes({ speaker: 'RUTO' });
    assert.equal(ruto.total, 2);
    assert.deepEqual(
      ruto.items.map((q) => q.text),
      ['the government needed the revenue to reduce borrowing', 'he would listen to young Kenyans'],
    );
    assert.equal(ruto.items[0]!.documentId, ids.get(kenya));
    assert.equal(ruto.items[0]!.documentTitle, kenya.title);
    assert.equal(ruto.items[0]!.published, '2024-06-20');
    assert.equal((await store.listQuotes({ speaker: 'william ruto' })).total, 2);
    assert.equal((await store.listQuotes({ speaker: 'rut' })).total, 0, 'not part of a word');
    assert.equal((await store.listQuotes({ speaker: 'yoshimasa-hayashi' })).total, 1, 'entity id');
    assert.equal((await store.listQuotes({ speaker: 'lula' })).total, 1);
    assert.equal((await store.listQuotes({ speaker: 'Hayashi' })).items[0]!.kind, 'mixed');
  },

  async 'quotes by words of their text, with speaker and document filters'({ store }) {
    const ids = await addAll(store);
    const gas = await store.listQuotes({ search: 'TEAR gas' });
    assert.deepEqual(
      gas.items.map((q) => q.speaker?.name),
      ['Hanifa Adan'],
    );
    assert.equal((await store.listQuotes({ search: 'border work' })).total, 1, 'words may be prefixes');
    assert.equal((await store.listQuotes({ search: 'regrettable', speaker: 'ruto' })).total, 0);
    assert.equal((await store.listQuotes({ documentId: ids.get(kenya) })).total, 3);
    const all = await store.listQuotes({ limit: 2 });
    assert.equal(all.total, 8);
    assert.equal(all.items.length, 2);
    assert.equal(all.items[0]!.documentTitle, kenya.title, 'newest article first');
  },

  async 'events by actor on either side: name, country or actor code'({ store }) {
    await addAll(store);
    assert.equal((await store.listEvents({ actor: 'KEN' })).total, 3);
    assert.equal((await store.listEvents({ actor: 'chn' })).total, 2);
    assert.equal((await store.listEvents({ actor: 'chngov' })).total, 1);
    const milei = await store.listEvents({ actor: 'Milei' });
    assert.deepEqual(
      milei.items.map((e) => e.plover),
      ['AGREE'],
    );
    assert.equal(milei.items[0]!.documentTitle, brazil.title);
    assert.equal((await store.listEvents({ actor: 'kenyan police' })).total, 2);
    assert.equal((await store.listEvents({ actor: 'ukr' })).total, 1);
  },

  async 'events by dyad in either direction, by type, and by date'({ store }) {
    await addAll(store);
    assert.equal((await store.listEvents({ dyad: ['JPN', 'CHN'] })).total, 2);
    assert.equal((await store.listEvents({ dyad: ['chn', 'jpn'] })).total, 2);
    assert.equal((await store.listEvents({ dyad: ['ARG', 'BRA'] })).total, 1);
    assert.equal((await store.listEvents({ dyad: ['BRA', 'JPN'] })).total, 0);
    assert.equal((await store.listEvents({ type: 'protest' })).total, 1);
    assert.equal((await store.listEvents({ type: '11' })).total, 2, 'CAMEO 112 and 114');
    assert.equal((await store.listEvents({ type: '04' })).total, 2, 'CAMEO 040 and 042');
    assert.equal((await store.listEvents({ type: 'CONSULT', actor: 'UKR' })).total, 1);
    // Undated events take their article's date: Kenya's two undated ones count as 2024-06-20.
    assert.equal((await store.listEvents({ since: '2024-05-01' })).total, 5);
    assert.equal((await store.listEvents({ until: '2024-03-05' })).total, 3);
    assert.equal((await store.listEvents({ until: '2024-01' })).total, 2);
    assert.equal((await store.listEvents({ since: '2024-03', until: '2024-05-01' })).total, 3);
    const latest = await store.listEvents({ limit: 1 });
    assert.equal(latest.total, 8);
    assert.equal(latest.items[0]!.date, '2024-06-20');
    assert.equal(latest.items[0]!.evidence.text, 'Thousands of protesters marched through central Nairobi');
    await rejectsWith(store.listEvents({ since: 'last week' }), 'invalid_input', ['since', 'last week']);
  },

  async 'a public statement (CAMEO 01) has no PLOVER type and is found by its CAMEO code'({ store }) {
    const condolences: StorySpec = {
      ...kenya,
      title: 'Ruto sends condolences after floods',
      paragraphs: ['President William Ruto expressed condolences to Tanzania after the floods on Friday.'],
      entities: [],
      quotes: [],
      events: [
        {
          plover: null,
          cameo: '018',
          quadClass: 1,
          goldstein: 3.4,
          source: { name: 'William Ruto', country: 'KEN', code: 'KENGOV', sector: 'GOV' },
          target: { name: 'Tanzania', country: 'TZA', code: 'TZA' },
          date: '2024-06-21',
          modality: 'happened',
          evidence: 'President William Ruto expressed condolences to Tanzania',
          confidence: 0.7,
        },
      ],
    };
    const { id } = await store.addDocument(buildDocument(condolences, 'https://example.org/condolences'));
    const found = await store.listEvents({ type: '01' });
    assert.equal(found.total, 1);
    assert.deepEqual(
      found.items.map((e) => [e.plover, e.cameo, e.documentId]),
      [[null, '018', id]],
    );
    assert.equal((await store.listEvents({ dyad: ['KEN', 'TZA'] })).total, 1);
    assert.deepEqual((await store.getDocument(id))?.reading.events[0]?.plover, null);
  },

  async 'entity mentions by name, alias or whole words of the name'({ store }) {
    await addAll(store);
    const ruto = await store.findEntityMentions('ruto');
    assert.equal(ruto.total, 1);
    assert.equal(ruto.items[0]!.entity.name, 'William Ruto');
    assert.equal(ruto.items[0]!.entity.mentions.length, 3);
    assert.equal(ruto.items[0]!.documentTitle, kenya.title);
    assert.deepEqual(
      (await store.findEntityMentions('Beijing')).items.map((r) => r.entity.name),
      ['China'],
      'an alias finds the entity',
    );
    assert.equal((await store.findEntityMentions('EU')).items[0]!.entity.name, 'European Union');
    assert.equal((await store.findEntityMentions('zurich')).total, 1, 'accents are ignored');
    assert.equal((await store.findEntityMentions('he would')).total, 0, 'pronouns are not names');
    assert.equal((await store.findEntityMentions('Kremlin')).total, 0);
    assert.equal((await store.findEntityMentions('---')).total, 0);
  },

  async 'a deleted document takes its entities, quotes, events and search entry with it'({ store }) {
    const ids = await addAll(store);
    assert.equal(await store.deleteDocument(ids.get(kenya)!), true);
    assert.equal(await store.deleteDocument(ids.get(kenya)!), false);
    assert.equal(await store.getDocument(ids.get(kenya)!), null);
    assert.equal((await store.search('finance')).total, 0);
    assert.equal((await store.listQuotes({ speaker: 'ruto' })).total, 0);
    assert.equal((await store.listEvents({ actor: 'KEN' })).total, 0);
    assert.equal((await store.findEntityMentions('nairobi')).total, 0);
    assert.deepEqual(await store.stats(), { documents: 4, entities: 15, quotes: 5, events: 5 });
    assert.equal((await store.addDocument(buildDocument(kenya))).status, 'added', 'and it can come back');
  },

  async 'stats count what is stored'({ store }) {
    await addAll(store);
    assert.deepEqual(await store.stats(), { documents: 5, entities: 20, quotes: 8, events: 8 });
  },

  async 'paging options out of range are refused with the allowed range'({ store }) {
    await rejectsWith(store.listDocuments({ limit: 0 }), 'invalid_input', ['limit', '1 to 1000', '0']);
    await rejectsWith(store.search('kenya', { limit: 1001 }), 'invalid_input', ['limit']);
    await rejectsWith(store.listQuotes({ offset: -1 }), 'invalid_input', ['offset', '-1']);
    await rejectsWith(store.listEvents({ limit: 2.5 }), 'invalid_input', ['limit']);
  },

  async 'NUL characters and lone surrogates are kept as U+FFFD so offsets still line up'({ store }) {
    const doc = buildDocument(zurich);
    const text = `Bad\u0000byte and a lone \uD800 surrogate. ${doc.reading.article.text}`;
    doc.reading.article.text = text;
    doc.reading.entities = [];
    const { id } = await store.addDocument(doc);
    const stored = await store.getDocument(id);
    assert.equal(
      stored?.reading.article.text,
      `Bad\uFFFDbyte and a lone \uFFFD surrogate. ${zurich.paragraphs[0]}`,
    );
    assert.equal(stored?.reading.article.text.length, text.length);
    assert.equal((await store.search('surrogate')).total, 1);
  },

  async 'a very long article (2 million characters, one 5,000-letter word) is stored and searchable'({
    store,
  }) {
    const doc = buildDocument(zurich);
    const paragraph = (i: number) =>
      `Paragraph ${i} reports on tram line ${i % 97} and station ${i % 89} in the city.`;
    const body = Array.from({ length: 30_000 }, (_, i) => paragraph(i)).join('\n\n');
    doc.reading.article.text = `${'z'.repeat(5000)} ${body}\n\nThe final sentence mentions a zeppelin.`;
    doc.raw = Buffer.from(doc.reading.article.text);
    assert.ok(doc.reading.article.text.length > 2_000_000);
    const { id } = await store.addDocument(doc);
    assert.equal((await store.getDocument(id))?.reading.article.text, doc.reading.article.text);
    assert.ok((await store.getRaw(id))?.raw.equals(doc.raw));
    assert.equal((await store.search('station')).total, 1);
    assert.ok((await store.search('tram')).items[0]!.highlight.includes('['));
  },

  async 'data survives closing and reopening the store'(h) {
    const ids = await addAll(h.store, [kenya, brazil]);
    const reopened = await h.reopen();
    assert.equal((await reopened.listDocuments()).total, 2);
    assert.equal((await reopened.getDocument(ids.get(brazil)!))?.title, brazil.title);
    assert.equal((await reopened.addDocument(buildDocument(kenya))).status, 'unchanged');
  },

  async 'concurrent adds of the same page store it once'(h) {
    const other = await h.openAnother();
    const results = await Promise.all(
      [h.store, other, h.store, other, h.store, other].map((store) =>
        store.addDocument(buildDocument(japan)),
      ),
    );
    assert.equal(results.filter((r) => r.status === 'added').length, 1, JSON.stringify(results));
    assert.equal(new Set(results.map((r) => r.id)).size, 1);
    assert.deepEqual(await h.store.stats(), { documents: 1, entities: 4, quotes: 2, events: 2 });
  },

  async 'concurrent adds of different pages all succeed, from two connections'(h) {
    const other = await h.openAnother();
    const results = await Promise.all(
      allStories.map((story, i) => (i % 2 ? other : h.store).addDocument(buildDocument(story))),
    );
    assert.deepEqual(
      results.map((r) => r.status),
      allStories.map(() => 'added'),
    );
    assert.equal((await other.listDocuments()).total, 5);
  },

  async 'the store names its database'({ store, config }) {
    if (config.kind === 'sqlite') assert.ok(store.location.includes(config.path), store.location);
    else assert.ok(store.location.startsWith('PostgreSQL database postgres://'), store.location);
  },
};
