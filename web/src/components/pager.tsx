import { useLocation } from 'preact-iso';
import { href } from './links.tsx';

/** Previous / next links over a paged answer, keeping the page's other filters. */
export function Pager({ total, limit }: { total: number; limit: number }) {
  const { path, query } = useLocation();
  const offset = Number(query.offset ?? 0) || 0;
  if (total <= limit) return <p class="muted">{total === 1 ? '1 result' : `${total} results`}</p>;
  const to = (o: number) => href(path, { ...query, offset: o || undefined });
  return (
    <nav class="pager" aria-label="pages">
      {offset > 0 && <a href={to(Math.max(0, offset - limit))}>← Previous</a>}
      <span>
        {offset + 1}–{Math.min(offset + limit, total)} of {total}
      </span>
      {offset + limit < total && <a href={to(offset + limit)}>Next →</a>}
    </nav>
  );
}
