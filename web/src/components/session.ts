// Who is signed in, asked once per page load; a server without accounts answers 404: nobody.
import { useEffect, useState } from 'preact/hooks';
import { api, type Answer } from '../api/client.ts';

export type Me = Answer<'/api/auth/me'>;
type Listener = (me: Me | null) => void;

let current: Promise<Me | null> | null = null;
const listeners = new Set<Listener>();

async function fetchMe(): Promise<Me | null> {
  const { data, response } = await api.GET('/api/auth/me').catch(() => ({ data: undefined, response: null }));
  return response?.ok && data ? data : null;
}

export function refreshSession(): void {
  current = fetchMe();
  void current.then((me) => listeners.forEach((l) => l(me)));
}

export function useSession(): Me | null {
  const [me, setMe] = useState<Me | null>(null);
  useEffect(() => {
    current ??= fetchMe();
    void current.then(setMe);
    listeners.add(setMe);
    return () => void listeners.delete(setMe);
  }, []);
  return me;
}
