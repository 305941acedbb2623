// Groups linked spans into entities: one entity per actor, with every mention's offsets and form.
import type { Entity, EntityType } from '../../model/index.ts';
import type { Token } from '../text/index.ts';
import { slug } from '../actors/build-actor.ts';
import type { Span } from './spans.ts';

export function groupMentions(text: string, tokens: readonly Token[], spans: readonly Span[]): Entity[] {
  const byId = new Map<string, Entity>();
  for (const span of spans) {
    const start = tokens[span.from]!.start;
    const end = tokens[span.to - 1]!.end;
    const surface = text.slice(start, end);
    const id = span.actor?.entityId ?? `${span.type.toLowerCase()}:${slug(surface)}`;
    let entity = byId.get(id);
    if (!entity) {
      entity = {
        id,
        type: span.actor?.type ?? span.type,
        name: span.actor?.name ?? surface,
        country: span.actor?.country ?? null,
        role: span.actor?.role ?? null,
        sector: span.actor?.sector ?? null,
        mentions: [],
      };
      byId.set(id, entity);
    }
    if (!entity.mentions.some((m) => m.start === start))
      entity.mentions.push({ start, end, text: surface, form: span.form });
  }
  return [...byId.values()].map((e) => ({ ...e, type: e.type as EntityType }));
}
