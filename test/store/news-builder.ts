// Builds realistic documents for the store tests from short news texts: offsets of mentions,
// quotes and evidence are found in the text, so every reading is self-consistent.
import type {
  Entity,
  EntityType,
  Event,
  MentionForm,
  Quote,
  QuoteKind,
  Reading,
} from '../../src/model/index.ts';
import type { NewDocument } from '../../src/store/index.ts';

export interface ActorSpec {
  name: string;
  country: string | null;
  code: string | null;
  sector?: string | null;
  entityId?: string | null;
}

export interface StorySpec {
  title: string;
  url: string | null;
  site: string | null;
  byline: string | null;
  published: string | null;
  paragraphs: string[];
  entities: {
    id: string;
    type: EntityType;
    name: string;
    country: string | null;
    role?: string | null;
    /** Surface forms in order of appearance; a bare string is a name. */
    mentions: (string | { text: string; form: MentionForm })[];
  }[];
  quotes: {
    text: string;
    kind: QuoteKind;
    speaker: string | null;
    speakerId: string | null;
    cue: string | null;
  }[];
  events: {
    plover: string | null;
    cameo: string | null;
    quadClass: number | null;
    goldstein: number | null;
    source: ActorSpec;
    target: ActorSpec | null;
    date: string | null;
    modality: Event['modality'];
    evidence: string;
    confidence: number;
  }[];
}

/** Where `needle` occurs in `text` at or after `from`; a fixture that does not say it is a bug. */
export function offsetOf(text: string, needle: string, from = 0): number {
  const start = text.indexOf(needle, from);
  if (start < 0) throw new Error(`fixture text does not contain '${needle}'`);
  return start;
}

function buildEntity(text: string, spec: StorySpec['entities'][number]): Entity {
  const next = new Map<string, number>();
  const mentions = spec.mentions.map((mention) => {
    const { text: surface, form } =
      typeof mention === 'string' ? { text: mention, form: 'name' as const } : mention;
    const start = offsetOf(text, surface, next.get(surface) ?? 0);
    next.set(surface, start + surface.length);
    return { start, end: start + surface.length, text: surface, form };
  });
  return {
    id: spec.id,
    type: spec.type,
    name: spec.name,
    country: spec.country,
    role: spec.role ?? null,
    mentions,
  };
}

function buildQuote(text: string, spec: StorySpec['quotes'][number]): Quote {
  const start = offsetOf(text, spec.text);
  const speaker = spec.speaker
    ? (() => {
        const at = text.indexOf(spec.speaker);
        return {
          name: spec.speaker,
          entityId: spec.speakerId,
          start: at < 0 ? null : at,
          end: at < 0 ? null : at + spec.speaker.length,
        };
      })()
    : null;
  return { text: spec.text, kind: spec.kind, speaker, start, end: start + spec.text.length, cue: spec.cue };
}

function actor(spec: ActorSpec) {
  return {
    name: spec.name,
    country: spec.country,
    code: spec.code,
    sector: spec.sector ?? null,
    entityId: spec.entityId ?? null,
  };
}

function buildEvent(text: string, spec: StorySpec['events'][number]): Event {
  const start = offsetOf(text, spec.evidence);
  return {
    plover: spec.plover,
    mode: null,
    cameo: spec.cameo,
    quadClass: spec.quadClass,
    goldstein: spec.goldstein,
    source: actor(spec.source),
    target: spec.target ? actor(spec.target) : null,
    date: spec.date,
    location: null,
    modality: spec.modality,
    evidence: { start, end: start + spec.evidence.length, text: spec.evidence },
    confidence: spec.confidence,
  };
}

export function buildReading(spec: StorySpec): Reading {
  const text = spec.paragraphs.join('\n\n');
  return {
    article: {
      url: spec.url,
      title: spec.title,
      byline: spec.byline,
      published: spec.published,
      site: spec.site,
      language: 'en',
      text,
      captions: [],
      via: null,
      citedSources: [],
    },
    entities: spec.entities.map((entity) => buildEntity(text, entity)),
    quotes: spec.quotes.map((quote) => buildQuote(text, quote)),
    events: spec.events.map((event) => buildEvent(text, event)),
  };
}

function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The page the reading could have come from, as the raw bytes to store. */
export function pageHtml(spec: StorySpec): string {
  const meta = spec.published ? `<meta property="article:published_time" content="${spec.published}">` : '';
  const body = spec.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(spec.title)}</title>${meta}</head>
<body><nav>Home · World · Business</nav><article><h1>${escapeHtml(spec.title)}</h1>
${spec.byline ? `<p class="byline">${escapeHtml(spec.byline)}</p>` : ''}
${body}</article><footer>© ${spec.site ?? ''}</footer></body></html>`;
}

export function buildDocument(spec: StorySpec, origin = spec.url ?? 'stdin'): NewDocument {
  return {
    raw: Buffer.from(pageHtml(spec), 'utf8'),
    contentType: 'text/html; charset=utf-8',
    origin,
    reading: buildReading(spec),
  };
}
