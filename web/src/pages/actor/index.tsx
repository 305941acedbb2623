// One actor, one page: reached by any name, alias or code, shown under its canonical address.
import { useEffect } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';
import { api, data, type Answer } from '../../api/client.ts';
import { EventTable } from '../../components/event-table.tsx';
import { DocLink, EvidenceLink, actorHref, formatDate } from '../../components/links.tsx';
import { Pager } from '../../components/pager.tsx';
import { Await } from '../../components/status.tsx';
import { useLoad } from '../../components/use-load.ts';
import { Partners } from './partners.tsx';
import { Roles } from './roles.tsx';

const QUADS = ['verbal cooperation', 'material cooperation', 'verbal conflict', 'material conflict'];
const LIMIT = 20;

function Mentions({ name }: { name: string }) {
  const loaded = useLoad(
    () => data(api.GET('/api/actors/{name}/mentions', { params: { path: { name } } })),
    [name],
  );
  return (
    <section aria-labelledby="mentions">
      <h2 id="mentions">Articles that name it</h2>
      <Await loaded={loaded}>
        {(page) =>
          page.items.length ? (
            <ul class="plain">
              {page.items.map((m) => (
                <li>
                  <DocLink id={m.documentId} title={m.documentTitle} />{' '}
                  <span class="muted">{formatDate(m.published)}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p class="muted">No stored article names it.</p>
          )
        }
      </Await>
    </section>
  );
}

function Said({ name }: { name: string }) {
  const loaded = useLoad(
    () => data(api.GET('/api/quotes', { params: { query: { speaker: name, limit: 20 } } })),
    [name],
  );
  return (
    <section aria-labelledby="said">
      <Await loaded={loaded}>
        {(page) => (
          <>
            <h2 id="said">Said ({page.total})</h2>
            {page.items.length ? (
              <ul class="plain">
                {page.items.map((q) => (
                  <li>
                    <EvidenceLink documentId={q.documentId} start={q.start} end={q.end}>
                      {q.text}
                    </EvidenceLink>{' '}
                    <span class="muted">{formatDate(q.published)}</span>
                  </li>
                ))}
              </ul>
            ) : (
              <p class="muted">No stored quote.</p>
            )}
          </>
        )}
      </Await>
    </section>
  );
}

function Events({ actorId }: { actorId: string }) {
  const { query } = useLocation();
  const offset = Number(query.offset ?? 0) || 0;
  const loaded = useLoad(
    () =>
      data(
        api.GET('/api/actors/{name}/events', {
          params: { path: { name: actorId }, query: { limit: LIMIT, offset } },
        }),
      ),
    [actorId, offset],
  );
  return (
    <section aria-labelledby="events">
      <h2 id="events">Events</h2>
      <Await loaded={loaded}>
        {(page) => (
          <>
            <EventTable events={page.items} caption="Events with this actor on either side, oldest first" />
            <Pager total={page.total} limit={LIMIT} />
          </>
        )}
      </Await>
    </section>
  );
}

function Known({ answer }: { answer: Answer<'/api/actors/{name}'> }) {
  const actor = answer.actor!;
  const facts: [string, string][] = [
    ['Code', actor.code ?? ''],
    ['Country', actor.country && actor.country !== actor.id ? actor.country : ''],
    ['Region', actor.region ?? ''],
    ['Also called', actor.aliases.join(', ')],
    ['People', answer.demonyms.join(', ')],
    ['Capital', answer.capitals.join(', ')],
  ];
  return (
    <>
      <h1>{actor.name}</h1>
      <dl class="facts">
        {facts
          .filter(([, v]) => v)
          .map(([k, v]) => (
            <>
              <dt>{k}</dt>
              <dd>{k === 'Country' ? <a href={actorHref(v)}>{v}</a> : v}</dd>
            </>
          ))}
      </dl>
      <p class="counts" data-testid="actor-counts">
        {answer.events} events with a partner: {answer.quad.map((n, i) => `${n} ${QUADS[i]}`).join(', ')}.
      </p>
      <Roles roles={answer.roles} />
      {actor.type === 'PERSON' && <Said name={actor.name} />}
      <Partners actorId={actor.id} />
      <Events actorId={actor.id} />
      <Mentions name={actor.name} />
      {answer.source && <p class="muted small">Knowledge base: {answer.source}</p>}
    </>
  );
}

export function ActorPage() {
  const { params } = useRoute();
  const { route } = useLocation();
  const name = decodeURIComponent(params.name ?? '');
  const loaded = useLoad(() => data(api.GET('/api/actors/{name}', { params: { path: { name } } })), [name]);
  const canonical = loaded.value?.actor?.id;
  useEffect(() => {
    if (canonical && canonical !== name) route(actorHref(canonical), true);
  }, [canonical, name]);
  return (
    <section>
      <Await loaded={loaded}>
        {(answer) =>
          answer.actor ? (
            <Known answer={answer} />
          ) : (
            <>
              <h1>{name}</h1>
              <p>The knowledge base does not know “{name}”; the articles that name it are listed below.</p>
              <Mentions name={name} />
            </>
          )
        }
      </Await>
    </section>
  );
}
