// One real event mentioned several times is one event with all its evidence spans.
import type { CodedEvent } from './coder.ts';
import type { EventActor } from '../../model/index.ts';

const actorKey = (a: EventActor | null) => (a ? (a.entityId ?? a.code ?? a.country ?? a.name) : '-');
const dateCompatible = (a: string | null, b: string | null) => !a || !b || a.startsWith(b) || b.startsWith(a);

export function mergeMentions(events: CodedEvent[]): CodedEvent[] {
  const out: CodedEvent[] = [];
  for (const e of events) {
    const same = out.find(
      (o) =>
        o.plover === e.plover &&
        actorKey(o.source) === actorKey(e.source) &&
        actorKey(o.target) === actorKey(e.target) &&
        dateCompatible(o.date, e.date) &&
        (o.modality === 'happened') === (e.modality === 'happened') &&
        e.source.name !== 'unknown',
    );
    if (!same) {
      out.push(e);
      continue;
    }
    for (const span of e.evidenceSpans) {
      if (!same.evidenceSpans.some((s) => s.start === span.start)) same.evidenceSpans.push(span);
    }
    same.confidence = Math.min(0.95, Math.max(same.confidence, e.confidence) + 0.05);
    if (!same.location) same.location = e.location;
  }
  return out;
}
