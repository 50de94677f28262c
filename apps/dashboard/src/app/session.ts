/** The bearer token of the signed-in account, kept in localStorage so a reload stays signed in. */
const KEY = 'leaderscope.token';
type Listener = (token: string | null) => void;
const listeners = new Set<Listener>();

function storage(): Storage | null {
  try {
    return typeof window !== 'undefined' ? window.localStorage : null;
  } catch {
    return null;
  }
}

export const session = {
  token(): string | null {
    return storage()?.getItem(KEY) ?? null;
  },
  set(token: string | null): void {
    const s = storage();
    if (token) s?.setItem(KEY, token);
    else s?.removeItem(KEY);
    for (const listener of listeners) listener(token);
  },
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
