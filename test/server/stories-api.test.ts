// Copy families and stories over HTTP: the seed file, a pasted copy of it without its "via" line
// and comment form, and a pasted excerpt, traced as they are stored.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApp } from '../../src/server/index.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { addPage } from '../../src/pipeline/index.ts';
import { loadInput } from '../../src/ingest/index.ts';
import { paragraphDiff } from '../../src/server/workspace/story.ts';
import { tempDir } from '../helpers/cli.ts';
import { tokenHeaders } from '../helpers/auth.ts';

const SAMPLE = new URL('../../sample-data/zerohedge-iran-china-2022-04-27.txt', import.meta.url).pathname;
const dir = tempDir();
let store: Store;
let app: ReturnType<typeof createApp>;
let seedId: string;
let copyId: string;
let excerptId: string;

/** The seed without its "via" line and the comment form under it, as a reposting blog has it. */
export function seedCopy(): string {
  return readFileSync(SAMPLE, 'utf8')
    .split('\n')
    .filter(
      (line) =>
        !/^via ZeroHedge|^Leave a Reply|^Your email address|^(Comment|Name|Email|Website)\b/.test(line),
    )
    .join('\n');
}

/** The first four paragraphs of the seed's body and a link back. */
function seedExcerpt(): string {
  const blocks = readFileSync(SAMPLE, 'utf8').split(/\n\s*\n/);
  return [...blocks.slice(0, 5), 'Read more at https://www.zerohedge.com/geopolitical/iran-china'].join(
    '\n\n',
  );
}

async function paste(text: string): Promise<string> {
  const response = await app.request('/api/documents', {
    method: 'POST',
    headers: { ...(await tokenHeaders(store, 'ana', 'analyst')), 'content-type': 'application/json' },
    body: JSON.stringify({ text }),
  });
  assert.equal(response.status, 201);
  return ((await response.json()) as { id: string }).id;
}

async function get<T>(path: string): Promise<{ status: number; body: T }> {
  const response = await app.request(path);
  return { status: response.status, body: (await response.json()) as T };
}

before(async () => {
  store = await openStore({ kind: 'sqlite', path: join(dir.path, 'stories.db') });
  app = createApp({ store });
  const seed = await addPage(store, await loadInput(SAMPLE));
  seedId = seed.id;
  copyId = await paste(seedCopy());
  excerptId = await paste(seedExcerpt());
});

after(async () => {
  await store.close();
  dir.remove();
});

interface Member {
  id: string;
  parent: string | null;
  origin: string;
  relation: string | null;
  shared: number;
  title: string | null;
  diff: { added: string[]; dropped: string[]; addedCount: number; droppedCount: number } | null;
}

test("an article's family is its origin and every copy, with parent, relation and differences", async () => {
  const { status, body } = await get<{ document: string; origin: string; story: string; members: Member[] }>(
    `/api/documents/${copyId}/family`,
  );
  assert.equal(status, 200);
  assert.equal(body.document, copyId);
  assert.equal(body.origin, seedId);
  assert.deepEqual(
    body.members.map((m) => m.id),
    [seedId, copyId, excerptId],
  );
  const [origin, copy, excerpt] = body.members as [Member, Member, Member];
  assert.deepEqual([origin.parent, origin.relation, origin.diff], [null, null, null]);
  assert.equal(copy.parent, seedId);
  assert.equal(copy.relation, 'identical');
  assert.ok(copy.shared > 0.9, String(copy.shared));
  assert.match(origin.title ?? '', /Iran & China Declare Deepened Military Cooperation/);
  assert.equal(excerpt.origin, seedId);
  assert.equal(excerpt.relation, 'excerpt');
  // The copy kept every paragraph; the excerpt left out most of the body, added at most its link back.
  assert.equal(copy.diff!.droppedCount, 0, JSON.stringify(copy.diff));
  assert.ok(excerpt.diff!.droppedCount >= 5, JSON.stringify(excerpt.diff));
  assert.ok(excerpt.diff!.addedCount <= 1, JSON.stringify(excerpt.diff));
  assert.ok(excerpt.diff!.dropped.some((p) => p.includes('Ashtinai')));
  // The same family whichever member is asked for.
  const fromOrigin = await get<{ members: Member[] }>(`/api/documents/${seedId}/family`);
  assert.deepEqual(fromOrigin.body.members, body.members);
});

test('a story counts its copies and independent origins; the article list gets the counts', async () => {
  const family = await get<{ story: string }>(`/api/documents/${excerptId}/family`);
  const { status, body } = await get<{
    documents: number;
    copies: number;
    origins: number;
    families: { origin: string; members: Member[] }[];
  }>(`/api/stories/${family.body.story}`);
  assert.equal(status, 200);
  assert.deepEqual([body.documents, body.copies, body.origins], [3, 2, 1]);
  assert.deepEqual(
    body.families.map((f) => [f.origin, f.members.length]),
    [[seedId, 3]],
  );
  const listed = await get<{ items: { document: string; storyDocuments: number; storyOrigins: number }[] }>(
    `/api/stories?documents=${excerptId},${seedId},nosuchdocument`,
  );
  assert.deepEqual(
    listed.body.items.map((i) => [i.document, i.storyDocuments, i.storyOrigins]).sort(),
    [
      [excerptId, 3, 1],
      [seedId, 3, 1],
    ].sort(),
  );
});

test('unknown articles and stories are a clear 404', async () => {
  const doc = await get<{ error: { message: string } }>('/api/documents/0000000000000000/family');
  assert.equal(doc.status, 404);
  assert.match(doc.body.error.message, /no stored article with id 0000000000000000/);
  const story = await get<{ error: { message: string } }>('/api/stories/nosuchstory');
  assert.equal(story.status, 404);
  assert.match(story.body.error.message, /no story with id nosuchstory/);
  const bad = await get<{ error: { message: string } }>('/api/stories');
  assert.equal(bad.status, 400);
});

test('a paragraph diff names what a copy added and dropped, ignoring whitespace', () => {
  const parent = 'One  paragraph.\n\nTwo paragraph.\n\nThree paragraph.';
  const copy = 'One paragraph.\n\nThree paragraph, edited.\n\nvia Somewhere';
  assert.deepEqual(paragraphDiff(parent, copy), {
    added: ['Three paragraph, edited.', 'via Somewhere'],
    dropped: ['Two paragraph.', 'Three paragraph.'],
    addedCount: 2,
    droppedCount: 2,
  });
});
