// One real event mentioned several times is one event with all its evidence spans.
import type { CodedEvent } from './coder.ts';
import type { EventActor } from '../../model/index.ts';

/** Mentions name one actor differently ("Iran", "Iranian President Raisi"): compare by country. */
const actorKey = (a: EventActor) => a.country ?? a.code ?? a.name;
/** A mention without a target ("the talks were held on Tuesday") fits a fuller one. */
const targetCompatible = (a: EventActor | null, b: EventActor | null) =>
  !a || !b || actorKey(a) === actorKey(b);
/** Meetings are told as "met", "held talks", "visited": one CONSULT family. */
const sameCode = (a: CodedEvent, b: CodedEvent) =>
  a.cameo === b.cameo || (a.plover === 'CONSULT' && b.plover === 'CONSULT');
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
        sameCode(o, e) &&
        actorKey(o.source) === actorKey(e.source) &&
        targetCompatible(o.target, e.target) &&
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
    if (!same.target) same.target = e.target;
    if (same.dateSource !== 'text' && e.dateSource === 'text')
      [same.date, same.dateSource] = [e.date, e.dateSource];
  }
  return out;
}
