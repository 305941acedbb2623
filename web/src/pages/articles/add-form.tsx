// Adding an article by address, pasted text or HTML, or an uploaded file. Pasted text goes through
// the same plain-text cleaner on the server as a file does.
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { api, data } from '../../api/client.ts';
import { ErrorBox } from '../../components/status.tsx';

const looksLikeHtml = (text: string) =>
  /^\s*(<!doctype html|<html[\s>]|<(head|body|article|div|p)[\s>])/i.test(text);

export function AddForm() {
  const { route } = useLocation();
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);

  const send = async (body: Promise<{ id: string }>) => {
    setBusy(true);
    setError(null);
    try {
      const { id } = await body;
      route(`/doc/${id}`);
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };
  const byUrl = (event: Event) => {
    event.preventDefault();
    const url = String(new FormData(event.currentTarget as HTMLFormElement).get('url') ?? '').trim();
    void send(data(api.POST('/api/documents', { body: { url } })));
  };
  const byPaste = (event: Event) => {
    event.preventDefault();
    const text = String(new FormData(event.currentTarget as HTMLFormElement).get('pasted') ?? '');
    void send(data(api.POST('/api/documents', { body: looksLikeHtml(text) ? { html: text } : { text } })));
  };
  const byUpload = (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    void send(
      data(
        api.POST('/api/documents', {
          body: {},
          bodySerializer: () => form,
        }),
      ),
    );
  };

  return (
    <details class="add">
      <summary>Add an article</summary>
      <div class="add-forms">
        <form onSubmit={byUrl}>
          <label>
            <span>Address</span>
            <input name="url" type="url" required placeholder="https://…" />
          </label>
          <button type="submit" disabled={busy}>
            Add from address
          </button>
        </form>
        <form onSubmit={byPaste}>
          <label>
            <span>Pasted text</span>
            <textarea name="pasted" rows={6} required aria-label="pasted text" />
          </label>
          <button type="submit" disabled={busy}>
            Add pasted text
          </button>
        </form>
        <form onSubmit={byUpload}>
          <label>
            <span>File (.txt, .html)</span>
            <input name="file" type="file" required accept=".txt,.html,.htm,text/plain,text/html" />
          </label>
          <button type="submit" disabled={busy}>
            Upload
          </button>
        </form>
      </div>
      {error && <ErrorBox error={error} />}
    </details>
  );
}
