// The copy chain of a stored document, for `sitrep show`: from the document up to its origin.
import type { Store, TraceRecord } from '../store/index.ts';

/** Parents followed at most this far (chains are short; this also stops a damaged cycle). */
const MAX_HOPS = 20;

export interface TraceChainLink extends TraceRecord {
  title: string | null;
  site: string | null;
}

export async function traceChain(store: Store, id: string): Promise<TraceChainLink[]> {
  const chain: TraceChainLink[] = [];
  let next: string | null = id;
  while (next && chain.length < MAX_HOPS && !chain.some((c) => c.documentId === next)) {
    const [record] = await store.getTraces([next]);
    if (!record) break;
    const doc = await store.getDocument(record.documentId);
    chain.push({ ...record, title: doc?.title ?? null, site: doc?.site ?? null });
    next = record.parent;
  }
  return chain;
}

export async function formatTraceChain(store: Store, chain: TraceChainLink[]): Promise<string> {
  const self = chain[0];
  if (!self) return '';
  const family = await store.listTraceFamily(self.origin);
  const lines = [
    self.parent
      ? `trace: ${self.relation} of ${self.parent} (${Math.round(self.shared * 100)}% of its text found there) · origin ${self.origin} · story ${self.story} · family of ${family.length}`
      : `trace: origin · story ${self.story} · family of ${family.length}`,
  ];
  for (const [i, link] of chain.entries()) {
    const how = link.relation ? `${link.relation} of ↓` : 'origin';
    lines.push(
      `  ${' '.repeat(i * 2)}${link.documentId} ${how} ${link.title ?? '(untitled)'}${link.site ? ` · ${link.site}` : ''}`,
    );
  }
  return lines.join('\n') + '\n';
}
