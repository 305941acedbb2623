import { api, data, type Answer } from '../../api/client.ts';
import { href } from '../../components/links.tsx';
import { Await } from '../../components/status.tsx';
import { Table } from '../../components/table.tsx';
import { useLoad } from '../../components/use-load.ts';

type Partner = Answer<'/api/actors/{name}/partners'>['byCooperation'][number];

function PartnerTable({ actorId, rows, caption }: { actorId: string; rows: Partner[]; caption: string }) {
  return (
    <Table
      rows={rows}
      caption={caption}
      empty="None."
      columns={[
        {
          label: 'Partner',
          cell: (p) => <a href={href('/relations', { a: actorId, b: p.id })}>{p.label}</a>,
        },
        { label: 'Cooperation', numeric: true, cell: (p) => p.cooperation },
        { label: 'Conflict', numeric: true, cell: (p) => p.conflict },
        { label: 'Origins', numeric: true, cell: (p) => p.origins },
        {
          label: 'Mean Goldstein',
          numeric: true,
          cell: (p) => (p.goldsteinMean === null ? '—' : p.goldsteinMean.toFixed(1)),
        },
      ]}
    />
  );
}

export function Partners({ actorId }: { actorId: string }) {
  const loaded = useLoad(
    () =>
      data(
        api.GET('/api/actors/{name}/partners', { params: { path: { name: actorId }, query: { limit: 8 } } }),
      ),
    [actorId],
  );
  return (
    <section aria-labelledby="partners">
      <h2 id="partners">Top partners</h2>
      <Await loaded={loaded}>
        {(p) => (
          <div class="two-columns">
            <PartnerTable actorId={actorId} rows={p.byCooperation} caption="By cooperation" />
            <PartnerTable actorId={actorId} rows={p.byConflict} caption="By conflict" />
          </div>
        )}
      </Await>
    </section>
  );
}
