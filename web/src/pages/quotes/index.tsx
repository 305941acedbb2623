import { useLocation } from 'preact-iso';
import { api, data } from '../../api/client.ts';
import { FilterForm } from '../../components/filters.tsx';
import { ActorChip, DocLink, EvidenceLink, formatDate } from '../../components/links.tsx';
import { Pager } from '../../components/pager.tsx';
import { Await } from '../../components/status.tsx';
import { Table } from '../../components/table.tsx';
import { useLoad } from '../../components/use-load.ts';

const LIMIT = 50;

export function QuotesPage() {
  const { query } = useLocation();
  const filter = {
    speaker: query.speaker || undefined,
    search: query.search || undefined,
    offset: Number(query.offset ?? 0) || 0,
    limit: LIMIT,
  };
  const loaded = useLoad(
    () => data(api.GET('/api/quotes', { params: { query: filter } })),
    [filter.speaker, filter.search, filter.offset],
  );
  return (
    <section>
      <h1>Quotes</h1>
      <FilterForm
        fields={[
          { name: 'speaker', label: 'Speaker', placeholder: 'name' },
          { name: 'search', label: 'Words', placeholder: 'words in the quote' },
        ]}
      />
      <Await loaded={loaded}>
        {(page) => (
          <>
            <Table
              rows={page.items}
              caption="Stored quotes"
              empty="No quotes."
              columns={[
                {
                  label: 'Speaker',
                  cell: (q) =>
                    q.speaker ? (
                      <ActorChip side={q.speaker.entityId ?? q.speaker.name} label={q.speaker.name} />
                    ) : (
                      'unknown'
                    ),
                },
                {
                  label: 'Quote',
                  cell: (q) => (
                    <EvidenceLink documentId={q.documentId} start={q.start} end={q.end}>
                      {q.text}
                    </EvidenceLink>
                  ),
                },
                { label: 'Date', cell: (q) => formatDate(q.published) },
                { label: 'Article', cell: (q) => <DocLink id={q.documentId} title={q.documentTitle} /> },
              ]}
            />
            <Pager total={page.total} limit={LIMIT} />
          </>
        )}
      </Await>
    </section>
  );
}
