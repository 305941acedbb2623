import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ReachIndex,
  Tracer,
  describeInput,
  freezeDoc,
  thawDoc,
  type TraceInput,
  type TraceResult,
} from '../../src/trace/index.ts';
import { hostOf, shingleHashes, tokens } from '../../src/trace/fingerprint.ts';
import { MAX_TRACED_CHARS } from '../../src/trace/tracer.ts';
import { ORIGIN_PARAGRAPHS, OTHER_PARAGRAPHS, TITLE, join } from './news.ts';

const ORIGIN: TraceInput = {
  id: 'origin',
  title: TITLE,
  text: join(ORIGIN_PARAGRAPHS),
  url: 'https://nordicwire.example/news/floods-norway',
  site: 'Nordic Wire',
  published: '2024-03-05T09:00:00Z',
};
const REPOST: TraceInput = {
  id: 'repost',
  title: TITLE,
  text: `${join(ORIGIN_PARAGRAPHS)}\n\nvia Nordic Wire https://short.example/x1\n\nShare this:\n\nFacebook`,
  url: 'https://aggregator.example/p/1',
  site: 'Daily Aggregator',
  published: '2024-03-05T10:00:00Z',
};
const EXCERPT: TraceInput = {
  id: 'excerpt',
  title: TITLE,
  text: `${join(ORIGIN_PARAGRAPHS.slice(0, 2))}\n\nRead more at Nordic Wire`,
  url: 'https://briefs.example/floods',
  site: 'Briefs Daily',
  published: '2024-03-05T11:00:00Z',
};
const REWRITE_OF_REPOST: TraceInput = {
  id: 'rewrite',
  title: 'Norway town under water as river bursts barrier',
  text: join([
    'Here is what we know so far about the floods in Halden.',
    'This report draws on reporting by Daily Aggregator.',
    ...ORIGIN_PARAGRAPHS.slice(1, 5),
  ]),
  url: 'https://opinion.example/2024/03/norway-floods',
  site: 'Opinion Hub',
  published: '2024-03-05T15:00:00Z',
};
const UPDATE: TraceInput = {
  ...ORIGIN,
  id: 'update',
  title: `UPDATE 1-${TITLE}`,
  text: `${join(ORIGIN_PARAGRAPHS)}\n\nThe army sent two helicopters to help with evacuations late on Tuesday, a defence ministry spokesman said.`,
  published: '2024-03-05T13:00:00Z',
};
const UNRELATED: TraceInput = {
  id: 'other',
  title: 'Kenya cuts lending rate',
  text: join(OTHER_PARAGRAPHS),
  site: 'Nordic Wire',
  published: '2024-03-05T09:30:00Z',
};

function trace(inputs: TraceInput[]): Map<string, TraceResult> {
  const tracer = new Tracer();
  for (const input of inputs) tracer.add(input);
  return new Map(tracer.docs.map((doc) => [doc.id, tracer.result(doc)]));
}

test('reposts, excerpts, rewrites and updates get their parent, origin and relation', () => {
  const results = trace([ORIGIN, UNRELATED, REPOST, EXCERPT, REWRITE_OF_REPOST, UPDATE]);
  assert.deepEqual(results.get('origin'), {
    id: 'origin',
    parent: null,
    origin: 'origin',
    relation: null,
    story: 'origin',
    shared: 0,
  });
  assert.equal(results.get('other')!.parent, null);
  const pick = (id: string) => {
    const r = results.get(id)!;
    return [r.parent, r.origin, r.relation];
  };
  assert.deepEqual(pick('repost'), ['origin', 'origin', 'identical']);
  assert.deepEqual(pick('excerpt'), ['origin', 'origin', 'excerpt']);
  assert.deepEqual(
    pick('rewrite'),
    ['repost', 'origin', 'rewrite'],
    'a rewrite of a repost points at the repost',
  );
  assert.deepEqual(pick('update'), ['origin', 'origin', 'update']);
  assert.ok(results.get('repost')!.shared > 0.8 && results.get('repost')!.shared <= 1);
  assert.ok(results.get('excerpt')!.shared > 0.7);
  for (const id of ['repost', 'excerpt', 'rewrite', 'update']) assert.equal(results.get(id)!.story, 'origin');
  assert.notEqual(results.get('other')!.story, 'origin');
});

