// The workspace read routes (actors, relations, graph) on the stored seed plus generated events,
// the OpenAPI document against the routes the server registers, and pasted text read like a file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApp } from '../../src/server/index.ts';
import { openStore, type Store, type FeedStore } from '../../src/store/index.ts';
import { addPage } from '../../src/pipeline/index.ts';
import { eventThreshold } from '../../src/understand/index.ts';
import { loadInput } from '../../src/ingest/index.ts';
import { tempDir } from '../helpers/cli.ts';
import { tokenHeaders } from '../helpers/auth.ts';
import { eventArticle, type PlannedEvent } from '../helpers/generated-events.ts';

const SAMPLE = new URL('../../sample-data/zerohedge-iran-china-2022-04-27.txt', import.meta.url).pathname;
const dir = tempDir();
let store: Store;
let feeds: FeedStore;
let app: ReturnType<typeof createApp>;

// Iran and China in two months of 2023, in both directions, plus one Iran-USA event.
const PLANNED: PlannedEvent[] = [
  { source: 'IRN', target: 'CHN', date: '2023-03-06', quadClass: 1, goldstein: 4 },
  { source: 'CHN', target: 'IRN', date: '2023-03-08', quadClass: 2, goldstein: 6 },
  { source: 'IRN', target: 'CHN', date: '2023-03-21', quadClass: 3, goldstein: -2 },
  { source: 'CHN', target: 'IRN', date: '2023-05-02', quadClass: 1, goldstein: 3 },
  { source: 'IRN', target: 'USA', date: '2023-05-03', quadClass: 4, goldstein: -9 },
];

async function get<T>(path: string): Promise<{ status: number; body: T }> {
  const response = await app.request(path);
  return { status: response.status, body: (await response.json()) as T };
}

before(async () => {
  store = await openStore({ kind: 'sqlite', path: join(dir.path, 'ws.db') });
  await addPage(store, await loadInput(SAMPLE));
  await store.addDocument(eventArticle('a', PLANNED.slice(0, 3)));
  await store.addDocument(eventArticle('b', PLANNED.slice(3)));
  feeds = store.feeds;
  app = createApp({ store, feeds });
});

after(async () => {
  await store.close();
  dir.remove();
});

test('the OpenAPI document describes every route the server registers', async () => {
  const spec = (await get<{ paths: Record<string, Record<string, unknown>> }>('/api/openapi.json')).body;
  const registered = app.routes
    .filter((r) => r.path.startsWith('/api/') && !r.path.includes('*') && r.method !== 'ALL')
    .map((r) => ({ method: r.method.toLowerCase(), path: r.path.replace(/:(\w+)/g, '{$1}') }));
  assert.ok(registered.length >= 15, `only ${registered.length} routes found`);
  const missing = registered
    .filter((r) => !spec.paths[r.path]?.[r.method])
    .map((r) => `${r.method} ${r.path}`);
  assert.deepEqual(missing, []);
});

test('Iran, IRN, iran and Islamic Republic are one actor with the same counts', async () => {
  const answers = await Promise.all(
    ['Iran', 'IRN', 'iran', 'Islamic%20Republic'].map((n) =>
      get<{ actor: { id: string; name: string }; events: number; quad: number[] }>(`/api/actors/${n}`),
    ),
  );
  for (const { body } of answers) {
    assert.equal(body.actor.id, 'IRN');
    assert.equal(body.actor.name, 'Iran');
    assert.equal(body.events, answers[0]!.body.events);
    assert.deepEqual(body.quad, answers[0]!.body.quad);
  }
  // The seed's Iran events with a partner plus the five generated ones.
  assert.ok(answers[0]!.body.events >= 5);
  const found = await get<{ items: { id: string }[] }>('/api/actors?q=islamic%20republic');
  assert.equal(found.body.items[0]?.id, 'IRN');
  const byCode = await get<{ items: { id: string }[] }>('/api/actors?q=IRN');
  assert.equal(byCode.body.items[0]?.id, 'IRN');
});

