import { useEffect, useRef } from 'preact/hooks';
import { annotate, type Span } from './annotate.ts';

/** The article's text with the chosen highlights; the focused span is scrolled into view. */
export function ArticleText({ text, spans }: { text: string; spans: Span[] }) {
  const box = useRef<HTMLDivElement>(null);
  const hasFocus = spans.some((s) => s.kind === 'focus');
  useEffect(() => {
    const focus = box.current?.querySelector('mark.focus');
    if (focus) focus.scrollIntoView({ block: 'center' });
  }, [hasFocus, text]);
  return (
    <div class="text" ref={box}>
      {annotate(text, spans).map((run) =>
        run.kinds.length ? (
          <mark
            class={run.kinds.join(' ')}
            title={run.title || undefined}
            id={run.kinds.includes('focus') ? 'focus' : undefined}
          >
            {run.text}
          </mark>
        ) : (
          run.text
        ),
      )}
    </div>
  );
}
