// Made-up articles carrying events between given actors on given dates, for tests and benchmarks
// of the relations chart and the actor graph. Each article's text holds one sentence per event,
// and each event's evidence points at its sentence.
import type { Event, Reading } from '../../src/model/index.ts';
import type { NewDocument } from '../../src/store/index.ts';

export interface PlannedEvent {
  source: string;
  target: string;
  /** YYYY-MM-DD */
  date: string;
  quadClass: 1 | 2 | 3 | 4;
  goldstein: number;
  confidence?: number;
}

const PLOVER = { 1: 'CONSULT', 2: 'AID', 3: 'ACCUSE', 4: 'ASSAULT' } as const;
const VERB = { 1: 'held talks with', 2: 'sent aid to', 3: 'accused', 4: 'attacked' } as const;

/** A side as the extractor stores a country (its ISO code as name, country, code and entity id). */
function side(code: string): Event['source'] {
  return /^[A-Z]{3}$/.test(code)
    ? { name: code, country: code, code, sector: null, entityId: code }
    : { name: code, country: null, code: null, sector: null, entityId: null };
}

/** One article per call; `tag` keeps the raw bytes (and so the id) apart from other articles. */
export function eventArticle(tag: string, events: PlannedEvent[]): NewDocument {
  let text = `Generated report ${tag}.\n\n`;
  const stored: Event[] = [];
  for (const e of events) {
    const sentence = `On ${e.date} ${e.source} ${VERB[e.quadClass]} ${e.target} (item ${tag}-${stored.length}).`;
    const start = text.length;
    text += `${sentence}\n`;
    stored.push({
      plover: PLOVER[e.quadClass],
      mode: null,
      cameo: null,
      quadClass: e.quadClass,
      goldstein: e.goldstein,
      source: side(e.source),
      target: side(e.target),
      date: e.date,
      location: null,
      modality: 'happened',
      evidence: { start, end: start + sentence.length, text: sentence },
      confidence: e.confidence ?? 0.8,
    });
  }
  const reading: Reading = {
    article: {
      url: null,
      title: `Generated report ${tag}`,
      byline: null,
      published: events[0]?.date ?? null,
      site: null,
      language: 'en',
      text,
      captions: [],
      via: null,
      citedSources: [],
    },
    entities: [],
    quotes: [],
    events: stored,
  };
  return { raw: Buffer.from(text, 'utf8'), contentType: 'text/plain', origin: `generated:${tag}`, reading };
}

/** A deterministic pseudo-random source (mulberry32), so generated data is the same every run. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Articles holding `edges` distinct undirected pairs among `actors` synthetic actors (A0001…),
 * `eventsPerArticle` events each, dated over `months` months from 2023-01.
 */
export function graphArticles(
  actors: number,
  edges: number,
  eventsPerArticle = 50,
  months = 24,
): NewDocument[] {
  const random = seeded(42);
  const name = (i: number) => `Actor ${String(i).padStart(4, '0')}`;
  const pairs = new Set<string>();
  const planned: PlannedEvent[] = [];
  // A ring first, so every actor has a link; then random pairs.
  for (let i = 0; i < actors && pairs.size < edges; i++) pairs.add(`${i}|${(i + 1) % actors}`);
  while (pairs.size < edges) {
    const [a, b] = [Math.floor(random() * actors), Math.floor(random() * actors)];
    if (a !== b && !pairs.has(`${b}|${a}`)) pairs.add(`${a}|${b}`);
  }
  for (const pair of pairs) {
    const [a, b] = pair.split('|').map(Number) as [number, number];
    const month = Math.floor(random() * months);
    const date = `${2023 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}-15`;
    const quadClass = (1 + Math.floor(random() * 4)) as 1 | 2 | 3 | 4;
    planned.push({ source: name(a), target: name(b), date, quadClass, goldstein: quadClass <= 2 ? 3 : -5 });
  }
  const docs: NewDocument[] = [];
  for (let i = 0; i < planned.length; i += eventsPerArticle)
    docs.push(eventArticle(`g${i}`, planned.slice(i, i + eventsPerArticle)));
  return docs;
}