test('an original that arrives after its copies re-parents them', () => {
  const results = trace([REPOST, EXCERPT, ORIGIN]);
  assert.equal(results.get('origin')!.parent, null);
  assert.equal(results.get('repost')!.parent, 'origin');
  assert.equal(results.get('excerpt')!.parent, 'origin');
  assert.equal(results.get('excerpt')!.origin, 'origin');
});

test('attribution beats skewed timestamps: the copy naming its source is the copy', () => {
  const results = trace([{ ...REPOST, published: '2024-03-04T08:00:00Z' }, ORIGIN]);
  assert.equal(results.get('repost')!.parent, 'origin');
  assert.equal(results.get('origin')!.parent, null);
});

test('two reports quoting the same official statement are not copies', () => {
  const statement =
    'In a statement released on Tuesday, the ministry said: "We are in close contact with the families and local authorities, and we will review every decision taken during the emergency once the water has gone down."';
  const first = { ...ORIGIN, text: join([...ORIGIN_PARAGRAPHS.slice(0, 3), statement]) };
  const second = {
    ...UNRELATED,
    site: 'Other Paper',
    text: join([...OTHER_PARAGRAPHS.slice(0, 3), statement]),
  };
  const results = trace([first, second]);
  assert.equal(results.get('other')!.parent, null);
  assert.equal(results.get('other')!.origin, 'other');
});

test('empty, one-word and very long documents are traced as roots without error', () => {
  const long = join(Array.from({ length: 2000 }, (_, i) => `${ORIGIN_PARAGRAPHS[i % 6]!} Paragraph ${i}.`));
  const results = trace([
    { id: 'empty', text: '' },
    { id: 'word', text: 'Breaking' },
    { id: 'long', text: long },
    { ...EXCERPT, id: 'short-copy' },
  ]);
  assert.equal(results.get('empty')!.parent, null);
  assert.equal(results.get('word')!.parent, null);
  assert.equal(results.get('long')!.parent, null);
  assert.equal(results.get('short-copy')!.origin, 'long', 'an excerpt of the long text is traced to it');
});

test('a document identical to thousands of others is traced to the first of them', () => {
  const tracer = new Tracer();
  tracer.add(ORIGIN);
  for (let i = 0; i < 2000; i++)
    tracer.add({ ...REPOST, id: `copy${i}`, url: `https://aggregator.example/p/${i}` });
  const last = tracer.result(tracer.get('copy1999')!);
  assert.equal(last.origin, 'origin');
  assert.notEqual(last.parent, null);
});

/** About `bytes` of varied news text: numbered paragraphs, so its shingles do not repeat. */
function bigText(bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const p = `${ORIGIN_PARAGRAPHS[i % ORIGIN_PARAGRAPHS.length]!} Update ${i} of ${i * 7 + 3} from desk ${i % 97}.`;
    parts.push(p);
    size += p.length + 2;
  }
  return join(parts);
}

test('a 10 MB document is traced by its beginning: its cost is capped, and an excerpt of it is found', () => {
  const huge = bigText(10 * 2 ** 20);
  assert.ok(huge.length >= 10 * 2 ** 20);
  const tracer = new Tracer();
  tracer.add({ id: 'huge', title: 'Flood diary', text: huge, site: 'Long Reads' });
  const doc = tracer.get('huge')!;
  assert.ok(doc.fp.words < MAX_TRACED_CHARS / 2, `compared ${doc.fp.words} words, not the whole text`);
  tracer.add({ id: 'excerpt', title: 'Flood diary', text: huge.slice(0, 4000), site: 'Briefs' });
  assert.equal(tracer.result(tracer.get('excerpt')!).parent, 'huge');
  assert.equal(tracer.result(tracer.get('excerpt')!).relation, 'excerpt');
});

