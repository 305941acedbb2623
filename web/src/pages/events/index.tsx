import { useLocation } from 'preact-iso';
import { api, data } from '../../api/client.ts';
import { EventTable } from '../../components/event-table.tsx';
import { confidenceField, confidenceParam, FilterForm } from '../../components/filters.tsx';
import { Pager } from '../../components/pager.tsx';
import { Await } from '../../components/status.tsx';
import { useLoad } from '../../components/use-load.ts';

const LIMIT = 50;

export function EventsPage() {
  const { query } = useLocation();
  const filter = {
    actor: query.actor || undefined,
    dyad: query.dyad || undefined,
    type: query.type || undefined,
    since: query.since || undefined,
    until: query.until || undefined,
    confidence: confidenceParam(query.confidence),
    offset: Number(query.offset ?? 0) || 0,
    limit: LIMIT,
  };
  const loaded = useLoad(
    () => data(api.GET('/api/events', { params: { query: filter } })),
    [filter.actor, filter.dyad, filter.type, filter.since, filter.until, filter.confidence, filter.offset],
  );
  return (
    <section>
      <h1>Events</h1>
      <FilterForm
        fields={[
          { name: 'actor', label: 'Actor', placeholder: 'name or code' },
          { name: 'dyad', label: 'Pair', placeholder: 'IRN,CHN' },
          { name: 'type', label: 'Type', placeholder: 'PLOVER type or CAMEO code' },
          { name: 'since', label: 'Since', placeholder: 'YYYY-MM-DD' },
          { name: 'until', label: 'Until', placeholder: 'YYYY-MM-DD' },
          confidenceField('confidence'),
        ]}
      />
      <Await loaded={loaded}>
        {(page) => (
          <>
            <EventTable events={page.items} caption="Stored events, latest first" />
            <Pager total={page.total} limit={LIMIT} />
          </>
        )}
      </Await>
    </section>
  );
}
