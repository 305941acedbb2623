// Copy families and stories as the stories page shows them: each copy with its parent, how it was
// made, and what it added to or dropped from its parent's text (paragraph by paragraph).
import { SitrepError } from '../../model/index.ts';
import type { Store, TraceRecord } from '../../store/index.ts';
import type { FamilyMember } from './story-schemas.ts';

/** Paragraphs listed per copy and side; the counts say how many there were in all. */
const MAX_LISTED = 20;
/** Characters kept of each listed paragraph. */
const MAX_CHARS = 400;
/** Members whose texts are compared; a larger family is listed without its differences. */
const MAX_COMPARED = 200;

export function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n|\r?\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

const cut = (p: string) => (p.length > MAX_CHARS ? `${p.slice(0, MAX_CHARS - 1)}…` : p);

/**
 * What a copy added to its parent's text and what it dropped, paragraph by paragraph (an edited
 * paragraph is both: its old form dropped, its new form added). Whitespace does not count.
 */
export function paragraphDiff(parent: string, copy: string) {
  const [before, after] = [paragraphs(parent), paragraphs(copy)];
  const [had, has] = [new Set(before), new Set(after)];
  const added = after.filter((p) => !had.has(p));
  const dropped = before.filter((p) => !has.has(p));
  return {
    added: added.slice(0, MAX_LISTED).map(cut),
    dropped: dropped.slice(0, MAX_LISTED).map(cut),
    addedCount: added.length,
    droppedCount: dropped.length,
  };
}

/** The members of a family or story with titles and, for copies, their differences from their parents. */
export async function describeMembers(store: Store, records: TraceRecord[]): Promise<FamilyMember[]> {
  const compare = records.length <= MAX_COMPARED;
  const docs = new Map(
    await Promise.all(
      records.map(async (r) => [r.documentId, await store.getDocument(r.documentId)] as const),
    ),
  );
  const text = async (id: string) =>
    (docs.get(id) ?? (await store.getDocument(id)))?.reading.article.text ?? null;
  const members: FamilyMember[] = [];
  for (const r of records) {
    const doc = docs.get(r.documentId);
    let diff = null;
    if (compare && r.parent) {
      const [parentText, ownText] = [await text(r.parent), doc?.reading.article.text ?? null];
      if (parentText !== null && ownText !== null) diff = paragraphDiff(parentText, ownText);
    }
    members.push({
      id: r.documentId,
      title: doc?.title ?? null,
      site: doc?.reading.article.site ?? null,
      url: doc?.reading.article.url ?? null,
      published: doc?.reading.article.published ?? null,
      parent: r.parent,
      origin: r.origin,
      relation: r.relation,
      shared: r.shared,
      diff,
    });
  }
  return members;
}

/** The trace record of a stored document, or a 404 saying what is missing. */
export async function traceOr404(store: Store, id: string): Promise<TraceRecord> {
  const [record] = await store.getTraces([id]);
  if (record) return record;
  const doc = await store.getDocument(id);
  throw new SitrepError(
    'not_found',
    doc ? `article ${id} has not been traced yet` : `no stored article with id ${id}`,
  );
}

/** A story: its independent origins, each with its copies, and the counts. */
export async function storyAnswer(store: Store, storyId: string) {
  const records = await store.listStoryDocuments(storyId);
  if (!records.length) throw new SitrepError('not_found', `no story with id ${storyId}`);
  const members = await describeMembers(store, records);
  const originIds = [...new Set(members.map((m) => m.origin))];
  return {
    story: storyId,
    documents: members.length,
    copies: members.length - originIds.length,
    origins: originIds.length,
    families: originIds.map((origin) => ({
      origin,
      members: members.filter((m) => m.origin === origin),
    })),
  };
}
