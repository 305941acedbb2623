// Relations between two actors over time; a chosen period lists its events and their sentences.
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { api, data, type Answer } from '../../api/client.ts';
import { EventTable } from '../../components/event-table.tsx';
import {
  confidenceField,
  confidenceParam,
  FilterForm,
  reportsField,
  reportsParam,
} from '../../components/filters.tsx';
import { actorHref } from '../../components/links.tsx';
import { Await } from '../../components/status.tsx';
import { Table } from '../../components/table.tsx';
import { useLoad } from '../../components/use-load.ts';
import { QUAD_SERIES, RelationsChart } from './chart.tsx';

type Relations = Answer<'/api/relations'>;
type Bucket = Relations['buckets'][number];

function PeriodEvents({
  a,
  b,
  bucket,
  minConfidence,
  reports,
}: {
  a: string;
  b: string;
  bucket: Bucket;
  minConfidence: number;
  reports: Relations['counting'];
}) {
  const loaded = useLoad(
    () =>
      data(
        api.GET('/api/relations/events', {
          params: {
            query: {
              a,
              b,
              since: bucket.since,
              until: bucket.until,
              minConfidence,
              reports: reports === 'all' ? 'all' : undefined,
              limit: 200,
            },
          },
        }),
      ),
    [a, b, bucket.since, bucket.until, minConfidence, reports],
  );
  return (
    <section aria-labelledby="period-events" class="period-events">
      <h2 id="period-events">Events of {bucket.period}</h2>
      <Await loaded={loaded}>
        {(page) => <EventTable events={page.items} caption={`${page.total} events`} />}
      </Await>
    </section>
  );
}

function Chart({ r }: { r: Relations }) {
  const [picked, setPicked] = useState<number | null>(null);
  const bucket = picked === null ? null : r.buckets[picked];
  const t = r.total;
  return (
    <>
      <h1>
        <a href={actorHref(r.a.id)}>{r.a.name}</a> and <a href={actorHref(r.b.id)}>{r.b.name}</a>
      </h1>
      <p class="counts" data-testid="relations-total">
        {t.events} events in {r.buckets.length} {r.by}
        {r.buckets.length === 1 ? '' : 's'}; mean Goldstein{' '}
        {t.goldsteinMean === null ? '—' : t.goldsteinMean.toFixed(2)}; {t.reports} report
        {t.reports === 1 ? '' : 's'} from {t.origins} independent origin{t.origins === 1 ? '' : 's'};{' '}
        {r.counting === 'all' ? 'every report counted as an event' : 'copies of one story counted once'};
        events of confidence {r.minConfidence} or more.
        {r.imprecise > 0 && ` ${r.imprecise} more events are dated too coarsely to place in a ${r.by}.`}
      </p>
      {r.buckets.length ? (
        <RelationsChart buckets={r.buckets} onPick={setPicked} />
      ) : (
        <p class="muted">No dated events between them.</p>
      )}
      <ul class="legend" aria-hidden="true">
        {QUAD_SERIES.map((s) => (
          <li>
            <span class="swatch" style={{ background: s.stroke }} /> {s.label}
          </li>
        ))}
      </ul>
      <Table
        rows={r.buckets}
        caption="Per period"
        columns={[
          {
            label: 'Period',
            cell: (b) => (
              <button
                type="button"
                class="link"
                onClick={() => setPicked(r.buckets.indexOf(b))}
                aria-pressed={bucket === b}
              >
                {b.period}
              </button>
            ),
          },
          { label: 'Events', numeric: true, cell: (b) => b.events },
          ...QUAD_SERIES.map((s, q) => ({
            label: s.label,
            numeric: true,
            cell: (b: Bucket) => b.quad[q] ?? 0,
          })),
          {
            label: 'Mean Goldstein',
            numeric: true,
            cell: (b) => (b.goldsteinMean === null ? '—' : b.goldsteinMean.toFixed(2)),
          },
          { label: 'Reports', numeric: true, cell: (b) => b.reports },
          { label: 'Origins', numeric: true, cell: (b) => b.origins },
        ]}
      />
      {bucket && (
        <PeriodEvents
          a={r.a.id}
          b={r.b.id}
          bucket={bucket}
          minConfidence={r.minConfidence}
          reports={r.counting}
        />
      )}
    </>
  );
}

export function RelationsPage() {
  const { query } = useLocation();
  const a = query.a ?? '';
  const b = query.b ?? '';
  const by = query.by === 'week' ? 'week' : 'month';
  const loaded = useLoad(
    () =>
      a && b
        ? data(
            api.GET('/api/relations', {
              params: {
                query: {
                  a,
                  b,
                  by,
                  since: query.since || undefined,
                  until: query.until || undefined,
                  minConfidence: confidenceParam(query.minConfidence),
                  reports: reportsParam(query.reports),
                },
              },
            }),
          )
        : Promise.resolve(null),
    [a, b, by, query.since, query.until, query.minConfidence, query.reports],
  );
  return (
    <section>
      {!(a && b) && <h1>Relations</h1>}
      <FilterForm
        fields={[
          { name: 'a', label: 'Actor', placeholder: 'Iran, IRN…' },
          { name: 'b', label: 'and actor', placeholder: 'China, CHN…' },
          {
            name: 'by',
            label: 'Per',
            default: 'month',
            options: [
              { value: 'month', label: 'month' },
              { value: 'week', label: 'week' },
            ],
          },
          { name: 'since', label: 'Since', placeholder: 'YYYY-MM-DD' },
          { name: 'until', label: 'Until', placeholder: 'YYYY-MM-DD' },
          confidenceField(),
          reportsField(),
        ]}
        submit="Show"
      />
      {a && b ? (
        <Await loaded={loaded}>{(r) => (r ? <Chart r={r} /> : null)}</Await>
      ) : (
        <p class="muted">Name two actors to see how their relations moved.</p>
      )}
    </section>
  );
}