test('a document identical to 10,000 others: traced to the first, compared with a bounded number of them', () => {
  const tracer = new Tracer();
  tracer.add(ORIGIN);
  for (let i = 0; i < 10_000; i++)
    tracer.add({ ...REPOST, id: `copy${i}`, site: `Reposter ${i}`, url: `https://reposter${i}.example/p` });
  const maxLinks = Math.max(...tracer.docs.map((d) => d.links.length));
  assert.ok(maxLinks <= 24 + 48, `at most the candidates compared plus back links, got ${maxLinks}`);
  for (const id of ['copy0', 'copy5000', 'copy9999']) {
    const result = tracer.result(tracer.get(id)!);
    assert.equal(result.origin, 'origin', id);
    assert.equal(result.relation, 'identical', id);
  }
  assert.equal(tracer.result(tracer.get('copy9999')!).story, 'origin');
});

/** The bytes of an older frozen fingerprint: a JSON header, then the given runs of 32-bit values. */
function frozenBytes(version: number, input: TraceInput, runs: ArrayLike<number>[]): Uint8Array {
  const described = describeInput(input);
  const header = JSON.stringify({
    v: version,
    site: described.siteName,
    host: described.host,
    url: described.url,
    time: described.time,
    title: described.title,
    words: described.fp.words,
    links: [...described.fp.links],
    credits: described.credits,
    attributed: described.attributed,
    updateMark: described.updateMark,
    n: runs.map((r) => r.length),
  });
  const json = Buffer.from(header, 'utf8');
  const start = (4 + json.length + 3) & ~3;
  const bytes = new Uint8Array(start + 4 * runs.reduce((n, r) => n + r.length, 0));
  const view = new DataView(bytes.buffer);
  view.setUint32(0, json.length, true);
  bytes.set(json, 4);
  let at = start;
  for (const run of runs) for (let i = 0; i < run.length; i++) view.setUint32((at += 4) - 4, run[i]!, true);
  return bytes;
}

/** The bytes of a version 1 frozen fingerprint (each paragraph's shingles stored, not its word range). */
function frozenVersionOne(input: TraceInput, paragraphs: string[]): Uint8Array {
  const fp = describeInput(input).fp;
  const perParagraph = [TITLE, ...paragraphs]
    .map((p) => shingleHashes(tokens(p)))
    .filter((s) => s.length >= 3);
  const ends: number[] = [];
  for (const s of perParagraph) ends.push((ends.at(-1) ?? 0) + s.length);
  return frozenBytes(1, input, [
    fp.shingles,
    Uint32Array.from(perParagraph.flatMap((s) => [...s])),
    Uint32Array.from(ends),
    fp.wordHashes,
  ]);
}

/** The bytes of a version 2 frozen fingerprint (its sorted shingles stored as well as its words). */
function frozenVersionTwo(input: TraceInput): Uint8Array {
  const fp = describeInput(input).fp;
  return frozenBytes(2, input, [fp.shingles, fp.paragraphSpans, fp.wordHashes]);
}

test('a frozen fingerprint leaves out the shingles and thaws with the same ones; version 2 bytes still thaw', () => {
  const described = describeInput(ORIGIN);
  const current = freezeDoc(described);
  const two = frozenVersionTwo(ORIGIN);
  // the sorted shingles (4 bytes each) are no longer written
  assert.ok(described.fp.shingles.length > 20);
  assert.ok(two.byteLength - current.byteLength >= 4 * described.fp.shingles.length);
  for (const bytes of [current, two]) {
    const thawed = thawDoc(bytes)!;
    assert.ok(thawed, 'the frozen bytes thaw');
    assert.deepEqual([...thawed.fp.shingles], [...described.fp.shingles]);
    assert.deepEqual([...thawed.fp.wordHashes], [...described.fp.wordHashes]);
    assert.deepEqual([...thawed.fp.paragraphSpans], [...described.fp.paragraphSpans]);
    assert.equal(thawed.title, described.title);
  }
});

