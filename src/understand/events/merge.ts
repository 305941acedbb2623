// One real event mentioned several times is one event with all its evidence spans.
import type { CodedEvent } from './coder.ts';
import type { EventActor } from '../../model/index.ts';

const actorKey = (a: EventActor | null) => (a ? (a.entityId ?? a.code ?? a.country ?? a.name) : '-');
/** A date the text does not name (the publication default) fits any other. */
function dateCompatible(a: CodedEvent, b: CodedEvent): boolean {
  if (a.dateSource !== 'text' || b.dateSource !== 'text' || !a.date || !b.date) return true;
  return a.date.startsWith(b.date) || b.date.startsWith(a.date);
}

export function mergeMentions(events: CodedEvent[]): CodedEvent[] {
  const out: CodedEvent[] = [];
  for (const e of events) {
    const same = out.find(
      (o) =>
        o.plover === e.plover &&
        o.cameo === e.cameo &&
        actorKey(o.source) === actorKey(e.source) &&
        actorKey(o.target) === actorKey(e.target) &&
        dateCompatible(o, e) &&
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
    if (same.dateSource !== 'text' && e.dateSource === 'text')
      [same.date, same.dateSource] = [e.date, e.dateSource];
  }
  return out;
}