test('relations count a dyad per month by quad class, both directions, with mean Goldstein', async () => {
  const { status, body } = await get<{
    a: { id: string };
    b: { id: string };
    buckets: {
      period: string;
      since: string;
      until: string;
      events: number;
      quad: number[];
      goldsteinMean: number;
      reports: number;
      origins: number;
    }[];
  }>('/api/relations?a=Islamic%20Republic&b=CHN&by=month&since=2023');
  assert.equal(status, 200);
  assert.equal(body.a.id, 'IRN');
  assert.deepEqual(
    body.buckets.map((b) => [b.period, b.events, b.quad, b.goldsteinMean, b.reports, b.origins]),
    [
      ['2023-03', 3, [1, 1, 1, 0], 2.67, 3, 1],
      ['2023-05', 1, [1, 0, 0, 0], 3, 1, 1],
    ],
  );
  assert.equal(body.buckets[0]!.until, '2023-03-31');

  const weekly = await get<{ buckets: { period: string; events: number }[] }>(
    '/api/relations?a=IRN&b=CHN&by=week&since=2023',
  );
  assert.deepEqual(
    weekly.body.buckets.map((b) => [b.period, b.events]),
    [
      ['2023-03-06', 2],
      ['2023-03-20', 1],
      ['2023-05-01', 1],
    ],
  );
});

test('the events of a period carry their evidence sentences', async () => {
  const { body } = await get<{
    total: number;
    items: { evidence: { text: string }; sourceLabel: string; targetLabel: string }[];
  }>('/api/relations/events?a=IRN&b=CHN&since=2023-03-01&until=2023-03-31');
  assert.equal(body.total, 3);
  assert.match(body.items[0]!.evidence.text, /^On 2023-03-06 IRN held talks with CHN/);
  assert.equal(body.items[0]!.sourceLabel, 'Iran');
  assert.equal(body.items[0]!.targetLabel, 'China');
});

test('partners rank by cooperation and by conflict', async () => {
  const { body } = await get<{
    byCooperation: { id: string; label: string }[];
    byConflict: { id: string }[];
  }>('/api/actors/IRN/partners?since=2023');
  assert.deepEqual(
    body.byCooperation.map((p) => p.id),
    ['CHN'],
  );
  assert.equal(body.byCooperation[0]!.label, 'China');
  assert.deepEqual(
    body.byConflict.map((p) => p.id),
    ['USA', 'CHN'],
  );
});

test('the graph joins both directions of a pair and filters by window, kind and region', async () => {
  const { body } = await get<{
    nodes: { id: string; kind: string }[];
    edges: { source: string; target: string; events: number; net: number }[];
  }>('/api/graph?since=2023&actorType=country&region=Asia');
  assert.deepEqual(body.nodes.map((n) => n.id).sort(), ['CHN', 'IRN']);
  assert.deepEqual(body.edges, [
    {
      source: 'CHN',
      target: 'IRN',
      events: 4,
      reports: 4,
      origins: 2,
      quad: [2, 1, 1, 0],
      goldsteinMean: 2.75,
      net: 0.5,
    },
  ]);
});

test('bad workspace queries get a clear 400 or 404', async () => {
  const unknown = await get<{ error: { code: string; message: string } }>(
    '/api/relations?a=Zzyzx%20Qq&b=CHN',
  );
  assert.equal(unknown.status, 404);
  assert.match(
    unknown.body.error.message,
    /a: no known actor is named or coded 'Zzyzx Qq', and no stored event names it/,
  );
  const badBy = await get<{ error: { code: string } }>('/api/relations?a=IRN&b=CHN&by=year');
  assert.equal(badBy.status, 400);
  const badConfidence = await get<{ error: { message: string } }>('/api/graph?minConfidence=2');
  assert.equal(badConfidence.status, 400);
  assert.match(badConfidence.body.error.message, /minConfidence/);
});

