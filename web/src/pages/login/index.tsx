import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { ApiError, api, data } from '../../api/client.ts';
import { refreshSession, useSession } from '../../components/session.ts';

export function LoginPage() {
  const { route, query } = useLocation();
  const me = useSession();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    setBusy(true);
    setError(null);
    try {
      await data(
        api.POST('/api/auth/login', {
          body: { name: String(form.get('name') ?? ''), password: String(form.get('password') ?? '') },
        }),
      );
      refreshSession();
      // Only a path on this site: never //other.example.
      route(query.next && /^\/(?![/\\])/.test(query.next) ? query.next : '/');
    } catch (e) {
      setError(
        e instanceof ApiError && e.status === 401
          ? 'Wrong name or password.'
          : e instanceof ApiError && e.status === 404
            ? 'This server has no accounts.'
            : (e as Error).message,
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="narrow">
      <h1>Sign in</h1>
      {me?.user && <p>You are signed in as {me.user.name}.</p>}
      <form class="stacked" onSubmit={(e) => void submit(e)}>
        <label>
          <span>Name</span>
          <input name="name" autoComplete="username" required />
        </label>
        <label>
          <span>Password</span>
          <input name="password" type="password" autoComplete="current-password" required />
        </label>
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          Sign in
        </button>
      </form>
    </section>
  );
}
