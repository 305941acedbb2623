// Comments for an admin: held ones by default, spam or published on request; approve, mark as
// spam, edit or delete each.
import { useState } from 'preact/hooks';
import { api, data, type Answer } from '../../api/client.ts';
import { DocLink } from '../../components/links.tsx';
import { LinkedText } from '../../components/linked-text.tsx';
import { Await, ErrorBox } from '../../components/status.tsx';
import { useLoad } from '../../components/use-load.ts';

type Status = 'pending' | 'spam' | 'approved';
type Comment = Answer<'/api/comments'>['comments'][number];
type Act = (call: Promise<{ error?: unknown; response: Response }>) => Promise<boolean>;

function EditForm({ comment, act, done }: { comment: Comment; act: Act; done: () => void }) {
  const submit = async (event: Event) => {
    event.preventDefault();
    const body = String(new FormData(event.currentTarget as HTMLFormElement).get('body') ?? '');
    // On an error the page shows it and the form stays open.
    if (await act(api.PATCH('/api/comments/{id}', { params: { path: { id: comment.id } }, body: { body } })))
      done();
  };
  return (
    <form class="comment-form" onSubmit={(e) => void submit(e)}>
      <label class="wide">
        <span>Edited text</span>
        <textarea name="body" rows={4} defaultValue={comment.body} />
      </label>
      <button type="submit">Save</button>
      <button type="button" class="link" onClick={done}>
        Cancel
      </button>
    </form>
  );
}

function Item({ comment, act }: { comment: Comment; act: Act }) {
  const [editing, setEditing] = useState(false);
  const path = { params: { path: { id: comment.id } } };
  return (
    <li class="comment">
      <p class="meta">
        <strong>{comment.name}</strong> on{' '}
        {comment.storyId ? (
          <>
            the story of <DocLink id={comment.storyId} title={null} />
          </>
        ) : comment.documentId ? (
          <DocLink id={comment.documentId} title={null} />
        ) : (
          'an article'
        )}{' '}
        · <time dateTime={comment.createdAt}>{comment.createdAt.slice(0, 16).replace('T', ' ')}</time>
      </p>
      {editing ? (
        <EditForm comment={comment} act={act} done={() => setEditing(false)} />
      ) : (
        <p class="body">
          <LinkedText text={comment.body} />
        </p>
      )}
      <div class="actions">
        {comment.status !== 'approved' && (
          <button type="button" onClick={() => void act(api.POST('/api/comments/{id}/approve', path))}>
            Approve
          </button>
        )}
        {comment.status !== 'spam' && (
          <button type="button" onClick={() => void act(api.POST('/api/comments/{id}/spam', path))}>
            Spam
          </button>
        )}
        {!editing && (
          <button type="button" onClick={() => setEditing(true)}>
            Edit
          </button>
        )}
        <button type="button" class="danger" onClick={() => void act(api.DELETE('/api/comments/{id}', path))}>
          Delete
        </button>
      </div>
    </li>
  );
}

export function ModerationPage() {
  const [status, setStatus] = useState<Status>('pending');
  const [error, setError] = useState<Error | null>(null);
  const loaded = useLoad(() => data(api.GET('/api/comments', { params: { query: { status } } })), [status]);
  const act: Act = async (call) => {
    setError(null);
    try {
      await data(call);
      loaded.reload();
      return true;
    } catch (e) {
      setError(e as Error);
      return false;
    }
  };
  return (
    <section>
      <h1>Moderation</h1>
      <label>
        <span>Show </span>
        <select
          value={status}
          onChange={(e) => setStatus((e.currentTarget as HTMLSelectElement).value as Status)}
        >
          <option value="pending">held comments</option>
          <option value="spam">spam</option>
          <option value="approved">published comments</option>
        </select>
      </label>
      {error && <ErrorBox error={error} />}
      <Await loaded={loaded}>
        {({ comments }) =>
          comments.length ? (
            <ol class="thread">
              {comments.map((c) => (
                <Item key={c.id} comment={c} act={act} />
              ))}
            </ol>
          ) : (
            <p class="muted">Nothing to moderate.</p>
          )
        }
      </Await>
    </section>
  );
}