test('pasted seed text is read like the seed file', async () => {
  const pasteStore = await openStore({ kind: 'sqlite', path: join(dir.path, 'paste.db') });
  try {
    const pasteApp = createApp({ store: pasteStore });
    const text = readFileSync(SAMPLE, 'utf8');
    const response = await pasteApp.request('/api/documents', {
      method: 'POST',
      headers: { ...(await tokenHeaders(pasteStore, 'ana', 'analyst')), 'content-type': 'application/json' },
      body: JSON.stringify({ text }),
    });
    assert.equal(response.status, 201);
    const { id } = (await response.json()) as { id: string };
    const pasted = (await pasteStore.getDocument(id))!;
    const fromFile = (await store.listDocuments({ limit: 50 })).items.find((d) => d.origin === SAMPLE)!;
    const file = (await store.getDocument(fromFile.id))!;
    assert.deepEqual(pasted.reading, file.reading);
    assert.notEqual(pasted.title, '(untitled)');
    assert.doesNotMatch(pasted.reading.article.text, /Leave a Reply/);
  } finally {
    await pasteStore.close();
  }
});

test('a stored article shows its events above the confidence threshold; allEvents=true shows every one', async () => {
  const seed = (await store.listDocuments({ limit: 50 })).items.find((d) => d.origin === SAMPLE)!;
  const stored = (await store.getDocument(seed.id))!.reading.events;
  const threshold = eventThreshold();
  assert.ok(
    stored.some((e) => e.confidence < threshold),
    'the seed stores some unsure events',
  );
  type Shown = { reading: { events: { confidence: number }[] } };
  const shown = (await get<Shown>(`/api/documents/${seed.id}`)).body.reading.events;
  assert.ok(shown.length > 0);
  assert.ok(shown.every((e) => e.confidence >= threshold));
  assert.equal(shown.length, stored.filter((e) => e.confidence >= threshold).length);
  const all = (await get<Shown>(`/api/documents/${seed.id}?allEvents=true`)).body.reading.events;
  assert.equal(all.length, stored.length);
});

test('relations, graph and partners count events at the event threshold unless asked for another', async () => {
  const lowStore = await openStore({ kind: 'sqlite', path: join(dir.path, 'low.db') });
  try {
    const lowApp = createApp({ store: lowStore });
    const threshold = eventThreshold();
    await lowStore.addDocument(
      eventArticle('low', [
        { source: 'IRN', target: 'CHN', date: '2023-07-03', quadClass: 1, goldstein: 4, confidence: 0.9 },
        { source: 'CHN', target: 'IRN', date: '2023-07-04', quadClass: 4, goldstein: -8, confidence: 0.1 },
        {
          source: 'IRN',
          target: 'CHN',
          date: '2023-07-05',
          quadClass: 3,
          goldstein: -2,
          confidence: threshold,
        },
      ]),
    );
    const json = async <T>(path: string) => (await (await lowApp.request(path)).json()) as T;
    type Rel = { minConfidence: number; total: { events: number; quad: number[] } };
    const byDefault = await json<Rel>('/api/relations?a=IRN&b=CHN');
    assert.equal(byDefault.minConfidence, threshold);
    // The event at exactly the threshold counts; the one below does not.
    assert.deepEqual([byDefault.total.events, byDefault.total.quad], [2, [1, 0, 1, 0]]);
    const all = await json<Rel>('/api/relations?a=IRN&b=CHN&minConfidence=0');
    assert.deepEqual([all.minConfidence, all.total.events, all.total.quad], [0, 3, [1, 0, 1, 1]]);
    const strict = await json<Rel>('/api/relations?a=IRN&b=CHN&minConfidence=0.95');
    assert.equal(strict.total.events, 0);

    const events = await json<{ total: number }>('/api/relations/events?a=IRN&b=CHN');
    assert.equal(events.total, 2);
    type G = { minConfidence: number; edges: { events: number }[] };
    const graph = await json<G>('/api/graph');
    assert.deepEqual([graph.minConfidence, graph.edges.map((e) => e.events)], [threshold, [2]]);
    assert.deepEqual(
      (await json<G>('/api/graph?minConfidence=0')).edges.map((e) => e.events),
      [3],
    );
    const partners = await json<{ byConflict: { id: string; quad: number[] }[] }>('/api/actors/IRN/partners');
    assert.deepEqual(partners.byConflict[0]?.quad, [1, 0, 1, 0]);
    const actor = await json<{ events: number }>('/api/actors/IRN');
    assert.equal(actor.events, 2);
  } finally {
    await lowStore.close();
  }
});

