import type { ComponentChildren } from 'preact';

export interface Column<T> {
  label: string;
  cell: (row: T) => ComponentChildren;
  /** Right-aligned numbers. */
  numeric?: boolean;
}

/** A table that scrolls sideways inside its own box on a narrow screen instead of the page. */
export function Table<T>({
  rows,
  columns,
  caption,
  empty = 'Nothing to show.',
}: {
  rows: T[];
  columns: Column<T>[];
  caption?: string;
  empty?: string;
}) {
  if (!rows.length) return <p class="muted">{empty}</p>;
  return (
    <div class="table-scroll" tabIndex={0} role="region" aria-label={caption ?? 'table'}>
      <table>
        {caption && <caption>{caption}</caption>}
        <thead>
          <tr>
            {columns.map((c) => (
              <th scope="col" class={c.numeric ? 'num' : undefined}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr>
              {columns.map((c) => (
                <td class={c.numeric ? 'num' : undefined}>{c.cell(row)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
