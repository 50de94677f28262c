import { useApolloClient, useQuery } from '@apollo/client/react';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { MeQuery } from '../../gql/graphql';
import { session } from '../../app/session';
import { errorCode } from '../../app/errors';
import { LOGOUT, ME } from './operations';

export type Me = MeQuery['me'];
export type RoleName = Me['roles'][number];

interface AuthState {
  token: string | null;
  me: Me | null;
  loading: boolean;
  error: unknown;
  signIn: (token: string) => Promise<void>;
  signOut: () => void;
  hasRole: (role: RoleName) => boolean;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const client = useApolloClient();
  const [token, setToken] = useState(session.token());
  useEffect(() => session.subscribe(setToken), []);
  const { data, loading, error } = useQuery(ME, { skip: !token, fetchPolicy: 'network-only' });

  // An expired or revoked token: forget it and show the sign-in page.
  useEffect(() => {
    if (errorCode(error) === 'UNAUTHENTICATED') session.set(null);
  }, [error]);

  const signIn = useCallback(
    async (next: string) => {
      await client.clearStore();
      session.set(next);
    },
    [client],
  );
  const signOut = useCallback(() => {
    // End the session on the server too (its token stops working), then forget it here.
    void client
      .mutate({ mutation: LOGOUT })
      .catch(() => undefined)
      .finally(() => {
        session.set(null);
        void client.clearStore();
      });
  }, [client]);

  const me = token ? (data?.me ?? null) : null;
  const value = useMemo<AuthState>(
    () => ({ token, me, loading: Boolean(token) && loading, error, signIn, signOut, hasRole: (role) => Boolean(me?.roles.includes(role)) }),
    [token, me, loading, error, signIn, signOut],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}

/** Where each role starts. */
export function homePath(me: Me | null): string {
  if (!me) return '/login';
  if (me.roles.includes('HR_ADMIN')) return '/cycles';
  if (me.roles.includes('LEADER')) return '/my-reports';
  if (me.roles.includes('MANAGER')) return '/team';
  if (me.roles.includes('COACH')) return '/coaching';
  return '/my-reports';
}
