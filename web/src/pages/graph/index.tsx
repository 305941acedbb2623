// The actor graph over a time window, with a slider for the window and filters; an edge opens the
// pair's relations page.
import Graph from 'graphology';
import type Sigma from 'sigma';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { api, data } from '../../api/client.ts';
import {
  confidenceField,
  confidenceParam,
  FilterForm,
  reportsField,
  reportsParam,
} from '../../components/filters.tsx';
import { href } from '../../components/links.tsx';
import { ErrorBox } from '../../components/status.tsx';
import { Table } from '../../components/table.tsx';
import { createRenderer, fill, netColour, type GraphAnswer } from './draw.ts';

/** Months from the first to the last stored event, for the slider. */
function months(first: string | null, last: string | null): string[] {
  if (!first || !last || first.length < 4) return [];
  const out: string[] = [];
  let [y, m] = [Number(first.slice(0, 4)), Number(first.slice(5, 7) || '1')];
  const end = last.slice(0, 7);
  while (out.length < 600) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    out.push(month);
    if (month >= end) break;
    m++;
    if (m > 12) [y, m] = [y + 1, 1];
  }
  return out;
}

const WINDOWS = [
  { value: '1', label: '1 month' },
  { value: '3', label: '3 months' },
  { value: '12', label: '12 months' },
  { value: 'all', label: 'everything' },
];

export function GraphPage() {
  const { query, route } = useLocation();
  const box = useRef<HTMLDivElement>(null);
  const graph = useMemo(() => new Graph({ type: 'undirected' }), []);
  const sigma = useRef<Sigma | null>(null);
  const [answer, setAnswer] = useState<GraphAnswer | null>(null);
  const [extent, setExtent] = useState<string[]>([]);
  const [end, setEnd] = useState<number | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const span = query.window ?? '12';

  const window = useMemo(() => {
    if (span === 'all' || end === null || !extent.length) return {};
    const until = extent[end]!;
    const since = extent[Math.max(0, end - Number(span) + 1)]!;
    return { since, until };
  }, [span, end, extent]);

  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      const filters = {
        ...window,
        actorType: (query.actorType || undefined) as 'country' | 'bloc' | 'other' | undefined,
        region: query.region || undefined,
        minConfidence: confidenceParam(query.minConfidence),
        type: query.type || undefined,
        reports: reportsParam(query.reports),
      };
      data(api.GET('/api/graph', { params: { query: filters } })).then(
        (a) => {
          if (!current) return;
          setError(null);
          setAnswer(a);
          if (!extent.length) {
            const all = months(a.extent.first, a.extent.last);
            setExtent(all);
            setEnd(all.length - 1);
          }
        },
        (e: unknown) => current && setError(e as Error),
      );
    }, 120);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [
    window.since,
    window.until,
    query.actorType,
    query.region,
    query.minConfidence,
    query.type,
    query.reports,
  ]);

  useEffect(() => {
    if (!answer || !box.current) return;
    fill(graph, answer);
    if (!sigma.current)
      sigma.current = createRenderer(box.current, graph, (a, b) => route(href('/relations', { a, b })));
    else sigma.current.refresh();
  }, [answer]);
  useEffect(() => () => sigma.current?.kill(), []);

  const strongest = answer ? answer.edges.slice(0, 25) : [];
  const label = (id: string) => answer?.nodes.find((n) => n.id === id)?.label ?? id;
  return (
    <section>
      <h1>Actor graph</h1>
      <FilterForm
        fields={[
          { name: 'window', label: 'Window', options: WINDOWS, default: '12' },
          {
            name: 'actorType',
            label: 'Actors',
            options: [
              { value: '', label: 'all' },
              { value: 'country', label: 'countries' },
              { value: 'bloc', label: 'blocs' },
              { value: 'other', label: 'others' },
            ],
          },
          { name: 'region', label: 'Region', placeholder: 'Asia, Europe…' },
          confidenceField(),
          { name: 'type', label: 'Event type', placeholder: 'PLOVER or CAMEO' },
          reportsField(),
        ]}
      />
      {extent.length > 0 && span !== 'all' && (
        <label class="slider">
          <span>Window ending</span>
          <input
            type="range"
            min={0}
            max={extent.length - 1}
            value={end ?? extent.length - 1}
            onInput={(e) => setEnd(Number((e.currentTarget as HTMLInputElement).value))}
            aria-valuetext={extent[end ?? extent.length - 1]}
          />
          <output data-testid="graph-window">
            {window.since ?? ''} to {window.until ?? ''}
          </output>
        </label>
      )}
      {error && <ErrorBox error={error} />}
      <p class="counts" data-testid="graph-counts" aria-live="polite">
        {answer
          ? `${answer.nodes.length} actors, ${answer.edges.length} links${answer.truncated ? ' (strongest shown)' : ''}; events of confidence ${answer.minConfidence} or more, ${answer.counting === 'all' ? 'every report counted' : 'copies of one story counted once'}`
          : 'Loading…'}
      </p>
      <div
        class="graph"
        ref={box}
        role="img"
        aria-label="actor graph; the table below lists the strongest links"
      />
      <Table
        rows={strongest}
        caption="Strongest links in the window"
        empty="No events in this window."
        columns={[
          {
            label: 'Pair',
            cell: (e) => (
              <a href={href('/relations', { a: e.source, b: e.target })}>
                {label(e.source)} – {label(e.target)}
              </a>
            ),
          },
          { label: 'Events', numeric: true, cell: (e) => e.events },
          { label: 'Reports', numeric: true, cell: (e) => e.reports },
          { label: 'Origins', numeric: true, cell: (e) => e.origins },
          {
            label: 'Net cooperation',
            numeric: true,
            cell: (e) => (
              <span class="net">
                <span class="swatch" style={{ background: netColour(e.net) }} /> {e.net.toFixed(2)}
              </span>
            ),
          },
        ]}
      />
    </section>
  );
}
