import { useLocation } from 'preact-iso';
import { api } from '../api/client.ts';
import { refreshSession, useSession } from './session.ts';

const LINKS = [
  ['/', 'Articles'],
  ['/events', 'Events'],
  ['/quotes', 'Quotes'],
  ['/actors', 'Actors'],
  ['/relations', 'Relations'],
  ['/graph', 'Graph'],
  ['/stories', 'Stories'],
  ['/feeds', 'Feeds'],
] as const;

export function Nav() {
  const { path } = useLocation();
  const me = useSession();
  const current = (to: string) =>
    to === '/' ? path === '/' || path.startsWith('/doc/') : path.startsWith(to);
  const logout = async () => {
    await api.POST('/api/auth/logout');
    refreshSession();
  };
  return (
    <header class="top">
      <a class="brand" href="/">
        sitrep
      </a>
      <nav aria-label="main">
        <ul>
          {LINKS.map(([to, label]) => (
            <li>
              <a href={to} aria-current={current(to) ? 'page' : undefined}>
                {label}
              </a>
            </li>
          ))}
          {me?.user?.role === 'admin' && (
            <li>
              <a href="/moderation" aria-current={path === '/moderation' ? 'page' : undefined}>
                Moderation
              </a>
            </li>
          )}
        </ul>
      </nav>
      <div class="account">
        {me?.user ? (
          <>
            <span>{me.user.name}</span>
            <button type="button" class="link" onClick={() => void logout()}>
              Sign out
            </button>
          </>
        ) : (
          <a href="/login">Sign in</a>
        )}
      </div>
    </header>
  );
}
