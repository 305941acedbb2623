// Links every page shares: actor chips, evidence sentences, articles.
import type { ComponentChildren } from 'preact';

export const href = (path: string, query: Record<string, string | number | undefined | null> = {}) => {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query))
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
};

export const actorHref = (key: string) => `/actors/${encodeURIComponent(key)}`;

interface EventSide {
  name: string;
  country: string | null;
  code: string | null;
  entityId: string | null;
}

/** An actor as a link to its one page, named in words; the code is shown beside the name. */
export function ActorChip({ side, label }: { side: EventSide | string; label?: string | null }) {
  if (typeof side === 'string')
    return (
      <a class="chip" href={actorHref(side)}>
        {label ?? side}
      </a>
    );
  const key = side.entityId ?? side.code ?? side.country ?? side.name;
  const name = label ?? side.name;
  const code = side.code && side.code !== name ? side.code : null;
  return (
    <a class="chip" href={actorHref(key)}>
      {name}
      {code && <span class="code"> {code}</span>}
    </a>
  );
}

/** The sentence an event or quote was read from, linking to it in the reader. */
export function EvidenceLink({
  documentId,
  start,
  end,
  children,
}: {
  documentId: string;
  start: number;
  end: number;
  children: ComponentChildren;
}) {
  return (
    <a class="evidence" href={href(`/doc/${documentId}`, { at: `${start}-${end}` })}>
      {children}
    </a>
  );
}

export function DocLink({ id, title }: { id: string; title: string | null }) {
  return <a href={`/doc/${id}`}>{title || 'Untitled article'}</a>;
}

export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  return value.length > 10 ? value.slice(0, 10) : value;
}