test('a pasted copy of the seed does not double the IRN–CHN counts; reports=all counts every report', async () => {
  const copyStore = await openStore({ kind: 'sqlite', path: join(dir.path, 'copies.db') });
  try {
    const copyApp = createApp({ store: copyStore });
    await addPage(copyStore, await loadInput(SAMPLE));
    type Answer = {
      counting: string;
      imprecise: number;
      total: { events: number; reports: number; origins: number; quad: number[] };
      buckets: { period: string; events: number; reports: number; origins: number }[];
    };
    const relations = async (query = '') =>
      (await (await copyApp.request(`/api/relations?a=IRN&b=CHN&minConfidence=0${query}`)).json()) as Answer;
    const before = await relations();
    assert.ok(before.total.events >= 2, `the seed has Iran–China events (${before.total.events})`);
    assert.deepEqual([before.total.reports, before.total.origins], [before.total.events, 1]);

    // A blog's copy: the seed without its "via" line and comment form, pasted as text.
    const copy = readFileSync(SAMPLE, 'utf8')
      .split('\n')
      .filter((line) => !/^via ZeroHedge|^Leave a Reply|^Your email address/.test(line))
      .join('\n');
    const response = await copyApp.request('/api/documents', {
      method: 'POST',
      headers: { ...(await tokenHeaders(copyStore, 'ana', 'analyst')), 'content-type': 'application/json' },
      body: JSON.stringify({ text: copy }),
    });
    assert.equal(response.status, 201);

    const after = await relations();
    assert.equal(after.counting, 'origins');
    assert.deepEqual(after.total.quad, before.total.quad);
    assert.equal(after.total.events, before.total.events);
    assert.equal(after.total.origins, 1);
    assert.equal(after.total.reports, 2 * before.total.events);
    assert.deepEqual(
      after.buckets.map((b) => [b.period, b.events, b.origins]),
      before.buckets.map((b) => [b.period, b.events, b.origins]),
    );
    const every = await relations('&reports=all');
    assert.equal(every.counting, 'all');
    assert.equal(every.total.events, 2 * before.total.events);
    assert.equal(every.total.origins, 1);

    // The graph, the partners and the events behind the chart count the same way (the graph's
    // edge also holds undated events and the ministries' ones, so more than the chart).
    const edgeOf = async (query: string) => {
      const graph = (await (await copyApp.request(`/api/graph?minConfidence=0${query}`)).json()) as {
        edges: { source: string; target: string; events: number; reports: number; origins: number }[];
      };
      return graph.edges.find((e) => e.source === 'CHN' && e.target === 'IRN')!;
    };
    const edge = await edgeOf('');
    assert.ok(edge.events >= before.total.events);
    assert.deepEqual([edge.reports, edge.origins], [2 * edge.events, 1]);
    assert.equal((await edgeOf('&reports=all')).events, 2 * edge.events);
    const partners = (await (
      await copyApp.request('/api/actors/IRN/partners?minConfidence=0&limit=50')
    ).json()) as { byCooperation: { id: string; events: number; origins: number }[] };
    const china = partners.byCooperation.find((p) => p.id === 'CHN');
    assert.equal(china?.origins, 1);
    const events = (await (
      await copyApp.request('/api/relations/events?a=IRN&b=CHN&minConfidence=0&limit=100')
    ).json()) as { total: number; items: { reports: number }[] };
    // The list also holds the events dated too coarsely for a month.
    assert.equal(events.total, before.total.events + before.imprecise);
    assert.ok(events.items.every((e) => e.reports === 2));
    const allEvents = (await (
      await copyApp.request('/api/relations/events?a=IRN&b=CHN&minConfidence=0&limit=100&reports=all')
    ).json()) as { total: number };
    assert.equal(allEvents.total, 2 * events.total);
  } finally {
    await copyStore.close();
  }
});
