// The workspace reads (a dyad's events, an actor's partners, the actor graph, the events behind a
// point, the stored date range) and the actor keys they match by: written once, run on SQLite and
// PostgreSQL by contract.test.ts.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import type { Event, Reading } from '../../src/model/index.ts';
import type { ActorMatch, NewDocument, Store, StoreConfig, TraceRecord } from '../../src/store/index.ts';
import type { StoreHarness } from './targets.ts';

type Case = (h: StoreHarness) => Promise<void>;
type Side = Event['source'];

const country = (code: string, name = code): Side => ({
  name,
  country: code,
  code,
  sector: null,
  entityId: code,
});
/** A ministry: its country's code in lower case (as some coders write it), an org code, no entity. */
const ministry = (name: string, countryCode: string, code: string): Side => ({
  name,
  country: countryCode,
  code,
  sector: 'GOV',
  entityId: null,
});
const person = (name: string, entityId: string): Side => ({
  name,
  country: null,
  code: null,
  sector: null,
  entityId,
});
const named = (name: string): Side => ({ name, country: null, code: null, sector: null, entityId: null });

interface Planned {
  source: Side;
  target: Side | null;
  date: string | null;
  quad: 1 | 2 | 3 | 4;
  confidence?: number;
  plover?: string;
}

const PLOVER = { 1: 'CONSULT', 2: 'AID', 3: 'ACCUSE', 4: 'ASSAULT' } as const;

function article(tag: string, published: string, planned: Planned[]): NewDocument {
  let text = `Report ${tag}.\n\n`;
  const events: Event[] = planned.map((p, i) => {
    const sentence = `${p.source.name} and ${p.target?.name ?? 'nobody'} met (${tag} ${i}).`;
    const start = text.length;
    text += `${sentence}\n`;
    return {
      plover: p.plover ?? PLOVER[p.quad],
      mode: null,
      cameo: null,
      quadClass: p.quad,
      goldstein: p.quad <= 2 ? 3 : -5,
      source: p.source,
      target: p.target,
      date: p.date,
      location: null,
      modality: 'happened',
      evidence: { start, end: start + sentence.length, text: sentence },
      confidence: p.confidence ?? 0.8,
    };
  });
  const reading: Reading = {
    article: {
      url: null,
      title: `Report ${tag}`,
      byline: null,
      published,
      site: null,
      language: 'en',
      text,
      captions: [],
      via: null,
      citedSources: [],
    },
    entities: [],
    quotes: [],
    events,
  };
  return { raw: Buffer.from(text), contentType: 'text/plain', origin: `test:${tag}`, reading };
}

const IRAN: ActorMatch = { countries: ['IRN'], entityIds: ['IRN'], codes: ['IRN'] };
const CHINA: ActorMatch = { countries: ['CHN'], entityIds: ['CHN'], codes: ['CHN'] };
const ARAGHCHI: ActorMatch = { countries: [], entityIds: ['Q2333'], codes: [] };

/** The first article's events, also carried by its copy in the counting case. */
const FIRST_EVENTS = (): Planned[] => [
  { source: country('IRN', 'Iran'), target: country('CHN', 'China'), date: '2024-01-10', quad: 1 },
  { source: country('CHN', 'China'), target: country('IRN', 'Iran'), date: '2024-01-12', quad: 2 },
  // The ministry is written in lower case: matched as Iran all the same.
  {
    source: ministry('Iranian Foreign Ministry', 'irn', 'IRNGOV'),
    target: country('CHN', 'China'),
    date: '2024-02-03',
    quad: 3,
  },
  { source: person('Abbas Araghchi', 'Q2333'), target: country('CHN', 'China'), date: null, quad: 1 },
  {
    source: country('IRN', 'Iran'),
    target: country('USA', 'United States'),
    date: '2024-02-10',
    quad: 4,
  },
  { source: named('Kata’ib Test'), target: country('USA', 'United States'), date: '2024-03-01', quad: 4 },
  { source: country('IRN', 'Iran'), target: null, date: '2024-03-02', quad: 1 },
];

