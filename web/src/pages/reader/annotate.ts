// Cuts an article's text into runs, each marked with the highlights that cover it.
export type Kind = 'entity' | 'quote' | 'event' | 'focus';

export interface Span {
  start: number;
  end: number;
  kind: Kind;
  /** Tooltip: the entity's name, the quote's speaker, the event's type. */
  title: string;
}

export interface Run {
  text: string;
  kinds: Kind[];
  title: string;
  start: number;
}

/** Runs in text order; a run carries every kind that covers it (nested highlights stay visible). */
export function annotate(text: string, spans: Span[]): Run[] {
  const valid = spans.filter((s) => s.start >= 0 && s.end <= text.length && s.start < s.end);
  const cuts = new Set([0, text.length]);
  for (const s of valid) cuts.add(s.start).add(s.end);
  const points = [...cuts].sort((a, b) => a - b);
  const runs: Run[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const [from, to] = [points[i]!, points[i + 1]!];
    const covering = valid.filter((s) => s.start <= from && s.end >= to);
    runs.push({
      text: text.slice(from, to),
      kinds: [...new Set(covering.map((s) => s.kind))],
      title: covering.map((s) => s.title).join(' · '),
      start: from,
    });
  }
  return runs;
}
