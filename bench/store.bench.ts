// Store throughput and latency on a generated corpus, for SQLite and PostgreSQL:
// documents added per second (one at a time, and 8 at once as several workers would), then
// search, list and filter latency (p50/p95) over a fixed set of queries.
// Run: npm run bench -- store   (SITREP_BENCH_DOCS=n to change the corpus size; PostgreSQL at
// SITREP_TEST_PG, default postgres://postgres@127.0.0.1:5432/test, skipped when unreachable).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pLimit from 'p-limit';
import pg from 'pg';
import type { Entity, Event, Quote, Reading } from '../src/model/index.ts';
import { openStore, type NewDocument, type Store, type StoreConfig } from '../src/store/index.ts';
import type { BenchResult } from './run.ts';

const DOCS = Number(process.env.SITREP_BENCH_DOCS || 2000);
const PG_URL = process.env.SITREP_TEST_PG || 'postgres://postgres@127.0.0.1:5432/test';
const CONCURRENCY = 8;

const PEOPLE = [
  'Amina Odhiambo',
  'Carlos Medina',
  'Yuki Tanaka',
  'Olena Shevchenko',
  'Rahul Mehta',
  'Fatima Haddad',
  'Lars Nilsson',
  'Grace Mensah',
  'Ahmed Karimi',
  'Sofia Rossi',
];
const COUNTRIES = [
  ['Kenya', 'KEN'],
  ['Brazil', 'BRA'],
  ['Japan', 'JPN'],
  ['Ukraine', 'UKR'],
  ['India', 'IND'],
  ['Egypt', 'EGY'],
  ['Sweden', 'SWE'],
  ['Ghana', 'GHA'],
  ['Iran', 'IRN'],
  ['Italy', 'ITA'],
] as const;
const TOPICS = [
  'finance bill',
  'trade accord',
  'border dispute',
  'election results',
  'fuel prices',
  'drought relief',
  'port strike',
  'vaccine rollout',
  'peace talks',
  'central bank rates',
  'grain exports',
  'coastal flooding',
];
const VERBS = [
  'criticised',
  'welcomed',
  'rejected',
  'defended',
  'announced',
  'postponed',
  'questioned',
  'endorsed',
];
const FILLER =
  'officials said the measures would take effect next month after weeks of negotiations between ministries, unions and regional governments, while analysts warned that costs could rise further if the currency weakened again and markets remained volatile';
const EVENTS = [
  ['PROTEST', '141'],
  ['ACCUSE', '112'],
  ['CONSULT', '040'],
  ['AGREE', '057'],
  ['THREATEN', '138'],
  ['AID', '070'],
] as const;

