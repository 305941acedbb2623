// sitrep dashboard: a small hash-routed page over the JSON API. Everything from the API is put into
// the page as text nodes (never as HTML), so stored pages cannot inject markup or script.

const view = document.getElementById('view');

/** Builds an element: el('a', {href: '#/'}, 'text', child, …). */
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (key === 'className') node.className = value;
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

async function api(path, options = {}) {
  const response = await fetch(path, options);
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body?.error?.message ?? `HTTP ${response.status}`);
  return body;
}

function show(...nodes) {
  view.replaceChildren(...nodes);
}

function errorBox(error) {
  return el(
    'p',
    { className: 'error', role: 'alert' },
    error instanceof Error ? error.message : String(error),
  );
}

function params() {
  const [path, query = ''] = location.hash.replace(/^#/, '').split('?');
  return { path: path || '/', query: new URLSearchParams(query) };
}

function go(path, query) {
  const qs = query ? new URLSearchParams(Object.entries(query).filter(([, v]) => v)).toString() : '';
  location.hash = `#${path}${qs ? `?${qs}` : ''}`;
}

/** Puts a quote between marks unless its text already carries them. */
function quoted(text) {
  return /^["“«‘']/.test(text) ? text : `“${text}”`;
}

function date(value) {
  return value ? String(value).slice(0, 10) : '';
}

/** Text with [matched] terms from the store's highlight shown as <mark>. */
function highlighted(text) {
  const parts = String(text ?? '').split(/(\[[^\]]*\])/);
  return parts.map((part) => (/^\[.*\]$/.test(part) ? el('mark', {}, part.slice(1, -1)) : part));
}

function pager(page, query, path, limit) {
  const offset = Number(query.get('offset') ?? 0);
  const current = Object.fromEntries(query.entries());
  return el(
    'div',
    { className: 'pager' },
    offset > 0 &&
      el(
        'button',
        {
          className: 'secondary',
          onclick: () => go(path, { ...current, offset: Math.max(0, offset - limit) }),
        },
        '← newer',
      ),
    el(
      'span',
      { className: 'muted' },
      `${page.total ? offset + 1 : 0}–${offset + page.items.length} of ${page.total}`,
    ),
    offset + page.items.length < page.total &&
      el(
        'button',
        { className: 'secondary', onclick: () => go(path, { ...current, offset: offset + limit }) },
        'older →',
      ),
  );
}

// ---- articles list, search and add

async function listPage(query) {
  const q = query.get('q') ?? '';
  const limit = 20;
  const search = el('input', {
    type: 'search',
    name: 'q',
    value: q,
    placeholder: 'Search titles and text…',
    'aria-label': 'search',
  });
  const form = el(
    'form',
    {
      className: 'row',
      onsubmit: (e) => {
        e.preventDefault();
        go('/', { q: search.value.trim() });
      },
    },
    search,
    el('button', { type: 'submit' }, 'Search'),
  );
  const parts = [el('h1', {}, q ? `Search: ${q}` : 'Articles'), form, addForm()];
  show(...parts, el('p', { className: 'muted' }, 'Loading…'));
  try {
    const offset = query.get('offset') ?? '0';
    const page = await api(`/api/documents?${new URLSearchParams({ q, limit: String(limit), offset })}`);
    if (!page.items.length) {
      show(
        ...parts,
        el(
          'p',
          { className: 'notice' },
          q
            ? `No article matches “${q}”.`
            : 'No articles yet: add one above, or run `sitrep add <file|url|folder>`.',
        ),
      );
      return;
    }
    const items = page.items.map((d) =>
      el(
        'li',
        {},
        el('a', { className: 'title', href: `#/doc/${encodeURIComponent(d.id)}` }, d.title ?? '(untitled)'),
        el('div', { className: 'meta' }, [d.site, d.byline, date(d.published)].filter(Boolean).join(' · ')),
        el('div', { className: 'snippet' }, ...(d.highlight ? highlighted(d.highlight) : [d.snippet])),
      ),
    );
    show(...parts, el('ul', { className: 'docs' }, items), pager(page, query, '/', limit));
  } catch (error) {
    show(...parts, errorBox(error));
  }
}

/** A form that sends the chosen file as multipart field "file". */
function uploadForm(input, label, send, ...extra) {
  const onsubmit = (e) => {
    e.preventDefault();
    const chosen = input.files?.[0];
    if (!chosen) return;
    const data = new FormData();
    data.append('file', chosen);
    send(data);
  };
  return el('form', { className: 'row', onsubmit }, input, el('button', { type: 'submit' }, label), ...extra);
}

function addForm() {
  const status = el('p', { className: 'muted' });
  const submit = async (init) => {
    status.className = 'muted';
    status.textContent = 'Reading…';
    try {
      const result = await api('/api/documents', init);
      location.hash = `#/doc/${encodeURIComponent(result.id)}`;
    } catch (error) {
      status.className = 'error';
      status.textContent = error.message;
    }
  };
  const url = el('input', { type: 'url', placeholder: 'https://…', 'aria-label': 'page URL' });
  const file = el('input', {
    type: 'file',
    accept: '.html,.htm,.txt,text/html,text/plain',
    'aria-label': 'file',
  });
  const paste = el('textarea', {
    placeholder: 'Paste the text or HTML of an article',
    'aria-label': 'pasted text',
  });
  const json = (body) => ({
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return el(
    'details',
    { className: 'add' },
    el('summary', {}, 'Add an article'),
    el(
      'form',
      {
        className: 'row',
        onsubmit: (e) => {
          e.preventDefault();
          if (url.value) void submit(json({ url: url.value }));
        },
      },
      url,
      el('button', { type: 'submit' }, 'Add URL'),
    ),
    uploadForm(file, 'Upload', (data) => void submit({ method: 'POST', body: data })),
    el(
      'form',
      {
        onsubmit: (e) => {
          e.preventDefault();
          const value = paste.value.trim();
          if (value) void submit(json(/^\s*</.test(value) ? { html: value } : { text: value }));
        },
      },
      paste,
      el('button', { type: 'submit' }, 'Add pasted text'),
    ),
    status,
  );
}

// ---- the article reader

/** Splits text at every annotation boundary so overlapping highlights nest cleanly. */
function annotatedText(text, annotations, focus) {
  const cuts = new Set([0, text.length]);
  for (const a of annotations) {
    if (a.start >= 0 && a.end <= text.length && a.start < a.end) {
      cuts.add(a.start);
      cuts.add(a.end);
    }
  }
  const points = [...cuts].sort((a, b) => a - b);
  const nodes = [];
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i],
      end = points[i + 1];
    const active = annotations.filter((a) => a.start <= start && a.end >= end);
    const piece = text.slice(start, end);
    if (!active.length) {
      nodes.push(piece);
      continue;
    }
    const classes = new Set(active.map((a) => a.kind));
    if (focus !== null && active.some((a) => a.kind === 'event' && a.start === focus)) classes.add('focus');
    const titleText = active.map((a) => a.title).join('\n');
    const attrs = { className: [...classes].join(' '), title: titleText };
    if (focus !== null && start === focus) attrs.id = 'focus';
    nodes.push(el('span', attrs, piece));
  }
  return nodes;
}

function entityLabel(e) {
  return [e.name, e.type, e.country, e.role].filter(Boolean).join(' · ');
}

async function documentPage(id, query) {
  show(el('p', { className: 'muted' }, 'Loading…'));
  let doc;
  try {
    doc = await api(`/api/documents/${encodeURIComponent(id)}`);
  } catch (error) {
    show(el('h1', {}, 'Article'), errorBox(error));
    return;
  }
  const { article, entities, quotes, events } = doc.reading;
  const annotations = [];
  for (const e of entities)
    for (const m of e.mentions)
      annotations.push({ start: m.start, end: m.end, kind: 'ent', title: `${entityLabel(e)} (${m.form})` });
  for (const q of quotes)
    annotations.push({
      start: q.start,
      end: q.end,
      kind: 'quote',
      title: `quote (${q.kind}) — ${q.speaker?.name ?? 'unknown speaker'}`,
    });
  for (const ev of events)
    annotations.push({
      start: ev.evidence.start,
      end: ev.evidence.end,
      kind: 'event',
      title: `event: ${ev.source.name} ${ev.plover} ${ev.target?.name ?? ''} (${ev.modality})`,
    });
  const focus = query.has('at') ? Number(query.get('at')) : null;

  const meta = [
    article.byline && `By ${article.byline}`,
    article.site,
    date(article.published),
    article.language,
  ]
    .filter(Boolean)
    .join(' · ');
  const reader = el(
    'article',
    { className: 'reader' },
    el('h1', {}, article.title ?? '(untitled)'),
    el('div', { className: 'meta' }, meta),
    article.url &&
      el(
        'div',
        { className: 'meta' },
        el('a', { href: article.url, rel: 'noopener noreferrer nofollow', target: '_blank' }, article.url),
      ),
    article.via &&
      el(
        'div',
        { className: 'meta' },
        `via ${article.via.name}`,
        article.via.url ? ' ' : '',
        article.via.url &&
          el(
            'a',
            { href: article.via.url, rel: 'noopener noreferrer nofollow', target: '_blank' },
            article.via.url,
          ),
      ),
    article.citedSources.length > 0 &&
      el('div', { className: 'meta' }, `Sources cited: ${article.citedSources.join(', ')}`),
    el(
      'p',
      { className: 'legend' },
      el('span', { className: 'ent' }, 'entity'),
      el('span', { className: 'quote' }, 'quote'),
      el('span', { className: 'event' }, 'event'),
    ),
    el('div', { className: 'text' }, ...annotatedText(article.text, annotations, focus)),
    article.captions.length > 0 &&
      el(
        'div',
        { className: 'captions' },
        el('strong', {}, 'Captions'),
        el(
          'ul',
          {},
          article.captions.map((c) => el('li', {}, c)),
        ),
      ),
    el(
      'p',
      { className: 'meta' },
      `id ${doc.id} · added ${date(doc.addedAt)} · from ${doc.origin} · `,
      el(
        'a',
        { href: `/api/documents/${encodeURIComponent(doc.id)}/raw`, target: '_blank' },
        'page as received',
      ),
    ),
  );
  const side = el(
    'aside',
    {},
    el(
      'section',
      {},
      el('h2', {}, `Entities (${entities.length})`),
      entities.length
        ? el(
            'ul',
            {},
            entities.map((e) =>
              el(
                'li',
                {},
                el('a', { href: `#/actor/${encodeURIComponent(e.name)}` }, e.name),
                el('span', { className: 'tag' }, e.type),
                e.country && el('span', { className: 'tag' }, e.country),
                e.role && el('div', { className: 'muted' }, e.role),
              ),
            ),
          )
        : el('p', { className: 'muted' }, 'none found'),
    ),
    el(
      'section',
      {},
      el('h2', {}, `Quotes (${quotes.length})`),
      quotes.length
        ? el(
            'ul',
            {},
            quotes.map((q) =>
              el('li', {}, el('strong', {}, q.speaker?.name ?? 'unknown'), ` (${q.kind}): ${quoted(q.text)}`),
            ),
          )
        : el('p', { className: 'muted' }, 'none found'),
    ),
    el(
      'section',
      {},
      el('h2', {}, `Events (${events.length})`),
      events.length
        ? el(
            'ul',
            {},
            events.map((ev) =>
              el(
                'li',
                {},
                `${ev.source.name} → ${ev.plover}${ev.cameo ? ` [${ev.cameo}]` : ''} → ${ev.target?.name ?? '—'}`,
                el(
                  'div',
                  { className: 'muted' },
                  [date(ev.date), ev.modality, ev.location].filter(Boolean).join(' · '),
                ),
              ),
            ),
          )
        : el('p', { className: 'muted' }, 'none found'),
    ),
  );
  show(el('div', { className: 'layout' }, reader, side));
  document.getElementById('focus')?.scrollIntoView({ block: 'center' });
}

// ---- quotes, events, actors

function filterForm(fields, query, path) {
  const inputs = fields.map(([name, label]) =>
    el('input', {
      type: 'text',
      name,
      value: query.get(name) ?? '',
      placeholder: label,
      'aria-label': label,
    }),
  );
  return el(
    'form',
    {
      className: 'filters',
      onsubmit: (e) => {
        e.preventDefault();
        go(path, Object.fromEntries(inputs.map((i) => [i.name, i.value.trim()])));
      },
    },
    ...inputs,
    el('button', { type: 'submit' }, 'Filter'),
  );
}

async function tablePage(title, path, endpoint, fields, query, headers, row) {
  const limit = 50;
  const head = [el('h1', {}, title), filterForm(fields, query, path)];
  show(...head, el('p', { className: 'muted' }, 'Loading…'));
  try {
    const qs = new URLSearchParams([...query.entries()].filter(([, v]) => v));
    qs.set('limit', String(limit));
    const page = await api(`${endpoint}?${qs}`);
    if (!page.items.length) return show(...head, el('p', { className: 'notice' }, 'Nothing found.'));
    const table = el(
      'table',
      { className: 'grid' },
      el(
        'thead',
        {},
        el(
          'tr',
          {},
          headers.map((h) => el('th', {}, h)),
        ),
      ),
      el(
        'tbody',
        {},
        page.items.map((item) =>
          el(
            'tr',
            {},
            row(item).map((c) => el('td', {}, c)),
          ),
        ),
      ),
    );
    show(...head, table, pager(page, query, path, limit));
  } catch (error) {
    show(...head, errorBox(error));
  }
}

const docLink = (item, at) =>
  el(
    'a',
    { href: `#/doc/${encodeURIComponent(item.documentId)}${at !== undefined ? `?at=${at}` : ''}` },
    item.documentTitle ?? item.documentId,
  );

function quotesPage(query) {
  return tablePage(
    'Quotes',
    '/quotes',
    '/api/quotes',
    [
      ['speaker', 'speaker'],
      ['search', 'words in the quote'],
    ],
    query,
    ['speaker', 'kind', 'quote', 'article'],
    (q) => [
      q.speaker
        ? el('a', { href: `#/actor/${encodeURIComponent(q.speaker.name)}` }, q.speaker.name)
        : 'unknown',
      q.kind,
      quoted(q.text),
      docLink(q),
    ],
  );
}

function eventsPage(query) {
  return tablePage(
    'Events',
    '/events',
    '/api/events',
    [
      ['actor', 'actor'],
      ['dyad', 'dyad, e.g. IRN,CHN'],
      ['type', 'type (CONSULT, 04…)'],
      ['since', 'since YYYY-MM-DD'],
      ['confidence', 'min. confidence (0: all)'],
    ],
    query,
    ['date', 'source', 'event', 'target', 'confidence', 'evidence'],
    (e) => [
      date(e.date),
      e.source.code ?? e.source.name,
      `${e.plover}${e.cameo ? ` ${e.cameo}` : ''} (${e.modality})`,
      e.target ? (e.target.code ?? e.target.name) : '—',
      e.confidence.toFixed(2),
      docLink({ ...e, documentTitle: e.evidence.text }, e.evidence.start),
    ],
  );
}

async function actorPage(name) {
  show(el('h1', {}, name), el('p', { className: 'muted' }, 'Loading…'));
  try {
    const [about, mentions, quotes, events] = await Promise.all([
      api(`/api/actors/${encodeURIComponent(name)}`),
      api(`/api/actors/${encodeURIComponent(name)}/mentions?limit=100`),
      api(`/api/quotes?${new URLSearchParams({ speaker: name, limit: '100' })}`),
      api(`/api/events?${new URLSearchParams({ actor: name, limit: '100' })}`),
    ]);
    const first = mentions.items[0]?.entity;
    const known = about.known;
    const seen = [...new Set(mentions.items.map((m) => m.entity.role).filter(Boolean))];
    const roleRows = (known?.roles ?? []).map((r) =>
      el(
        'tr',
        {},
        el('td', {}, r.from),
        el('td', {}, r.to ?? 'now'),
        el('td', {}, r.role + (r.uncertain ? ' (dates uncertain)' : '')),
        el('td', {}, r.country ?? ''),
      ),
    );
    show(
      el('h1', {}, known?.name ?? first?.name ?? name),
      el(
        'p',
        { className: 'meta' },
        [known?.type ?? first?.type, known?.country ?? first?.country, known?.sector, known?.code]
          .filter(Boolean)
          .join(' · '),
      ),
      known?.aliases?.length > 0 &&
        el('p', { className: 'muted' }, `Also known as ${known.aliases.join(', ')}`),
      roleRows.length > 0 &&
        el(
          'section',
          { className: 'roles' },
          el('h2', {}, 'Roles over time'),
          el(
            'table',
            { className: 'grid' },
            el(
              'thead',
              {},
              el(
                'tr',
                {},
                ['from', 'to', 'role', 'of'].map((h) => el('th', {}, h)),
              ),
            ),
            el('tbody', {}, roleRows),
          ),
        ),
      !known && el('p', { className: 'muted' }, 'Not in the knowledge base: found in the text only.'),
      seen.length > 0 &&
        el(
          'section',
          {},
          el('h2', {}, 'Roles given in articles'),
          el(
            'ul',
            {},
            seen.map((r) => el('li', {}, r)),
          ),
        ),
      el('h2', {}, `Articles (${mentions.total})`),
      el(
        'ul',
        {},
        mentions.items.map((m) =>
          el(
            'li',
            {},
            docLink(m),
            ` · ${date(m.published)} · ${m.entity.mentions.length} mention(s)${m.entity.role ? ` · ${m.entity.role}` : ''}`,
          ),
        ),
      ),
      el('h2', {}, `Said (${quotes.total})`),
      el(
        'ul',
        {},
        quotes.items.map((q) => el('li', {}, `${quoted(q.text)} `, docLink(q))),
      ),
      el('h2', {}, `Events (${events.total})`),
      el(
        'ul',
        {},
        events.items.map((e) =>
          el(
            'li',
            {},
            `${date(e.date)} ${e.source.name} ${e.plover} ${e.target?.name ?? ''} `,
            docLink(e, e.evidence.start),
          ),
        ),
      ),
    );
  } catch (error) {
    show(el('h1', {}, name), errorBox(error));
  }
}

// ---- feeds and their health

function ago(ms) {
  if (!ms) return '—';
  return new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
}

async function feedsPage() {
  const status = el('p', { className: 'muted' });
  const url = el('input', { type: 'url', placeholder: 'feed or site address', 'aria-label': 'feed address' });
  const opml = el('input', { type: 'file', accept: '.opml,.xml,text/xml', 'aria-label': 'OPML file' });
  const act = async (work, done) => {
    status.className = 'muted';
    status.textContent = 'Working…';
    try {
      const result = await work();
      status.textContent = done(result);
      await renderTable();
    } catch (error) {
      status.className = 'error';
      status.textContent = error.message;
    }
  };
  const forms = [
    el(
      'form',
      {
        className: 'row',
        onsubmit: (e) => {
          e.preventDefault();
          if (!url.value) return;
          void act(
            () =>
              api('/api/feeds', {
                method: 'POST',
                headers: { 'content-type': 'application/json' },
                body: JSON.stringify({ url: url.value }),
              }),
            (r) => `${r.added ? 'Following' : 'Already following'} ${r.feed.title ?? r.feed.url}`,
          );
        },
      },
      url,
      el('button', { type: 'submit' }, 'Follow'),
    ),
    uploadForm(
      opml,
      'Import OPML',
      (data) =>
        void act(
          () => api('/api/feeds/import', { method: 'POST', body: data }),
          (r) => `Imported ${r.added} new of ${r.found} feeds`,
        ),
      el('a', { href: '/api/feeds/export' }, 'Export OPML'),
    ),
    status,
  ];
  const holder = el('div', {}, el('p', { className: 'muted' }, 'Loading…'));
  show(el('h1', {}, 'Feeds'), ...forms, holder);
  async function renderTable() {
    try {
      const { items } = await api('/api/feeds');
      if (!items.length)
        return holder.replaceChildren(
          el('p', { className: 'notice' }, 'No feeds followed yet. Poll them with `sitrep poll --watch`.'),
        );
      holder.replaceChildren(
        el(
          'table',
          { className: 'grid feeds' },
          el(
            'thead',
            {},
            el(
              'tr',
              {},
              ['feed', 'last success', 'last error', 'items', 'next poll'].map((h) => el('th', {}, h)),
            ),
          ),
          el(
            'tbody',
            {},
            items.map((f) =>
              el(
                'tr',
                { className: f.errorCount ? 'failing' : '' },
                el(
                  'td',
                  {},
                  el('div', {}, f.title ?? '(untitled)'),
                  el('div', { className: 'muted' }, f.url),
                ),
                el('td', {}, ago(f.lastSuccessAt)),
                el(
                  'td',
                  {},
                  f.lastErrorCategory
                    ? `${f.errorCount ? '' : '(recovered) '}${f.lastErrorCategory}: ${f.lastErrorMessage ?? ''}${f.errorCount ? ` (${f.errorCount}×)` : ''}`
                    : '—',
                ),
                el('td', {}, String(f.itemsSeen)),
                el('td', {}, ago(f.nextPollAt)),
              ),
            ),
          ),
        ),
      );
    } catch (error) {
      holder.replaceChildren(errorBox(error));
    }
  }
  await renderTable();
}

function route() {
  const { path, query } = params();
  const [, section, arg] = path.split('/');
  if (section === 'doc' && arg) return documentPage(decodeURIComponent(arg), query);
  if (section === 'quotes') return quotesPage(query);
  if (section === 'events') return eventsPage(query);
  if (section === 'actor' && arg) return actorPage(decodeURIComponent(arg));
  if (section === 'feeds') return feedsPage();
  return listPage(query);
}

window.addEventListener('hashchange', () => void route());
void route();
