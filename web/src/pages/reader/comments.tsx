// The discussion under an article: a thread with replies, a form that shows the server's field
// errors beside the field, and a note when a comment is held for moderation.
import { useMemo, useState } from 'preact/hooks';
import { ApiError, api, data, type Answer } from '../../api/client.ts';
import { ErrorBox } from '../../components/status.tsx';
import { useLoad } from '../../components/use-load.ts';
import { LinkedText } from '../../components/linked-text.tsx';
import { useSession } from '../../components/session.ts';

type Comment = Answer<'/api/documents/{id}/comments'>['comments'][number];

function CommentForm({
  documentId,
  parentId,
  onDone,
  userName,
}: {
  documentId: string;
  parentId: string | null;
  onDone: (held: boolean) => void;
  userName?: string;
}) {
  const [error, setError] = useState<ApiError | Error | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const values = new FormData(form);
    const field = (name: string) => String(values.get(name) ?? '');
    setBusy(true);
    setError(null);
    try {
      const call = api.POST('/api/documents/{id}/comments', {
        params: { path: { id: documentId } },
        body: {
          name: field('name'),
          email: field('email'),
          body: field('body'),
          website: field('website'),
          ...(parentId ? { parentId } : {}),
        },
      });
      const { response } = await call;
      await data(call);
      form.reset();
      onDone(response.status === 202);
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };
  const fieldError = (name: string) =>
    error instanceof ApiError && error.field === name ? (
      <span class="field-error" id={`${parentId ?? 'top'}-${name}-error`}>
        {error.message}
      </span>
    ) : null;
  const described = (name: string) =>
    error instanceof ApiError && error.field === name ? `${parentId ?? 'top'}-${name}-error` : undefined;
  return (
    <form class="comment-form" onSubmit={(e) => void submit(e)} noValidate>
      <label>
        <span>Name</span>
        <input
          name="name"
          autoComplete="name"
          defaultValue={userName}
          aria-describedby={described('name')}
          aria-invalid={Boolean(described('name'))}
        />
        {fieldError('name')}
      </label>
      <label>
        <span>Email (never shown)</span>
        <input
          name="email"
          type="email"
          autoComplete="email"
          aria-describedby={described('email')}
          aria-invalid={Boolean(described('email'))}
        />
        {fieldError('email')}
      </label>
      <label class="wide">
        <span>{parentId ? 'Reply' : 'Comment'}</span>
        <textarea
          name="body"
          rows={4}
          aria-describedby={described('body')}
          aria-invalid={Boolean(described('body'))}
        />
        {fieldError('body')}
      </label>
      {/* Left empty by people; filled by bots. */}
      <label class="honeypot" aria-hidden="true">
        <span>Website</span>
        <input name="website" tabIndex={-1} autoComplete="off" />
      </label>
      {error && !(error instanceof ApiError && error.field) && <ErrorBox error={error} />}
      <button type="submit" disabled={busy}>
        {parentId ? 'Post reply' : 'Post comment'}
      </button>
    </form>
  );
}

/** Comments by the comment they answer (null: top level), built once per load. */
type Children = Map<string | null, Comment[]>;

function childrenOf(comments: Comment[]): Children {
  const map: Children = new Map();
  for (const c of comments) {
    const list = map.get(c.parentId);
    if (list) list.push(c);
    else map.set(c.parentId, [c]);
  }
  return map;
}

function Thread({
  all,
  parentId,
  documentId,
  reload,
  userName,
}: {
  all: Children;
  parentId: string | null;
  documentId: string;
  reload: (held: boolean) => void;
  /** The signed-in user; without one there is no reply button. */
  userName: string | undefined;
}) {
  const [replyTo, setReplyTo] = useState<string | null>(null);
  const children = all.get(parentId);
  if (!children) return null;
  return (
    <ol class="thread">
      {children.map((c) => (
        <li class={`comment ${c.status}`}>
          <p class="meta">
            <strong>{c.name}</strong> ·{' '}
            <time dateTime={c.createdAt}>{c.createdAt.slice(0, 16).replace('T', ' ')}</time>
            {c.status !== 'approved' && <span class="tag"> {c.status}</span>}
          </p>
          <p class="body">
            <LinkedText text={c.body} />
          </p>
          {userName !== undefined && (
            <button
              type="button"
              class="link"
              aria-expanded={replyTo === c.id}
              onClick={() => setReplyTo(replyTo === c.id ? null : c.id)}
            >
              Reply
            </button>
          )}
          {replyTo === c.id && (
            <CommentForm
              documentId={documentId}
              parentId={c.id}
              userName={userName}
              onDone={(held) => {
                setReplyTo(null);
                reload(held);
              }}
            />
          )}
          <Thread all={all} parentId={c.id} documentId={documentId} reload={reload} userName={userName} />
        </li>
      ))}
    </ol>
  );
}

export function Comments({ documentId }: { documentId: string }) {
  const [held, setHeld] = useState(false);
  const me = useSession();
  const userName = me?.user?.name;
  const loaded = useLoad(
    () => data(api.GET('/api/documents/{id}/comments', { params: { path: { id: documentId } } })),
    [documentId],
  );
  const threads = useMemo(() => loaded.value && childrenOf(loaded.value.comments), [loaded.value]);
  const reload = (isHeld: boolean) => {
    setHeld(isHeld);
    loaded.reload();
  };
  if (loaded.error instanceof ApiError && loaded.error.status === 404)
    return <p class="muted">Comments are not available on this server.</p>;
  return (
    <section class="comments" aria-labelledby="comments-title">
      <h2 id="comments-title">Discussion</h2>
      {loaded.error && <ErrorBox error={loaded.error} />}
      {loaded.value && !loaded.value.comments.length && <p class="muted">No comments yet.</p>}
      {loaded.value && (
        <Thread all={threads!} parentId={null} documentId={documentId} reload={reload} userName={userName} />
      )}
      {held && (
        <p class="notice" role="status">
          Thank you: your comment is held until a moderator approves it.
        </p>
      )}
      {userName !== undefined ? (
        <CommentForm documentId={documentId} parentId={null} onDone={reload} userName={userName} />
      ) : (
        me && (
          <p class="muted">
            <a href={`/login?next=${encodeURIComponent(`/doc/${documentId}`)}`}>Sign in</a> to join the
            discussion.
          </p>
        )
      )}
    </section>
  );
}
