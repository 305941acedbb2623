// Events as a table: who did what to whom, when, and the sentence it was read from.
import type { Schemas } from '../api/client.ts';
import { ActorChip, DocLink, EvidenceLink, formatDate } from './links.tsx';
import { Table } from './table.tsx';

type StoredEvent = Schemas['EventsPage']['items'][number];

export function EventTable({ events, caption }: { events: StoredEvent[]; caption?: string }) {
  return (
    <Table
      rows={events}
      caption={caption}
      empty="No events."
      columns={[
        { label: 'Date', cell: (e) => formatDate(e.date ?? e.published) || 'undated' },
        { label: 'Source', cell: (e) => <ActorChip side={e.source} label={e.sourceLabel} /> },
        {
          label: 'Event',
          cell: (e) => (
            <>
              {e.plover ?? 'STATEMENT'}
              {e.cameo && <span class="code"> {e.cameo}</span>}
              {e.modality !== 'happened' && <span class="tag"> {e.modality}</span>}
            </>
          ),
        },
        {
          label: 'Target',
          cell: (e) => (e.target ? <ActorChip side={e.target} label={e.targetLabel} /> : '—'),
        },
        {
          label: 'Goldstein',
          numeric: true,
          cell: (e) => (e.goldstein === null ? '—' : e.goldstein.toFixed(1)),
        },
        {
          label: 'Evidence',
          cell: (e) => (
            <EvidenceLink documentId={e.documentId} start={e.evidence.start} end={e.evidence.end}>
              {e.evidence.text}
            </EvidenceLink>
          ),
        },
        { label: 'Article', cell: (e) => <DocLink id={e.documentId} title={e.documentTitle} /> },
        {
          label: 'Reports',
          numeric: true,
          cell: (e) =>
            e.reports === undefined
              ? '—'
              : `${e.reports}${e.origins === undefined ? '' : ` from ${e.origins} origin${e.origins === 1 ? '' : 's'}`}`,
        },
      ]}
    />
  );
}
