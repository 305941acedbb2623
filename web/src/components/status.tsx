import type { ComponentChildren } from 'preact';
import type { Loaded } from './use-load.ts';

export function ErrorBox({ error }: { error: Error }) {
  return (
    <p class="error" role="alert">
      {error.message}
    </p>
  );
}

/** Loading text, the error, or the children built from the loaded value. */
export function Await<T>({
  loaded,
  children,
}: {
  loaded: Loaded<T>;
  children: (value: T) => ComponentChildren;
}) {
  if (loaded.error) return <ErrorBox error={loaded.error} />;
  if (loaded.value === null)
    return (
      <p class="muted" aria-live="polite">
        Loading…
      </p>
    );
  return <>{children(loaded.value)}</>;
}
