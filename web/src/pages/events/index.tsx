import { useLocation } from 'preact-iso';
import { api, data } from '../../api/client.ts';
import { EventTable } from '../../components/event-table.tsx';
import {
  confidenceField,
  confidenceParam,
  FilterForm,
  reportsField,
  reportsParam,
} from '../../components/filters.tsx';
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
    reports: reportsParam(query.reports),
    offset: Number(query.offset ?? 0) || 0,
    limit: LIMIT,
  };
  const loaded = useLoad(
    () => data(api.GET('/api/events', { params: { query: filter } })),
    [
      filter.actor,
      filter.dyad,
      filter.type,
      filter.since,
      filter.until,
      filter.confidence,
      filter.reports,
      filter.offset,
    ],
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
          reportsField(),
        ]}
      />
      <Await loaded={loaded}>
        {(page) => (
          <>
            <EventTable
              events={page.items}
              caption={
                filter.reports === 'all'
                  ? 'Stored events, latest first: every report'
                  : 'Stored events, latest first: each event once, with its reports and independent origins'
              }
            />
            <Pager total={page.total} limit={LIMIT} />
          </>
        )}
      </Await>
    </section>
  );
}
