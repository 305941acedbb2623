import { useLocation } from 'preact-iso';
import { api, data, type Answer } from '../../api/client.ts';
import { FilterForm } from '../../components/filters.tsx';
import { DocLink, formatDate, href } from '../../components/links.tsx';
import { Pager } from '../../components/pager.tsx';
import { Await } from '../../components/status.tsx';
import { useLoad } from '../../components/use-load.ts';
import { AddForm } from './add-form.tsx';

const LIMIT = 20;

type Documents = Answer<'/api/documents'>;
type StoryOf = Answer<'/api/stories'>['items'][number];

/** A page of articles and the story of each (copies of one story are folded under the first listed). */
async function loadPage(q: string, offset: number) {
  const page = await data(
    api.GET('/api/documents', { params: { query: { q: q || undefined, limit: LIMIT, offset } } }),
  );
  const ids = page.items.map((d) => d.id);
  const stories = ids.length
    ? (await data(api.GET('/api/stories', { params: { query: { documents: ids.join(',') } } }))).items
    : [];
  return { page, stories: new Map(stories.map((s) => [s.document, s])) };
}

/** The listed articles, each story once: its first listed article, the others folded under it. */
function groupByStory(items: Documents['items'], stories: Map<string, StoryOf>) {
  const groups: { lead: Documents['items'][number]; story: StoryOf | null; more: Documents['items'] }[] = [];
  const byStory = new Map<string, (typeof groups)[number]>();
  for (const d of items) {
    const story = stories.get(d.id) ?? null;
    const group = story && story.storyDocuments > 1 ? byStory.get(story.story) : undefined;
    if (group) group.more.push(d);
    else {
      const fresh = { lead: d, story, more: [] };
      groups.push(fresh);
      if (story) byStory.set(story.story, fresh);
    }
  }
  return groups;
}

function StoryLine({ story, more }: { story: StoryOf; more: Documents['items'] }) {
  const copies = story.storyDocuments - story.storyOrigins;
  return (
    <span class="story" data-testid="story-line">
      <a href={href('/stories', { story: story.story })}>
        Story of {story.storyDocuments} articles: {copies} cop{copies === 1 ? 'y' : 'ies'},{' '}
        {story.storyOrigins} independent source{story.storyOrigins === 1 ? '' : 's'}
      </a>
      {more.length > 0 && (
        <>
          {' '}
          · also here:{' '}
          {more.map((d, i) => (
            <>
              {i > 0 && ', '}
              <DocLink id={d.id} title={d.title} />
            </>
          ))}
        </>
      )}
    </span>
  );
}

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
  const loaded = useLoad(() => loadPage(q, offset), [q, offset]);
  return (
    <section>
      <h1>{q ? `Articles matching “${q}”` : 'Articles'}</h1>
      <FilterForm
        fields={[{ name: 'q', label: 'Search', placeholder: 'words in title or text' }]}
        submit="Search"
      />
      <AddForm />
      <Await loaded={loaded}>
        {({ page, stories }) => (
          <>
            {page.items.length ? (
              <ul class="docs">
                {groupByStory(page.items, stories).map(({ lead: d, story, more }) => (
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
                    {story && story.storyDocuments > 1 && <StoryLine story={story} more={more} />}
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
