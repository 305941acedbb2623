import { useLocation } from 'preact-iso';
import { api, data } from '../../api/client.ts';
import { FilterForm } from '../../components/filters.tsx';
import { DocLink, formatDate } from '../../components/links.tsx';
import { Pager } from '../../components/pager.tsx';
import { Await } from '../../components/status.tsx';
import { useLoad } from '../../components/use-load.ts';
import { AddForm } from './add-form.tsx';

const LIMIT = 20;

/** Search hits carry the match between [ and ]: shown as <mark>, never as markup. */
function Highlight({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/(\[[^\]]*\])/)
        .map((part) =>
          part.startsWith('[') && part.endsWith(']') ? <mark>{part.slice(1, -1)}</mark> : part,
        )}
    </>
  );
}

export function ArticlesPage() {
  const { query } = useLocation();
  const q = query.q ?? '';
  const offset = Number(query.offset ?? 0) || 0;
  const loaded = useLoad(
    () => data(api.GET('/api/documents', { params: { query: { q: q || undefined, limit: LIMIT, offset } } })),
    [q, offset],
  );
  return (
    <section>
      <h1>{q ? `Articles matching “${q}”` : 'Articles'}</h1>
      <FilterForm
        fields={[{ name: 'q', label: 'Search', placeholder: 'words in title or text' }]}
        submit="Search"
      />
      <AddForm />
      <Await loaded={loaded}>
        {(page) => (
          <>
            {page.items.length ? (
              <ul class="docs">
                {page.items.map((d) => (
                  <li>
                    <span class="title">
                      <DocLink id={d.id} title={d.title} />
                    </span>
                    <span class="meta">
                      {[d.site, d.byline, formatDate(d.published)].filter(Boolean).join(' · ')}
                      {typeof d.commentCount === 'number' &&
                        d.commentCount > 0 &&
                        ` · ${d.commentCount} comments`}
                    </span>
                    <span class="snippet">{d.highlight ? <Highlight text={d.highlight} /> : d.snippet}</span>
                  </li>
                ))}
              </ul>
            ) : (
              <p class="muted">{q ? 'No article matches.' : 'No articles yet: add one above.'}</p>
            )}
            <Pager total={page.total} limit={LIMIT} />
          </>
        )}
      </Await>
    </section>
  );
}