/** mulberry32: a small deterministic generator, so every run stores the same corpus. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

export function makeDocument(index: number): NewDocument {
  const next = random(index + 1);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const person = pick(PEOPLE);
  const [country, iso] = pick(COUNTRIES);
  const [other, otherIso] = pick(COUNTRIES);
  const topic = pick(TOPICS);
  const lead = `${person} ${pick(VERBS)} the ${topic} in ${country} on Tuesday, saying it would hurt families across the region.`;
  const quoteText = `We will keep working on the ${topic} with ${other} until it is done`;
  const paragraphs = [lead, `"${quoteText}," ${person} told reporters.`];
  for (let i = 0; i < 8; i++)
    paragraphs.push(`${pick(PEOPLE)} ${pick(VERBS)} the ${pick(TOPICS)}; ${FILLER}. Report ${index}-${i}.`);
  const text = paragraphs.join('\n\n');
  const day = String(1 + (index % 28)).padStart(2, '0');
  const month = String(1 + (index % 12)).padStart(2, '0');
  const published = `2024-${month}-${day}`;
  const entities: Entity[] = [
    {
      id: 'p1',
      type: 'PERSON',
      name: person,
      country: iso,
      role: null,
      mentions: [{ start: 0, end: person.length, text: person, form: 'name' }],
    },
    {
      id: 'g1',
      type: 'GPE',
      name: country,
      country: iso,
      role: null,
      mentions: [
        {
          start: lead.indexOf(country),
          end: lead.indexOf(country) + country.length,
          text: country,
          form: 'name',
        },
      ],
    },
  ];
  const quoteStart = text.indexOf(quoteText);
  const quotes: Quote[] = [
    {
      text: quoteText,
      kind: 'direct',
      speaker: { name: person, entityId: 'p1', start: 0, end: person.length },
      start: quoteStart,
      end: quoteStart + quoteText.length,
      cue: 'told',
    },
  ];
  const [plover, cameo] = pick(EVENTS);
  const events: Event[] = [
    {
      plover,
      mode: null,
      cameo,
      quadClass: 3,
      goldstein: -2,
      source: { name: person, country: iso, code: `${iso}GOV`, sector: 'GOV', entityId: 'p1' },
      target: { name: other, country: otherIso, code: otherIso, sector: null, entityId: null },
      date: published,
      location: null,
      modality: 'happened',
      evidence: { start: 0, end: lead.length, text: lead },
      confidence: 0.8,
    },
  ];
  const title = `${country}: ${person} ${pick(VERBS)} ${topic}`;
  const reading: Reading = {
    article: {
      url: `https://news.example/${index}`,
      title,
      byline: null,
      published,
      site: 'News Example',
      language: 'en',
      text,
      captions: [],
      via: null,
      citedSources: [],
    },
    entities,
    quotes,
    events,
  };
  const html = `<!doctype html><html><head><title>${title}</title></head><body><nav>Home World</nav><article><h1>${title}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
  return {
    raw: Buffer.from(html),
    contentType: 'text/html',
    origin: `https://news.example/${index}`,
    reading,
  };
}

const QUERIES = [
  ...TOPICS,
  ...PEOPLE.map((p) => p.split(' ')[1]!),
  ...COUNTRIES.map(([c]) => c),
  '"trade accord" brazil',
  'protest* -kenya',
  'fuel OR grain',
  'report 1500-3',
  'currency weakened',
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function latency(
  runs: number,
  call: (i: number) => Promise<unknown>,
): Promise<{ p50: number; p95: number }> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await call(i);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { p50: Number(percentile(times, 50).toFixed(2)), p95: Number(percentile(times, 95).toFixed(2)) };
}

async function addAll(store: Store, docs: NewDocument[], concurrency: number): Promise<number> {
  const limit = pLimit(concurrency);
  const start = performance.now();
  await Promise.all(docs.map((doc) => limit(() => store.addDocument(doc))));
  return Math.round(docs.length / ((performance.now() - start) / 1000));
}

async function measure(
  name: string,
  configs: () => StoreConfig,
  cleanup: (c: StoreConfig) => Promise<void>,
  docs: NewDocument[],
) {
  const sequentialConfig = configs();
  const store = await openStore(sequentialConfig);
  const row: Record<string, string | number | null> = { store: name, docs: docs.length };
  try {
    row['added/s (1 at a time)'] = await addAll(store, docs, 1);
    row['re-add unchanged/s'] = await addAll(store, docs.slice(0, 500), 1);
    const search = await latency(QUERIES.length * 4, (i) => store.search(QUERIES[i % QUERIES.length]!));
    row['search p50 ms'] = search.p50;
    row['search p95 ms'] = search.p95;
    const list = await latency(100, (i) => store.listDocuments({ offset: (i * 20) % docs.length }));
    row['list p95 ms'] = list.p95;
    const events = await latency(100, (i) =>
      store.listEvents({ actor: COUNTRIES[i % COUNTRIES.length]![1] }),
    );
    row['events by actor p95 ms'] = events.p95;
    const quotes = await latency(100, (i) => store.listQuotes({ speaker: PEOPLE[i % PEOPLE.length]! }));
    row['quotes by speaker p95 ms'] = quotes.p95;
  } finally {
    await store.close();
    await cleanup(sequentialConfig);
  }
  const concurrentConfig = configs();
  const concurrent = await openStore(concurrentConfig);
  try {
    row[`added/s (${CONCURRENCY} at once)`] = await addAll(concurrent, docs, CONCURRENCY);
  } finally {
    await concurrent.close();
    await cleanup(concurrentConfig);
  }
  return row;
}

async function postgresReachable(): Promise<string | null> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end().catch(() => {});
  }
}

export default async function bench(): Promise<BenchResult> {
  const docs = Array.from({ length: DOCS }, (_, i) => makeDocument(i));
  const rawMb = docs.reduce((sum, d) => sum + d.raw.length, 0) / 1e6;
  const rows = [];
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-bench-'));
  let n = 0;
  try {
    rows.push(
      await measure(
        'SQLite',
        () => ({ kind: 'sqlite', path: join(dir, `bench-${++n}.db`) }),
        () => Promise.resolve(),
        docs,
      ),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const notes = [
    `${DOCS} generated documents, ${rawMb.toFixed(1)} MB of HTML; ${QUERIES.length * 4} searches of ${QUERIES.length} queries, 20 hits a page.`,
  ];
  const problem = await postgresReachable();
  if (problem) notes.push(`PostgreSQL skipped: ${PG_URL} unreachable (${problem}).`);
  else {
    const dropSchema = async (config: StoreConfig) => {
      const client = new pg.Client({ connectionString: PG_URL });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${(config as { schema: string }).schema} CASCADE`);
      await client.end();
    };
    rows.push(
      await measure(
        'PostgreSQL',
        () => ({ kind: 'postgres', url: PG_URL, schema: `sitrep_bench_${process.pid}_${++n}` }),
        dropSchema,
        docs,
      ),
    );
  }
  return { name: 'store', rows, notes };
}
