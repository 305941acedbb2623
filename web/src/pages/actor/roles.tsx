import type { Answer } from '../../api/client.ts';
import { actorHref } from '../../components/links.tsx';
import { Table } from '../../components/table.tsx';

type Role = Answer<'/api/actors/{name}'>['roles'][number];

/** Roles over time, oldest first, with a bar per role on a shared time axis. */
export function Roles({ roles }: { roles: Role[] }) {
  if (!roles.length) return null;
  const year = (d: string) => Number(d.slice(0, 4));
  const now = new Date().getUTCFullYear();
  const first = Math.min(...roles.map((r) => year(r.from)));
  const span = Math.max(1, now + 1 - first);
  return (
    <section aria-labelledby="roles">
      <h2 id="roles">Roles over time</h2>
      <ol class="timeline" aria-hidden="true">
        {roles.map((r) => {
          const from = year(r.from) - first;
          const to = (r.to ? year(r.to) + 1 : now + 1) - first;
          return (
            <li>
              <span
                class="bar"
                style={{ marginLeft: `${(100 * from) / span}%`, width: `${(100 * (to - from)) / span}%` }}
              >
                {r.role}
              </span>
            </li>
          );
        })}
      </ol>
      <Table
        rows={roles}
        caption="Roles"
        columns={[
          { label: 'Role', cell: (r) => r.role + (r.uncertain ? ' (uncertain)' : '') },
          { label: 'Where', cell: (r) => (r.country ? <a href={actorHref(r.country)}>{r.country}</a> : '—') },
          { label: 'From', cell: (r) => r.from },
          { label: 'To', cell: (r) => r.to ?? 'now' },
        ]}
      />
    </section>
  );
}
