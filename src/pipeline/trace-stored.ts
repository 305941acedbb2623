// Tracing a document as it is stored: its neighbourhood (stored documents sharing indexed shingles,
// and their parents) is read back into a Tracer, the new document is traced against it, and its
// record, index keys and any earlier copies it turns out to be the source of are written back.
import type { Article } from '../model/index.ts';
import type { Store, TraceRecord } from '../store/index.ts';
import { Tracer, indexKeys, traceInputFromArticle, type TraceDoc } from '../trace/index.ts';

/** Stored documents read back per new document. */
const MAX_CANDIDATES = 24;

export async function traceStoredDocument(store: Store, id: string, article: Article): Promise<TraceRecord> {
  const input = traceInputFromArticle(id, article);
  const keys = indexKeys(input);
  const candidates = await store.findTraceCandidates(keys, MAX_CANDIDATES, id);
  const near = await store.getTraces(candidates.map((c) => c.documentId));
  const parents = near.map((r) => r.parent).filter((p): p is string => p !== null);
  const stored = new Map(
    (await store.getTraces([...new Set([...near.map((r) => r.documentId), ...parents])])).map((r) => [
      r.documentId,
      r,
    ]),
  );
  const tracer = new Tracer();
  for (const record of [...stored.values()].sort((a, b) => a.seq - b.seq)) {
    const doc = await store.getDocument(record.documentId);
    if (doc) tracer.add(traceInputFromArticle(record.documentId, doc.reading.article));
  }
  tracer.add(input);
  const doc = tracer.get(id)!;
  const parent = doc.parent ? stored.get(doc.parent.id) : undefined;
  const record: TraceRecord = {
    documentId: id,
    seq: await store.nextTraceSeq(),
    parent: parent?.documentId ?? null,
    origin: parent?.origin ?? id,
    relation: parent ? doc.relation : null,
    story: parent?.story ?? id,
    shared: parent ? round(doc.shared) : 0,
  };
  const reparented = [...stored.values()]
    .filter((r) => r.parent !== id && tracer.get(r.documentId)?.parent === doc)
    .map((r) => copyRecord(r, tracer.get(r.documentId)!, record));
  await store.saveTrace({ record, hashes: keys, reparented });
  return record;
}

function copyRecord(stored: TraceRecord, copy: TraceDoc, source: TraceRecord): TraceRecord {
  return {
    ...stored,
    parent: source.documentId,
    origin: source.origin,
    relation: copy.relation,
    story: source.story,
    shared: round(copy.shared),
  };
}

function round(share: number): number {
  return Math.round(share * 1000) / 1000;
}
