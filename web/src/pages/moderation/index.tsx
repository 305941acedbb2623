// Held comments for an admin: approve, mark as spam, edit or delete.
import { useState } from 'preact/hooks';
import { api, data } from '../../api/client.ts';
import { DocLink } from '../../components/links.tsx';
import { Await, ErrorBox } from '../../components/status.tsx';
import { useLoad } from '../../components/use-load.ts';

export function ModerationPage() {
  const [status, setStatus] = useState<'pending' | 'spam'>('pending');
  const [error, setError] = useState<Error | null>(null);
  const loaded = useLoad(() => data(api.GET('/api/comments', { params: { query: { status } } })), [status]);
  const act = async (call: Promise<{ error?: unknown; response: Response }>) => {
    setError(null);
    try {
      await data(call);
      loaded.reload();
    } catch (e) {
      setError(e as Error);
    }
  };
  return (
    <section>
      <h1>Moderation</h1>
      <label>
        <span>Show </span>
        <select
          value={status}
          onChange={(e) => setStatus((e.currentTarget as HTMLSelectElement).value as 'pending' | 'spam')}
        >
          <option value="pending">held comments</option>
          <option value="spam">spam</option>
        </select>
      </label>
      {error && <ErrorBox error={error} />}
      <Await loaded={loaded}>
        {({ comments }) =>
          comments.length ? (
            <ol class="thread">
              {comments.map((c) => {
                const path = { params: { path: { id: c.id } } };
                return (
                  <li class="comment">
                    <p class="meta">
                      <strong>{c.name}</strong> on{' '}
                      {c.documentId ? <DocLink id={c.documentId} title={null} /> : 'an article'}
                    </p>
                    <p class="body">{c.body}</p>
                    <div class="actions">
                      <button
                        type="button"
                        onClick={() => void act(api.POST('/api/comments/{id}/approve', path))}
                      >
                        Approve
                      </button>
                      <button
                        type="button"
                        onClick={() => void act(api.POST('/api/comments/{id}/spam', path))}
                      >
                        Spam
                      </button>
                      <button
                        type="button"
                        class="danger"
                        onClick={() => void act(api.DELETE('/api/comments/{id}', path))}
                      >
                        Delete
                      </button>
                    </div>
                  </li>
                );
              })}
            </ol>
          ) : (
            <p class="muted">Nothing to moderate.</p>
          )
        }
      </Await>
    </section>
  );
}
