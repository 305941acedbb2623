// A story: its independent origins, each with the chain of its copies as a tree (origin → rewrites
// → reposts), and what each copy added to or dropped from the text it was taken from.
// Reached as /stories?story=ID, or /stories?doc=ID for the story of one article.
import { useLocation } from 'preact-iso';
import { api, data, type Answer } from '../../api/client.ts';
import { DocLink, formatDate, href } from '../../components/links.tsx';
import { Await } from '../../components/status.tsx';
import { useLoad } from '../../components/use-load.ts';

type Story = Answer<'/api/stories/{id}'>;
type Member = Story['families'][number]['members'][number];

const RELATION: Record<string, string> = {
  identical: 'repost',
  excerpt: 'excerpt',
  rewrite: 'rewrite',
  update: 'update',
};

function Changes({ diff }: { diff: NonNullable<Member['diff']> }) {
  if (!diff.addedCount && !diff.droppedCount) return <span class="muted"> · same text</span>;
  return (
    <details class="changes">
      <summary>
        added {diff.addedCount}, dropped {diff.droppedCount} paragraph
        {diff.addedCount + diff.droppedCount === 1 ? '' : 's'}
      </summary>
      {diff.added.length > 0 && (
        <ul class="added" aria-label="added">
          {diff.added.map((p) => (
            <li>+ {p}</li>
          ))}
        </ul>
      )}
      {diff.dropped.length > 0 && (
        <ul class="dropped" aria-label="dropped">
          {diff.dropped.map((p) => (
            <li>− {p}</li>
          ))}
        </ul>
      )}
    </details>
  );
}

function Node({ member, children }: { member: Member; children: Map<string | null, Member[]> }) {
  const copies = children.get(member.id) ?? [];
  return (
    <li data-testid="story-node" data-relation={member.relation ?? 'origin'}>
      <span class="title">
        <DocLink id={member.id} title={member.title} />
      </span>{' '}
      <span class="meta">
        {member.relation ? (
          <strong>{RELATION[member.relation] ?? member.relation}</strong>
        ) : (
          <strong>origin</strong>
        )}
        {member.relation && ` · ${Math.round(member.shared * 100)}% of its source`}
        {[member.site, formatDate(member.published)].filter(Boolean).map((m) => ` · ${m}`)}
      </span>
      {member.diff && <Changes diff={member.diff} />}
      {copies.length > 0 && (
        <ul>
          {copies.map((c) => (
            <Node member={c} children={children} />
          ))}
        </ul>
      )}
    </li>
  );
}

/** One family as a tree: a member whose parent is not in the family hangs under the origin. */
function FamilyTree({ members }: { members: Member[] }) {
  const ids = new Set(members.map((m) => m.id));
  const children = new Map<string | null, Member[]>();
  for (const m of members) {
    const parent = m.parent && ids.has(m.parent) ? m.parent : m.id === m.origin ? null : m.origin;
    children.set(parent, [...(children.get(parent) ?? []), m]);
  }
  const roots = children.get(null) ?? members.slice(0, 1);
  return (
    <ul class="tree" data-testid="story-tree">
      {roots.map((m) => (
        <Node member={m} children={children} />
      ))}
    </ul>
  );
}

function StoryView({ story }: { story: Story }) {
  const first = story.families[0]?.members[0];
  return (
    <>
      <h1>{first?.title || 'Story'}</h1>
      <p class="counts" data-testid="story-counts">
        {story.documents} article{story.documents === 1 ? '' : 's'}: {story.origins} independent source
        {story.origins === 1 ? '' : 's'}, {story.copies} cop{story.copies === 1 ? 'y' : 'ies'}
      </p>
      {story.families.map((f) => (
        <section aria-label={`copies of ${f.members[0]?.title ?? f.origin}`}>
          <FamilyTree members={f.members} />
        </section>
      ))}
    </>
  );
}

export function StoriesPage() {
  const { query } = useLocation();
  const storyId = query.story ?? '';
  const doc = query.doc ?? '';
  const loaded = useLoad(async () => {
    if (storyId) return data(api.GET('/api/stories/{id}', { params: { path: { id: storyId } } }));
    if (!doc) return null;
    const family = await data(api.GET('/api/documents/{id}/family', { params: { path: { id: doc } } }));
    return data(api.GET('/api/stories/{id}', { params: { path: { id: family.story } } }));
  }, [storyId, doc]);
  if (!storyId && !doc)
    return (
      <section>
        <h1>Stories</h1>
        <p>
          A story groups the copies of one report (origin, rewrites, reposts) and counts its independent
          sources. The <a href={href('/')}>article list</a> folds copies under their story; open one to see
          its chain.
        </p>
      </section>
    );
  return (
    <section>
      <Await loaded={loaded}>{(story) => (story ? <StoryView story={story} /> : null)}</Await>
    </section>
  );
}
