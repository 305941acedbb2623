// The reader: an article with highlights toggled per kind, its events and quotes linked to their
// sentences, and its discussion.
import { useState } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';
import { api, data, type Schemas } from '../../api/client.ts';
import { ActorChip, EvidenceLink, formatDate, href } from '../../components/links.tsx';
import { Await } from '../../components/status.tsx';
import { useLoad } from '../../components/use-load.ts';
import type { Kind, Span } from './annotate.ts';
import { ArticleText } from './article-text.tsx';
import { Comments } from './comments.tsx';

type Doc = Schemas['StoredDocument'];
type Toggles = Record<'entity' | 'quote' | 'event', boolean>;
const LABELS: [keyof Toggles, string][] = [
  ['entity', 'Names'],
  ['quote', 'Quotes'],
  ['event', 'Events'],
];

function spansOf(doc: Doc, on: Toggles, focus: string | undefined): Span[] {
  const { entities, quotes, events } = doc.reading;
  const spans: Span[] = [];
  if (on.entity)
    for (const e of entities)
      for (const m of e.mentions)
        spans.push({ start: m.start, end: m.end, kind: 'entity', title: `${e.name} (${e.type})` });
  if (on.quote)
    for (const q of quotes)
      spans.push({ start: q.start, end: q.end, kind: 'quote', title: q.speaker?.name ?? 'unknown speaker' });
  if (on.event)
    for (const e of events)
      spans.push({
        start: e.evidence.start,
        end: e.evidence.end,
        kind: 'event',
        title: e.plover ?? 'STATEMENT',
      });
  const [start, end] = (focus ?? '').split('-').map(Number);
  if (start !== undefined && end !== undefined && Number.isFinite(start) && Number.isFinite(end))
    spans.push({ start, end, kind: 'focus' as Kind, title: 'linked sentence' });
  return spans;
}

function Sidebar({ doc }: { doc: Doc }) {
  const { events, quotes } = doc.reading;
  const named = doc.reading.entities.filter(
    (e) => e.type === 'PERSON' || e.type === 'ORG' || e.type === 'GPE',
  );
  return (
    <aside class="sidebar">
      <h2>Names ({named.length})</h2>
      <ul class="plain">
        {named.map((e) => (
          <li>
            <ActorChip side={e.id.includes(':') || /^[A-Z]{3}$/.test(e.id) ? e.id : e.name} label={e.name} />
          </li>
        ))}
      </ul>
      <h2>Events ({events.length})</h2>
      <ol class="plain">
        {events.map((e) => (
          <li>
            <EvidenceLink documentId={doc.id} start={e.evidence.start} end={e.evidence.end}>
              {e.source.name} · {e.plover ?? 'STATEMENT'}
              {e.target ? ` · ${e.target.name}` : ''}
            </EvidenceLink>
          </li>
        ))}
      </ol>
      <h2>Quotes ({quotes.length})</h2>
      <ol class="plain">
        {quotes.map((q) => (
          <li>
            {q.speaker ? (
              <ActorChip side={q.speaker.entityId ?? q.speaker.name} label={q.speaker.name} />
            ) : (
              'Unknown speaker'
            )}{' '}
            <EvidenceLink documentId={doc.id} start={q.start} end={q.end}>
              {q.text.length > 120 ? `${q.text.slice(0, 117)}…` : q.text}
            </EvidenceLink>
          </li>
        ))}
      </ol>
    </aside>
  );
}

function Reader({ doc }: { doc: Doc }) {
  const { query } = useLocation();
  const [on, setOn] = useState<Toggles>({ entity: false, quote: true, event: false });
  const a = doc.reading.article;
  const meta = [a.byline, formatDate(a.published), a.site].filter(Boolean).join(' · ');
  return (
    <div class="reader-layout">
      <article class="reader">
        <h1>{doc.title || 'Untitled article'}</h1>
        {meta && <p class="meta">{meta}</p>}
        {a.via && <p class="meta">via {a.via.url ? <a href={a.via.url}>{a.via.name}</a> : a.via.name}</p>}
        <fieldset class="toggles">
          <legend>Highlight</legend>
          {LABELS.map(([kind, label]) => (
            <label class={`toggle ${kind}`}>
              <input
                type="checkbox"
                checked={on[kind]}
                onChange={() => setOn({ ...on, [kind]: !on[kind] })}
              />
              {label}
            </label>
          ))}
        </fieldset>
        <ArticleText text={a.text} spans={spansOf(doc, on, query.at)} />
        <footer class="reader-footer">
          {doc.url && (
            <a href={doc.url} rel="noreferrer noopener">
              Original page
            </a>
          )}
          <a href={`/api/documents/${doc.id}/raw`}>As received</a>
          <a href={href('/events', {})}>All events</a>
          <span class="muted">id {doc.id}</span>
        </footer>
        <Comments documentId={doc.id} />
      </article>
      <Sidebar doc={doc} />
    </div>
  );
}

export function ReaderPage() {
  const { params } = useRoute();
  const id = params.id ?? '';
  const loaded = useLoad(() => data(api.GET('/api/documents/{id}', { params: { path: { id } } })), [id]);
  return <Await loaded={loaded}>{(doc) => <Reader doc={doc} />}</Await>;
}