/** Two articles: Iran and China both ways, a ministry, a person, a name-only militia, a low-confidence event. */
async function seed(store: Store): Promise<{ first: string; second: string }> {
  const first = await store.addDocument(article('one', '2024-01-20', FIRST_EVENTS()));
  const second = await store.addDocument(
    article('two', '2024-03-15', [
      {
        source: person('Abbas Araghchi', 'Q2333'),
        target: country('IRN', 'Iran'),
        date: '2024-03-05',
        quad: 1,
      },
      {
        source: country('CHN', 'China'),
        target: country('IRN', 'Iran'),
        date: '2024-03-09',
        quad: 4,
        confidence: 0.2,
      },
      { source: country('USA', 'United States'), target: named('Kata’ib Test'), date: '2024-03-11', quad: 4 },
      // Iran with itself (a ministry and its government): not its own partner, not a graph edge.
      {
        source: ministry('Iranian Foreign Ministry', 'IRN', 'IRNGOV'),
        target: country('IRN', 'Iran'),
        date: '2024-03-06',
        quad: 1,
      },
    ]),
  );
  return { first: first.id, second: second.id };
}

/** Runs SQL on the harness's database directly (SQLite file or PostgreSQL schema), store closed. */
async function rawSql(config: StoreConfig, statements: string[]): Promise<void> {
  if (config.kind === 'sqlite') {
    const db = new Database(config.path);
    try {
      for (const sql of statements) db.exec(sql);
    } finally {
      db.close();
    }
    return;
  }
  const client = new pg.Client({ connectionString: config.url });
  await client.connect();
  try {
    await client.query(`SET search_path TO ${config.schema}`);
    for (const sql of statements) await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Everything the workspace reads from the seed, for comparing two databases. */
async function readAll(store: Store) {
  const sorted = <T>(items: T[]) => items.map((x) => JSON.stringify(x)).sort();
  return {
    dyad: await store.dyadEvents(IRAN, CHINA),
    person: await store.dyadEvents(ARAGHCHI, CHINA),
    militia: await store.dyadEvents(
      { countries: [], entityIds: [], codes: [], names: ['Kata’ib Test'] },
      {
        countries: ['USA'],
        entityIds: [],
        codes: [],
      },
    ),
    partners: sorted(await store.actorPartners(IRAN)),
    graph: sorted(await store.actorGraph()),
    list: (await store.listDyadEvents(IRAN, null, {})).items.map((e) => [e.documentId, e.evidence.text]),
    // Windows: found by the keys' dates (migration 008) as well as the events'.
    month: (await store.listDyadEvents(IRAN, null, { since: '2024-02', until: '2024-02' })).items.map((e) => [
      e.documentId,
      e.evidence.text,
    ]),
    dyadWindow: await store.dyadEvents(IRAN, CHINA, { since: '2024-01-11', until: '2024-03-08' }),
    partnersWindow: sorted(await store.actorPartners(IRAN, { since: '2024-03', until: '2024' })),
    range: await store.eventDateRange(),
  };
}

export const workspaceCases: Record<string, Case> = {
  async 'dyadEvents: both directions, by country, code in any case, entity id or stored name; dated only'({
    store,
  }) {
    const { first, second } = await seed(store);
    const facts = await store.dyadEvents(IRAN, CHINA);
    // Iran→China, China→Iran, the ministry (country 'irn'), China→Iran at low confidence; the
    // person's event has no date of its own but the article's (2024-01-20) stands in.
    assert.deepEqual(
      facts.map((f) => [f.documentId, f.ordinal, f.date, f.quadClass, f.goldstein]),
      [
        [first, 0, '2024-01-10', 1, 3],
        [first, 1, '2024-01-12', 2, 3],
        [first, 2, '2024-02-03', 3, -5],
        [second, 1, '2024-03-09', 4, -5],
      ],
    );
    // The same events whichever actor is named first.
    assert.deepEqual(await store.dyadEvents(CHINA, IRAN), facts);
    const person = await store.dyadEvents(ARAGHCHI, CHINA);
    assert.deepEqual(
      person.map((f) => [f.ordinal, f.date]),
      [[3, '2024-01-20']],
    );
    // An org code matches only sides coded so.
    const ministry = await store.dyadEvents({ countries: [], entityIds: [], codes: ['irngov'] }, CHINA);
    assert.deepEqual(
      ministry.map((f) => f.ordinal),
      [2],
    );
    // A name matches only a side stored under that very name, never a country code.
    const militia = { countries: [], entityIds: [], codes: [], names: ['Kata’ib Test'] };
    const usa = { countries: ['USA'], entityIds: [], codes: [] };
    assert.deepEqual(
      (await store.dyadEvents(militia, usa)).map((f) => [f.documentId, f.ordinal]),
      [
        [first, 5],
        [second, 2],
      ],
    );
    assert.deepEqual(
      await store.dyadEvents({ countries: [], entityIds: [], codes: [], names: ['IRN'] }, usa),
      [],
    );
    assert.deepEqual(
      await store.dyadEvents({ countries: [], entityIds: [], codes: [], names: ['Iran'] }, usa),
      [
        {
          documentId: first,
          ordinal: 4,
          date: '2024-02-10',
          quadClass: 4,
          goldstein: -5,
          originKey: first,
          reports: 1,
        },
      ],
    );
    assert.deepEqual(await store.dyadEvents({ countries: [], entityIds: [], codes: ['USA'] }, militia), [
      ...(await store.dyadEvents(militia, usa)),
    ]);
    // A match naming nothing finds nothing.
    assert.deepEqual(await store.dyadEvents({ countries: [], entityIds: [], codes: [] }, CHINA), []);
  },

  async 'dyadEvents and listDyadEvents honour the window: dates, minimum confidence, type'({ store }) {
    const { first, second } = await seed(store);
    const ordinals = async (window: Parameters<Store['dyadEvents']>[2]) =>
      (await store.dyadEvents(IRAN, CHINA, window)).map(
        (f) => `${f.documentId === first ? 1 : 2}:${f.ordinal}`,
      );
    assert.deepEqual(await ordinals({ since: '2024-01-11' }), ['1:1', '1:2', '2:1']);
    assert.deepEqual(await ordinals({ until: '2024-02' }), ['1:0', '1:1', '1:2']);
    assert.deepEqual(await ordinals({ minConfidence: 0.5 }), ['1:0', '1:1', '1:2']);
    assert.deepEqual(await ordinals({ type: 'ACCUSE' }), ['1:2']);
    await assert.rejects(store.dyadEvents(IRAN, CHINA, { minConfidence: 2 }), /minConfidence/);

    const page = await store.listDyadEvents(IRAN, CHINA, { minConfidence: 0.5, limit: 2 });
    assert.equal(page.total, 3);
    assert.deepEqual(
      page.items.map((e) => [e.documentId, e.evidence.text, e.documentTitle]),
      [
        [first, 'Iran and China met (one 0).', 'Report one'],
        [first, 'China and Iran met (one 1).', 'Report one'],
      ],
    );
    const rest = await store.listDyadEvents(IRAN, CHINA, { minConfidence: 0.5, limit: 2, offset: 2 });
    assert.deepEqual(
      rest.items.map((e) => e.evidence.text),
      ['Iranian Foreign Ministry and China met (one 2).'],
    );
    // One actor alone: every event with Iran on either side, oldest first.
    const iran = await store.listDyadEvents(IRAN, null, { limit: 100 });
    assert.equal(iran.total, 8);
    assert.deepEqual(
      iran.items.map((e) => e.documentId + ':' + e.evidence.text.split(' met')[0]),
      [
        `${first}:Iran and China`,
        `${first}:China and Iran`,
        `${first}:Iranian Foreign Ministry and China`,
        `${first}:Iran and United States`,
        `${first}:Iran and nobody`,
        `${second}:Abbas Araghchi and Iran`,
        `${second}:Iranian Foreign Ministry and Iran`,
        `${second}:China and Iran`,
      ],
    );
  },

  async 'actorPartners and actorGraph count nodes by quad class, never an actor with itself'({ store }) {
    await seed(store);
    const partners = await store.actorPartners(IRAN);
    const byNode = Object.fromEntries(partners.map((p) => [p.target, [p.events, p.quad, p.goldsteinSum]]));
    // China: 1 + 2 + 3 (ministry) + 4 (low confidence); "Iran and nobody" has no partner, the
    // ministry with Iran is Iran with itself, and the person (matched by entity id) is a partner.
    assert.deepEqual(byNode, {
      CHN: [4, [1, 1, 1, 1], -4],
      USA: [1, [0, 0, 0, 1], -5],
      'Abbas Araghchi': [1, [1, 0, 0, 0], 3],
    });
    assert.deepEqual(
      (await store.actorPartners(IRAN, { minConfidence: 0.5 })).find((p) => p.target === 'CHN')?.quad,
      [1, 1, 1, 0],
    );
    assert.deepEqual(await store.actorPartners({ countries: [], entityIds: [], codes: [] }), []);

    const graph = await store.actorGraph();
    // One edge per pair, both directions together, named in code-unit order; each article is
    // its own origin (nothing traced).
    const edges = Object.fromEntries(
      graph.map((e) => [`${e.source}>${e.target}`, [e.events, e.quad, e.origins, e.reports]]),
    );
    assert.deepEqual(edges, {
      'CHN>IRN': [4, [1, 1, 1, 1], 2, 4],
      'Abbas Araghchi>CHN': [1, [1, 0, 0, 0], 1, 1],
      'Abbas Araghchi>IRN': [1, [1, 0, 0, 0], 1, 1],
      'IRN>USA': [1, [0, 0, 0, 1], 1, 1],
      'Kata’ib Test>USA': [2, [0, 0, 0, 2], 2, 2],
    });
    const window = await store.actorGraph({ since: '2024-03', minConfidence: 0.5 });
    assert.deepEqual(window.map((e) => `${e.source}>${e.target}`).sort(), [
      'Abbas Araghchi>IRN',
      'Kata’ib Test>USA',
    ]);
  },

  async 'copies of one origin count once: events, partners and graph report reports and origins'({ store }) {
    const { first, second } = await seed(store);
    // A copy of the first article (other text around the same events), traced to it.
    const copy = (await store.addDocument(article('one, reposted', '2024-01-22', FIRST_EVENTS()))).id;
    const origin = { parent: null, relation: null, shared: 0 } as const;
    await store.saveTrace({
      record: { documentId: first, seq: 1, origin: first, story: first, ...origin },

      reparented: [],
    });
    await store.saveTrace({
      record: { documentId: second, seq: 2, origin: second, story: second, ...origin },

      reparented: [],
    });
    await store.saveTrace({
      record: {
        documentId: copy,
        seq: 3,
        parent: first,
        origin: first,
        relation: 'identical',
        story: first,
        shared: 0.9,
      },

      reparented: [],
    });

    // Once per origin: the same four Iran–China events, the first article standing for its copy.
    const facts = await store.dyadEvents(IRAN, CHINA);
    assert.deepEqual(
      facts.map((f) => [f.documentId, f.ordinal, f.originKey, f.reports]),
      [
        [first, 0, first, 2],
        [first, 1, first, 2],
        [first, 2, first, 2],
        [second, 1, second, 1],
      ],
    );
    // The person's undated event takes the earliest of its reports' article dates.
    assert.deepEqual(
      (await store.dyadEvents(ARAGHCHI, CHINA)).map((f) => [f.date, f.reports]),
      [['2024-01-20', 2]],
    );
    // Every report, on request: the copy's three are back.
    const all = await store.dyadEvents(IRAN, CHINA, { allReports: true });
    assert.equal(all.length, 7);
    assert.deepEqual(
      all.filter((f) => f.documentId === copy).map((f) => [f.ordinal, f.originKey, f.reports]),
      [
        [0, first, 1],
        [1, first, 1],
        [2, first, 1],
      ],
    );

    const edge = (edges: Awaited<ReturnType<Store['actorGraph']>>, key: string) => {
      const e = edges.find((x) => `${x.source}>${x.target}` === key);
      return e && [e.events, e.quad, e.reports, e.origins];
    };
    assert.deepEqual(edge(await store.actorGraph(), 'CHN>IRN'), [4, [1, 1, 1, 1], 7, 2]);
    assert.deepEqual(edge(await store.actorGraph({ allReports: true }), 'CHN>IRN'), [7, [2, 2, 2, 1], 7, 2]);
    assert.deepEqual(edge(await store.actorGraph(), 'Kata’ib Test>USA'), [2, [0, 0, 0, 2], 3, 2]);

    const partners = await store.actorPartners(IRAN);
    const china = partners.find((p) => p.target === 'CHN')!;
    assert.deepEqual([china.events, china.quad, china.reports, china.origins], [4, [1, 1, 1, 1], 7, 2]);
    const usa = partners.find((p) => p.target === 'USA')!;
    assert.deepEqual([usa.events, usa.reports, usa.origins], [1, 2, 1]);
    const allChina = (await store.actorPartners(IRAN, { allReports: true })).find((p) => p.target === 'CHN')!;
    assert.deepEqual([allChina.events, allChina.origins], [7, 2]);

    // The events behind a point: once per origin with their reports, or every report.
    const page = await store.listDyadEvents(IRAN, CHINA, { minConfidence: 0.5 });
    assert.equal(page.total, 3);
    assert.deepEqual(
      page.items.map((e) => [e.documentId, e.reports]),
      [
        [first, 2],
        [first, 2],
        [first, 2],
      ],
    );
    const every = await store.listDyadEvents(IRAN, CHINA, { minConfidence: 0.5, allReports: true });
    assert.equal(every.total, 6);
    assert.deepEqual(
      every.items.map((e) => e.documentId).sort(),
      [first, first, first, copy, copy, copy].sort(),
    );
    assert.ok(every.items.every((e) => e.reports === 2));
    const iran = await store.listDyadEvents(IRAN, null, { limit: 100 });
    assert.equal(iran.total, 8);
  },

  async 'eventDateRange spans the stored events, and is empty on an empty store'({ store }) {
    assert.deepEqual(await store.eventDateRange(), { first: null, last: null });
    await seed(store);
    assert.deepEqual(await store.eventDateRange(), { first: '2024-01-10', last: '2024-03-11' });
  },

  async 'actor keys go with their document, and migrations 005 and 008 rebuild them for rows stored before'(
    h,
  ) {
    const { first } = await seed(h.store);
    const before = await readAll(h.store);
    assert.equal(before.dyad.length, 4);
    assert.equal(before.month.length, 2);
    assert.equal(before.dyadWindow.length, 2);
    assert.equal(before.partnersWindow.length, 2);
    // Deleting a document takes its events' keys with it.
    const extra = await h.store.addDocument(
      article('three', '2024-04-01', [
        { source: country('IRN', 'Iran'), target: country('CHN', 'China'), date: '2024-04-01', quad: 1 },
      ]),
    );
    assert.equal((await h.store.dyadEvents(IRAN, CHINA)).length, 5);
    assert.ok(await h.store.deleteDocument(extra.id));
    assert.deepEqual(await readAll(h.store), before);
    // Rows stored before the migrations: no keys, no node columns; then the migrations' own SQL
    // (later migrations keep the runner from re-running them here) must rebuild them, dates too.
    await rawSql(h.config, [
      'DROP INDEX events_graph',
      'DROP TABLE event_actors',
      'ALTER TABLE events DROP COLUMN source_node',
      'ALTER TABLE events DROP COLUMN target_node',
      readFileSync(
        join(import.meta.dirname, `../../src/store/${h.config.kind}/migrations/005_actor_keys.sql`),
        'utf8',
      ),
      readFileSync(
        join(import.meta.dirname, `../../src/store/${h.config.kind}/migrations/008_event_actor_dates.sql`),
        'utf8',
      ),
    ]);
    const store = await h.reopen();
    assert.deepEqual(await readAll(store), before);
    assert.equal((await store.dyadEvents(IRAN, CHINA))[0]?.documentId, first);
  },

  async "listStoryDocuments lists a story's origins and copies in arrival order, and only them"({ store }) {
    const ids: string[] = [];
    for (const tag of ['a', 'b', 'c', 'd'])
      ids.push((await store.addDocument(article(tag, '2024-05-01', []))).id);
    const [a, b, c, d] = ids as [string, string, string, string];
    const save = async (record: TraceRecord) => store.saveTrace({ record, reparented: [] });
    const origin = { parent: null, relation: null, shared: 0 } as const;
    // Two independent origins (a, c) of one story, a copy of a, and d in a story of its own.
    await save({ documentId: a, seq: 1, origin: a, story: a, ...origin });
    await save({ documentId: d, seq: 2, origin: d, story: d, ...origin });
    await save({ documentId: c, seq: 3, origin: c, story: a, ...origin });
    await save({ documentId: b, seq: 4, parent: a, origin: a, relation: 'rewrite', story: a, shared: 0.6 });
    const story = await store.listStoryDocuments(a);
    assert.deepEqual(
      story.map((r) => [r.documentId, r.parent, r.origin, r.relation]),
      [
        [a, null, a, null],
        [c, null, c, null],
        [b, a, a, 'rewrite'],
      ],
    );
    assert.deepEqual(
      (await store.listStoryDocuments(d)).map((r) => r.documentId),
      [d],
    );
    assert.deepEqual(await store.listStoryDocuments('no-such-story'), []);
    // A deleted document leaves its story.
    assert.ok(await store.deleteDocument(c));
    assert.deepEqual(
      (await store.listStoryDocuments(a)).map((r) => r.documentId),
      [a, b],
    );
  },
};
