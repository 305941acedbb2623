// After an interrupted ingest: every expected item stored exactly once, each whole (its document
// row, every entity, mention, quote and event row of its reading, and its trace record).
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Store } from '../../src/store/index.ts';
import { toDocumentRecord } from '../../src/store/shared/records.ts';

export type Query = (sql: string) => Promise<Record<string, unknown>[]>;

const COUNTS = `SELECT d.id, d.origin,
   (SELECT count(*) FROM entities x WHERE x.document_id = d.id) AS entities,
   (SELECT count(*) FROM mentions x WHERE x.document_id = d.id) AS mentions,
   (SELECT count(*) FROM quotes x WHERE x.document_id = d.id) AS quotes,
   (SELECT count(*) FROM events x WHERE x.document_id = d.id) AS events,
   (SELECT count(*) FROM trace_documents x WHERE x.document_id = d.id) AS traced
  FROM documents d ORDER BY d.origin`;

export async function assertStoredOnceAndWhole(store: Store, query: Query, origins: string[]): Promise<void> {
  const rows = await query(COUNTS);
  const byOrigin = new Map<string, Record<string, unknown>[]>();
  for (const row of rows)
    byOrigin.set(String(row.origin), [...(byOrigin.get(String(row.origin)) ?? []), row]);
  const missing = origins.filter((o) => !byOrigin.has(o));
  assert.deepEqual(missing, [], `${missing.length} items were never stored`);
  const twice = [...byOrigin].filter(([, r]) => r.length > 1).map(([o]) => o);
  assert.deepEqual(twice, [], `${twice.length} items were stored more than once`);
  assert.equal(rows.length, origins.length, 'nothing else was stored');
  let children = 0;
  for (const row of rows) {
    const stored = await store.getDocument(String(row.id));
    assert.ok(stored, `${String(row.origin)}: its reading cannot be read back`);
    const expected = toDocumentRecord(
      {
        id: stored.id,
        sha256: stored.sha256,
        origin: stored.origin,
        contentType: stored.contentType,
        raw: Buffer.alloc(0),
        rawEncoding: 'identity',
        rawSize: 0,
        addedAt: stored.addedAt,
      },
      stored.reading,
    );
    const got = ['entities', 'mentions', 'quotes', 'events'].map((t) => Number(row[t]));
    const want = [expected.entities, expected.mentions, expected.quotes, expected.events].map(
      (r) => r.length,
    );
    assert.deepEqual(
      got,
      want,
      `${String(row.origin)}: rows of its reading (entities, mentions, quotes, events)`,
    );
    assert.equal(Number(row.traced), 1, `${String(row.origin)}: stored without its trace record`);
    children += want.reduce((a, b) => a + b, 0);
  }
  assert.ok(children > origins.length, 'the readings hold entities and events (the check is not vacuous)');
}

/** Short, varied news items (made up here), each with people, places and an event to read. */
export function newsItem(n: number): string {
  const cities = [
    'Rotterdam',
    'Nairobi',
    'Lima',
    'Osaka',
    'Gdansk',
    'Accra',
    'Porto',
    'Manila',
    'Tunis',
    'Quito',
  ];
  const people = ['Maria Keller', 'John Otieno', 'Ana Torres', 'Kenji Sato', 'Piotr Nowak', 'Ama Mensah'];
  const city = cities[n % cities.length]!;
  const person = people[(n * 7) % people.length]!;
  const other = cities[(n * 3 + 1) % cities.length]!;
  return [
    `Port authority in ${city} reopens berth ${n}`,
    '',
    `${city}, ${1 + (n % 28)} March 2024 - The port authority in ${city} said on Tuesday that berth ${n} would reopen after ${n % 5 === 0 ? 'dredging' : 'repairs'}, and shipping firms welcomed the news.`,
    `"We expect the first ships within ${2 + (n % 9)} days," said ${person}, the authority's director.`,
    `Officials from ${other} met their counterparts in ${city} to discuss trade on ${n % 2 ? 'Monday' : 'Wednesday'}.`,
  ].join('\n');
}

/** Writes `count` news items as item-0001.txt … into a new folder; returns their paths in order. */
export function writeNewsItems(folder: string, count: number): string[] {
  mkdirSync(folder);
  return Array.from({ length: count }, (_, i) => {
    const file = join(folder, `item-${String(i + 1).padStart(4, '0')}.txt`);
    writeFileSync(file, newsItem(i + 1));
    return file;
  });
}
