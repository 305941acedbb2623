// The actor index: search by name, alias, code or id; every result leads to the actor's one page.
import { useLocation } from 'preact-iso';
import { api, data } from '../../api/client.ts';
import { FilterForm } from '../../components/filters.tsx';
import { ActorChip } from '../../components/links.tsx';
import { Await } from '../../components/status.tsx';
import { Table } from '../../components/table.tsx';
import { useLoad } from '../../components/use-load.ts';

const TYPE_NAMES: Record<string, string> = {
  GPE: 'country',
  ORG: 'organisation',
  PERSON: 'person',
  LOC: 'place',
  MISC: 'other',
};

export function ActorIndexPage() {
  const { query } = useLocation();
  const q = query.q ?? '';
  const loaded = useLoad(() => data(api.GET('/api/actors', { params: { query: { q, limit: 100 } } })), [q]);
  return (
    <section>
      <h1>Actors</h1>
      <FilterForm
        fields={[{ name: 'q', label: 'Name, alias or code', placeholder: 'Iran, IRN, NATO…' }]}
        submit="Find"
      />
      <Await loaded={loaded}>
        {(found) => (
          <>
            <p class="muted">
              {found.total === 1 ? '1 actor' : `${found.total} actors`}
              {found.total > found.items.length && `, the first ${found.items.length} shown`}
            </p>
            <Table
              rows={found.items}
              caption="Known actors"
              empty="No known actor matches."
              columns={[
                { label: 'Actor', cell: (a) => <ActorChip side={a.id} label={a.name} /> },
                { label: 'Kind', cell: (a) => TYPE_NAMES[a.type] ?? a.type },
                { label: 'Code', cell: (a) => a.code ?? '—' },
                { label: 'Country', cell: (a) => a.country ?? '—' },
                { label: 'Also called', cell: (a) => a.aliases.slice(0, 4).join(', ') || '—' },
              ]}
            />
          </>
        )}
      </Await>
    </section>
  );
}
