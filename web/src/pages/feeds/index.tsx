// Followed feeds and their health: add by address, import or export OPML, stop following.
import { useState } from 'preact/hooks';
import { api, data, type Answer } from '../../api/client.ts';
import { Await, ErrorBox } from '../../components/status.tsx';
import { Table } from '../../components/table.tsx';
import { useLoad } from '../../components/use-load.ts';

type Feed = Answer<'/api/feeds'>['items'][number];

function when(ms: number | null): string {
  return ms === null ? 'never' : new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
}

function health(f: Feed): string {
  if (f.lastErrorAt && (!f.lastSuccessAt || f.lastErrorAt > f.lastSuccessAt))
    return `failing, ${f.lastErrorCategory ?? 'error'}: ${f.lastErrorMessage ?? ''} (${f.errorCount}×)`;
  return f.lastSuccessAt ? 'ok' : 'not polled yet';
}

export function FeedsPage() {
  const loaded = useLoad(() => data(api.GET('/api/feeds')), []);
  const [error, setError] = useState<Error | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const run = async (work: () => Promise<string>) => {
    setError(null);
    setNote(null);
    try {
      setNote(await work());
      loaded.reload();
    } catch (e) {
      setError(e as Error);
    }
  };
  const add = (event: Event) => {
    event.preventDefault();
    const url = String(new FormData(event.currentTarget as HTMLFormElement).get('url') ?? '').trim();
    void run(async () => {
      await data(api.POST('/api/feeds', { body: { url } }));
      return `Following ${url}.`;
    });
  };
  const upload = (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    void run(async () => {
      const r = await data(api.POST('/api/feeds/import', { body: {}, bodySerializer: () => form }));
      return `Found ${r.found} feeds, added ${r.added}${r.skipped.length ? `, skipped ${r.skipped.length}` : ''}.`;
    });
  };
  const remove = (f: Feed) =>
    void run(async () => {
      await data(api.DELETE('/api/feeds/{id}', { params: { path: { id: String(f.id) } } }));
      return `Stopped following ${f.title ?? f.url}.`;
    });
  return (
    <section>
      <h1>Feeds</h1>
      <div class="add-forms">
        <form onSubmit={add}>
          <label>
            <span>Feed or site address</span>
            <input name="url" type="url" required />
          </label>
          <button type="submit">Follow</button>
        </form>
        <form onSubmit={upload}>
          <label>
            <span>OPML file</span>
            <input name="file" type="file" required accept=".opml,.xml" />
          </label>
          <button type="submit">Import</button>
        </form>
        <p>
          <a href="/api/feeds/export">Export as OPML</a>
        </p>
      </div>
      {note && <p role="status">{note}</p>}
      {error && <ErrorBox error={error} />}
      <Await loaded={loaded}>
        {({ items }) => (
          <Table
            rows={items}
            caption="Followed feeds"
            empty="No feeds followed yet."
            columns={[
              { label: 'Feed', cell: (f) => f.title ?? f.url },
              { label: 'Health', cell: health },
              { label: 'Last success', cell: (f) => when(f.lastSuccessAt) },
              { label: 'Next poll', cell: (f) => when(f.nextPollAt) },
              { label: 'Items', numeric: true, cell: (f) => f.itemsSeen },
              {
                label: '',
                cell: (f) => (
                  <button
                    type="button"
                    class="link"
                    onClick={() => remove(f)}
                    aria-label={`Stop following ${f.title ?? f.url}`}
                  >
                    Stop following
                  </button>
                ),
              },
            ]}
          />
        )}
      </Await>
    </section>
  );
}