test('fingerprints frozen by the previous version still thaw, and a copy is traced against them as against fresh ones', () => {
  const fromVersion = (bytes: Uint8Array) => {
    const thawed = thawDoc(bytes);
    assert.ok(thawed, 'the frozen bytes thaw');
    const tracer = new Tracer();
    tracer.restore(ORIGIN.id, thawed);
    const changed = tracer.add(EXCERPT);
    const links = tracer.get(EXCERPT.id)!.links.map((l) => [l.other.id, l.common, l.paragraphs]);
    return { result: tracer.result(changed[0]!), links };
  };
  const fresh = new Tracer();
  fresh.add(ORIGIN);
  fresh.add(EXCERPT);
  const current = fromVersion(freezeDoc(describeInput(ORIGIN)));
  const old = fromVersion(frozenVersionOne(ORIGIN, ORIGIN_PARAGRAPHS));
  assert.deepEqual(current.result, fresh.result(fresh.get(EXCERPT.id)!));
  assert.equal(current.result.parent, 'origin');
  assert.deepEqual(old, current);
  // an excerpt of two paragraphs under the same headline shares three with its source
  assert.deepEqual(current.links, [['origin', current.links[0]![1], 3]]);
});

test('documents that leave the window keep their decisions, and are no longer compared', () => {
  const tracer = new Tracer({ window: 4 });
  tracer.add(ORIGIN);
  tracer.add(REPOST);
  const others = Array.from({ length: 6 }, (_, i) => ({
    ...UNRELATED,
    id: `other${i}`,
    text: `${join(OTHER_PARAGRAPHS.slice(i % 2))}\n\nReport number ${i} of the day, filed at ${10 + i} hours.`,
    site: `Desk ${i}`,
  }));
  for (const other of others) tracer.add(other);
  // the origin and its repost left the window: their decisions stay, their texts are gone
  assert.equal(tracer.get('repost'), undefined);
  assert.ok(tracer.has('repost'));
  assert.deepEqual(tracer.resultOf('repost'), {
    id: 'repost',
    parent: 'origin',
    origin: 'origin',
    relation: 'identical',
    story: 'origin',
    shared: tracer.resultOf('repost')!.shared,
  });
  assert.ok(tracer.resultOf('repost')!.shared > 0.8);
  assert.equal(tracer.docs.length <= 4, true, `${tracer.docs.length} documents held`);
  assert.equal([...tracer.results()].length, 8);
  // a later copy of the origin finds nothing to compare with
  tracer.add({ ...REPOST, id: 'late-repost' });
  assert.equal(tracer.resultOf('late-repost')!.parent, null);
});

test('documents leaving the window go to onLeave with their words and arrival numbers; a ReachIndex over them finds the source of a copy', () => {
  const reach = new ReachIndex(100);
  const left: string[] = [];
  const tracer = new Tracer({
    window: 4,
    onLeave: (doc) => {
      left.push(doc.id);
      reach.add(doc.order, doc.fp.wordHashes);
    },
  });
  tracer.add(ORIGIN, undefined, 10);
  for (let i = 0; i < 6; i++) {
    const text = `${join(OTHER_PARAGRAPHS)}\n\nReport number ${i} of the day, filed at ${10 + i} hours.`;
    tracer.add({ ...UNRELATED, id: `other${i}`, text, site: `Desk ${i}` }, undefined, 11 + i);
  }
  assert.equal(left[0], 'origin');
  assert.equal(tracer.get('origin'), undefined);
  const repost = describeInput(REPOST).fp.shingles;
  assert.deepEqual(
    reach.find(repost, () => false),
    [10],
  );
  assert.deepEqual(
    reach.find(repost, (order) => order === 10),
    [],
    'one the caller holds is left out',
  );
  assert.ok(!reach.find(describeInput(UNRELATED).fp.shingles, () => false).includes(10));
});

test("a link's host is read as the URL parser reads it, plain URLs without parsing them", () => {
  const parsed = (url: string) => {
    try {
      return new URL(url).hostname.replace(/^www\./, '');
    } catch {
      return null;
    }
  };
  for (const url of [
    'https://www.Example.COM/a/b?c#d',
    'http://news.example.co.uk',
    'https://example.com:8080/x',
    'https://example.com:99999/',
    'http://0x7f.1/',
    'http://192.168.0.1/',
    'https://bücher.de/',
    'http://user@host.example/',
    'https://exa\nmple.com/',
    'https://example.com/a b',
    'https://www/',
    'not a url',
  ])
    assert.equal(hostOf(url), parsed(url), url);
  assert.equal(hostOf('https://WWW.Example.com/story'), 'example.com');
});
